package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.session.SessionSnapshot;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful restart of embedded Keycard with {@code keycard.session.dataDir}: live sessions survive, and what was
 * revoked or spent before the restart stays so. (Crashes are covered against a standalone Tomcat process.)
 */
class SessionRestartHttpTest {
    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.startingNow();

    private TestServer start() {
        return TestServer.builder().clock(clock).setting("keycard.session.dataDir", dataDir.toString()).start();
    }

    @Test
    void restartWhenGracefulThenLiveSessionsSurviveAndRevokedOrSpentTokensStayDead() {
        String a0;
        String a2;
        String b;
        String access;
        try (TestServer first = start()) {
            Api api = new Api(first.baseUrl());
            Response login = api.loginUser();
            access = Api.accessToken(login);
            a0 = Api.refreshToken(login);
            clock.advance(Duration.ofMinutes(1));
            String a1 = Api.refreshToken(api.refresh(a0));
            clock.advance(Duration.ofMinutes(1));
            a2 = Api.refreshToken(api.refresh(a1));
            b = Api.refreshToken(api.loginUser());
            api.logout(b).then().statusCode(204);
        }
        Path snapshot = dataDir.resolve(SessionSnapshot.FILE_NAME);
        assertTrue(Files.exists(snapshot), "written on shutdown");

        try (TestServer second = start()) {
            assertFalse(Files.exists(snapshot), "consumed on start");
            Api api = new Api(second.baseUrl());
            api.refresh(b).then().statusCode(401);
            api.profile(access).then().statusCode(200);
            String a3 = Api.refreshToken(api.refresh(a2).then().statusCode(200).extract().response());
            api.refresh(a0).then().statusCode(401);
            // reuse of a spent token is still detected as theft: the whole session is revoked
            api.refresh(a3).then().statusCode(401);
        }
    }
}
