package dev.keycard.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.auth0.jwt.JWT;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestKeys.TestKey;
import dev.keycard.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the access-token key by configuration, over HTTP: Keycard restarted with a new current key keeps
 * accepting tokens of the previous key until they expire; restarted without the previous key it refuses them.
 */
class KeyRotationHttpTest {
    @TempDir
    Path dir;

    private static TestServer start(MutableClock clock, TestKey... keys) {
        return TestServer.builder().clock(clock)
                .setting("keycard.access.algorithm", "RS256")
                .setting("keycard.access.keys", String.join(",",
                        Arrays.stream(keys).map(k -> k.file().toString()).toList()))
                .start();
    }

    private static String kid(String token) {
        return JWT.decode(token).getKeyId();
    }

    private static List<String> publishedKids(Api api) {
        return api.request().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath()
                .getList("keys.kid", String.class);
    }

    @Test
    void rotationWhenNewKeyAddedThenOldTokensLiveOutTheirTimeAndWhenOldKeyRemovedThenRefused() {
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        TestKey k2 = TestKeys.rsa(dir, "k2.pem");
        MutableClock clock = MutableClock.startingNow();
        Instant start = clock.instant();

        String t1;
        String kid1;
        try (TestServer a = start(clock, k1)) {
            Api api = new Api(a.baseUrl());
            t1 = Api.accessToken(api.loginUser());
            kid1 = kid(t1);
            assertEquals(List.of(kid1), publishedKids(api));
        }

        String kid2;
        try (TestServer b = start(clock, k2, k1)) {
            Api api = new Api(b.baseUrl());
            clock.advance(Duration.ofMinutes(1));
            api.profile(t1).then().statusCode(200).body("userId", equalTo("u-user"));
            String t2 = Api.accessToken(api.loginUser());
            kid2 = kid(t2);
            assertNotEquals(kid1, kid2, "new tokens are signed with the new key");
            assertEquals(List.of(kid2, kid1), publishedKids(api));
            api.profile(t2).then().statusCode(200);

            clock.set(start.plus(Duration.ofMinutes(15)).plusSeconds(29)); // within exp + 30 s skew
            api.profile(t1).then().statusCode(200);
            clock.set(start.plus(Duration.ofMinutes(15)).plusSeconds(31));
            api.profile(t1).then().statusCode(401).body("error", equalTo("invalid_token"))
                    .body("error_description", equalTo("The token has expired"));
        }

        clock.set(start.plus(Duration.ofMinutes(1)));
        try (TestServer c = start(clock, k2)) {
            Api api = new Api(c.baseUrl());
            api.profile(t1).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("error", equalTo("invalid_token"))
                    .body("error_description", equalTo("The token's signing key is not known"));
            String t3 = Api.accessToken(api.loginUser());
            assertEquals(kid2, kid(t3), "the kid is the key's own, stable across restarts");
            api.profile(t3).then().statusCode(200);
            assertEquals(List.of(kid2), publishedKids(api));
        }
    }
}
