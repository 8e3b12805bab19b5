package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keycard.testing.Await;
import dev.keycard.testing.RedisServer;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis going away and coming back: while it is down, login and refresh answer 503 (not 401: an outage must not
 * look like theft or log anyone out), access tokens keep working and health says DOWN; once Redis is back,
 * Keycard works again without a restart.
 */
class RedisOutageHttpTest {
    @TempDir
    Path dir;

    @Test
    void requestsWhenRedisStopsThen503AndWhenItReturnsThenWorkingWithoutRestart() {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"));
             TestServer server = TestServer.builder()
                     .setting("keycard.store", "redis")
                     .setting("keycard.redis.uri", redis.uri())
                     .setting("keycard.redis.timeout", "1s")
                     .start()) {
            Api api = new Api(server.baseUrl());
            Response login = api.loginUser();
            String refresh = Api.refreshToken(login);
            String access = Api.accessToken(login);
            api.request().get("/api/health").then().statusCode(200).body("status", equalTo("UP"));

            redis.stop();

            Response refreshed = api.refresh(refresh);
            refreshed.then().statusCode(503).body("error", equalTo("temporarily_unavailable"))
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"));
            assertEquals(List.of(), Api.refreshSetCookies(refreshed), "an outage must not clear the cookie");
            api.login(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD)
                    .then().statusCode(503).body("error", equalTo("temporarily_unavailable"))
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"));
            Response logout = api.logout(refresh);
            logout.then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
            assertEquals(List.of(), Api.refreshSetCookies(logout), "a logout that did not happen keeps the cookie");
            api.profile(access).then().statusCode(200).body("userId", equalTo("u-user"));
            api.request().get("/api/health").then().statusCode(503).body("status", equalTo("DOWN"));

            redis.start();

            Await.until("health is UP again", Duration.ofSeconds(15),
                    () -> api.request().get("/api/health").statusCode() == 200);
            // Redis came back empty (no persistence here), so the old session is gone; a new login works end to end.
            api.refresh(refresh).then().statusCode(401).body("error", equalTo("invalid_token"));
            Response again = api.loginUser();
            Response rotated = api.refresh(Api.refreshToken(again));
            rotated.then().statusCode(200);
            api.profile(Api.accessToken(rotated)).then().statusCode(200);
        }
    }
}
