package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestUsers;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/login over real HTTP; part of the {@link ContractSuite} run against every deployment. */
abstract class LoginContract extends Contract {

    @Test
    void loginWhenCredentialsValidThenAccessTokenJsonAndRefreshCookie() {
        Response r = api.login(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
        r.then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("accessToken", org.hamcrest.Matchers.matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
        List<String> cookies = Api.refreshSetCookies(r);
        assertEquals(1, cookies.size(), "exactly one refresh Set-Cookie");
        String token = Api.refreshToken(r);
        assertEquals("refreshToken=" + token + "; Path=" + cookiePath() + "; Max-Age=604800; Secure; HttpOnly; SameSite=Strict",
                cookies.get(0));
        assertFalse(r.asString().contains(token), "the refresh token never appears in the body");
    }

    @Test
    void loginWhenEmailDiffersInCaseAndSpacesThenSucceeds() {
        api.login("  USER@Example.TEST ", TestUsers.USER_PASSWORD).then().statusCode(200);
    }

    @Test
    void loginWhenContentTypeHasCharsetThenAccepted() {
        api.request().contentType("application/json; charset=UTF-8")
                .body("{\"email\":\"user@example.test\",\"password\":\"user-password-1\"}")
                .post("/api/login").then().statusCode(200);
    }

    @Test
    void loginWhenPasswordWrongOrEmailUnknownOrAccountDisabledThenIdenticalAnswers() {
        Response wrong = api.login(TestUsers.USER_EMAIL, "not-the-password");
        Response unknown = api.login("nobody-" + System.nanoTime() + "@example.test", "not-the-password");
        Response disabled = api.login(TestUsers.LOCKED_EMAIL, TestUsers.LOCKED_PASSWORD);
        Response empty = api.login(TestUsers.USER_EMAIL, "");
        for (Response r : List.of(wrong, unknown, disabled, empty)) {
            r.then().statusCode(401).body("error", equalTo("invalid_credentials"));
            assertEquals(wrong.asString(), r.asString(), "byte-identical body");
            assertEquals(headersWithoutDate(wrong), headersWithoutDate(r), "identical headers");
            assertTrue(Api.refreshSetCookies(r).isEmpty(), "no cookie on failure");
        }
    }

    private static Map<String, String> headersWithoutDate(Response r) {
        Map<String, String> m = new TreeMap<>();
        r.headers().forEach(h -> {
            if (!h.getName().equalsIgnoreCase("Date")) {
                m.merge(h.getName().toLowerCase(), h.getValue(), (a, b) -> a + "\n" + b);
            }
        });
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"email\":\"user@example.test\",\"password\":",         // truncated
        "not json",
        "[\"user@example.test\",\"user-password-1\"]",            // array root
        "\"just a string\"",
        "{\"email\":\"user@example.test\"}",                      // missing password
        "{\"password\":\"user-password-1\"}",                     // missing email
        "{\"email\":123,\"password\":\"user-password-1\"}",       // number where a string belongs
        "{\"email\":\"user@example.test\",\"password\":null}",
        "{\"email\":[\"user@example.test\"],\"password\":\"x\"}",
        "{\"email\":\"a@example.test\",\"email\":\"user@example.test\",\"password\":\"user-password-1\"}",
        "{\"email\":\"user@example.test\",\"password\":\"user-password-1\"} {}",
        "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}},\"email\":\"user@example.test\",\"password\":\"user-password-1\"}",
        ""
    })
    void loginWhenBodyMalformedThen400(String body) {
        api.request().contentType("application/json").body(body).post("/api/login")
                .then().statusCode(400).contentType("application/json")
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void loginWhenBodyIsInvalidUtf8Then400() {
        byte[] prefix = "{\"email\":\"user@example.test\",\"password\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xE9;
        body[prefix.length + 1] = (byte) 0xFF;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        api.request().contentType("application/json").body(body).post("/api/login")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=ISO-8859-1", "application/jsonx"})
    void loginWhenContentTypeIsNotJsonThen415(String type) {
        java.net.http.HttpResponse<String> r = api.raw("POST", "/api/login",
                "{\"email\":\"user@example.test\",\"password\":\"user-password-1\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", type);
        assertEquals(415, r.statusCode());
        assertEquals("application/json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("\"error\":\"unsupported_media_type\""), r.body());
    }

    @Test
    void loginWhenBodyOver8KiBThen413() {
        String big = "{\"email\":\"user@example.test\",\"password\":\"" + "x".repeat(9000) + "\"}";
        api.request().contentType("application/json").body(big).post("/api/login")
                .then().statusCode(413).contentType("application/json").body("error", equalTo("payload_too_large"));
    }

    @Test
    void loginWhenBodyExactly8KiBThenParsed() {
        String head = "{\"email\":\"user@example.test\",\"password\":\"";
        String body = head + "x".repeat(8192 - head.length() - 2) + "\"}";
        assertEquals(8192, body.length());
        api.request().contentType("application/json").body(body).post("/api/login")
                .then().statusCode(401).body("error", equalTo("invalid_credentials"));
    }

    @Test
    void loginWhenMethodIsGetThen405WithAllow() {
        api.request().get("/api/login").then().statusCode(405).header("Allow", "POST")
                .contentType("application/json").body("error", equalTo("method_not_allowed"));
    }
}
