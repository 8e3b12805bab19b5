package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.session.SessionSnapshot;
import dev.keycard.testing.CatalinaBase;
import dev.keycard.testing.StandaloneTomcat;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Restarts of the WAR in a standalone Tomcat 11 with {@code keycard.session.dataDir}: a graceful stop (SIGTERM)
 * keeps live sessions and what was revoked or spent stays so; a crash (SIGKILL) loses sessions but never brings
 * back one revoked, or a token spent, since the last graceful start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatRestartIT {
    private StandaloneTomcat tomcat;
    private Path snapshot;

    @BeforeAll
    void prepare() {
        CatalinaBase base = CatalinaBase.builder("keycard.it.tomcat11")
                .property("keycard.session.dataDir", "data")
                .create(getClass().getSimpleName());
        tomcat = new StandaloneTomcat(base);
        snapshot = base.keycardDir().resolve("data").resolve(SessionSnapshot.FILE_NAME);
    }

    @AfterAll
    void stopAndCheckLogs() {
        tomcat.close();
        assertEquals(List.of(), tomcat.severeOrKeycardStackTraceLines(), "Tomcat's logs");
    }

    @Test
    void restartWhenGracefulThenSessionsSurviveAndWhenKilledThenNothingRevokedOrSpentComesBack() throws IOException {
        Api api = new Api(tomcat.start().baseUrl());
        Response loginA = api.loginUser();
        String a0 = Api.refreshToken(loginA);
        String a1 = Api.refreshToken(api.refresh(a0));
        String a2 = Api.refreshToken(api.refresh(a1));
        String b0 = Api.refreshToken(api.loginUser());
        String c0 = Api.refreshToken(api.loginUser());
        api.logout(c0).then().statusCode(204);

        tomcat.stop();
        assertTrue(Files.exists(snapshot), "written on graceful shutdown");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot)));
        String saved = Files.readString(snapshot);
        for (String token : List.of(Api.accessToken(loginA), a0, a1, a2, b0, c0)) {
            assertFalse(saved.contains(token), "no token in the snapshot");
        }

        tomcat.start();
        assertFalse(Files.exists(snapshot), "consumed before the first request");
        api.refresh(c0).then().statusCode(401);
        String a3 = Api.refreshToken(api.refresh(a2).then().statusCode(200).extract().response());
        api.refresh(a0).then().statusCode(401);
        api.refresh(a3).then().statusCode(401);
        String b1 = Api.refreshToken(api.refresh(b0).then().statusCode(200).extract().response());
        api.logout(b1).then().statusCode(204);

        tomcat.kill();
        assertFalse(Files.exists(snapshot), "a crash writes nothing");

        tomcat.start();
        // Before the crash: b0 and a2 were spent, B and A revoked. The state saved before the previous start
        // had both as current tokens of live sessions; it must not come back.
        api.refresh(b0).then().statusCode(401);
        api.refresh(a2).then().statusCode(401);
        api.refresh(c0).then().statusCode(401);
        api.refresh(Api.refreshToken(api.loginUser())).then().statusCode(200);
    }
}
