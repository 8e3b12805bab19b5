package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** What every refusal of a hostile credential must look like. */
final class Rejections {
    private Rejections() {
    }

    /** 401, invalid_token challenge and body, JSON, and neither the token nor internals in the answer. */
    static void assertBearerRejected(RawHttp.Response r, String token) {
        assertEquals(401, r.status(), r.body());
        String challenge = r.header("WWW-Authenticate");
        assertNotNull(challenge, "challenge");
        assertTrue(challenge.startsWith("Bearer realm=\"keycard\", error=\"invalid_token\""), challenge);
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertTrue(r.body().contains("\"error\":\"invalid_token\""), r.body());
        assertNoLeak(r, token);
    }

    static void assertNoLeak(RawHttp.Response r, String token) {
        for (String leak : List.of("Exception", "at com.", "at dev.", "com.auth0", "Tomcat", "<html", "u-user")) {
            assertFalse(r.body().contains(leak), () -> "body leaks " + leak + ": " + r.body());
        }
        if (token != null && token.length() >= 8) {
            for (String part : token.split("\\.")) {
                if (part.length() >= 8) {
                    assertFalse(r.body().contains(part), "body echoes the token");
                    assertFalse(String.valueOf(r.header("WWW-Authenticate")).contains(part), "challenge echoes it");
                }
            }
        }
    }
}
