package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import java.nio.charset.StandardCharsets;

/** Logins from a given client address (via X-Forwarded-For behind the test proxy) and the 429 they may earn. */
final class ThrottledLogins {
    private ThrottledLogins() {
    }

    static RawHttp.Response login(TestServer server, String client, String email, String password) {
        String body = "{\"email\":" + Api.quote(email) + ",\"password\":" + Api.quote(password) + "}";
        return new RawHttp(server.baseUrl()).post("/api/login", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json", "X-Forwarded-For: " + client);
    }

    static void assertTooMany(RawHttp.Response r) {
        assertEquals(429, r.status(), r.body());
        assertEquals("{\"error\":\"too_many_requests\",\"error_description\":\"Too many failed logins; try again later\"}",
                r.body());
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After within the window: " + retryAfter);
        assertTrue(r.headers("Set-Cookie").isEmpty(), "no cookie");
    }
}
