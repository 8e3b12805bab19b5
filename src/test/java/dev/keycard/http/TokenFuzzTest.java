package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the two credential paths over real HTTP: the Authorization header of {@code GET /api/profile} (bearer
 * header to principal) and the refresh cookie of {@code POST /api/auth/refresh} (cookie to session). Whatever the
 * bytes, the answer is a 4xx JSON error or a 200 for a token whose HMAC really is the deployment's (checked here
 * independently of Keycard), never a 5xx. The normal test run replays the seed corpus in
 * {@code src/test/resources/dev/keycard/fuzz/TokenFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (README).
 *
 * <p>The server's clock is fixed at {@link #NOW} so that the genuine token in the corpus stays valid for ever.
 */
class TokenFuzzTest {
    /** The instant the seed tokens were issued at (they expire 15 minutes later). */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final Set<Integer> EXPECTED = Set.of(200, 400, 401);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.builder().clock(new MutableClock(NOW)).start();
        http = new RawHttp(server.baseUrl());
    }

    /** Jazzer's SSRF detector flags every outgoing connection while fuzzing; these go to our own server. */
    private static SilentCloseable allowOwnServer() {
        int port = server.baseUri().getPort();
        try {
            return BugDetectors.allowNetworkConnections((host, p) -> p == port);
        } catch (IllegalStateException e) {
            // no bug detectors are loaded (the corpus is replayed without instrumentation): nothing to allow
            return () -> { };
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "10m")
    void bearerHeader(byte[] input) throws IOException {
        String value = headerSafe(input);
        RawHttp.Response a;
        try (SilentCloseable allowed = allowOwnServer()) {
            a = http.get("/api/profile", "Authorization: " + value);
        }
        assertTrue(EXPECTED.contains(a.status()), () -> a.status() + " " + a.body());
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/json"), a::body);
        if (a.status() == 200) {
            String[] words = value.trim().split("[ \t]+");
            String token = words[words.length - 1];
            assertGenuine(token, TestServer.ACCESS_SECRET);
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertEquals(claims.get("sub").asText(), MAPPER.readTree(a.body()).get("userId").asText(),
                    "the principal is the token's subject");
        } else if (a.status() == 401) {
            assertTrue(String.valueOf(a.header("WWW-Authenticate")).startsWith("Bearer realm=\"keycard\""), a::body);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void refreshCookie(byte[] input) {
        String value = headerSafe(input);
        RawHttp.Response a;
        try (SilentCloseable allowed = allowOwnServer()) {
            a = http.post("/api/auth/refresh", null, "Cookie: refreshToken=" + value);
        }
        assertTrue(EXPECTED.contains(a.status()), () -> a.status() + " " + a.body());
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/json"), a::body);
        if (a.status() == 200) {
            assertGenuine(value.trim(), TestServer.REFRESH_SECRET);
        }
    }

    /** The input as one header value: each byte one ISO-8859-1 character, line breaks made spaces. */
    static String headerSafe(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1).replace('\r', ' ').replace('\n', ' ');
    }

    /** The token's third segment is exactly the HMAC-SHA256 of the first two under {@code secret}. */
    static void assertGenuine(String token, String secret) {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "an accepted token has three segments");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]), "accepted token is forged");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
