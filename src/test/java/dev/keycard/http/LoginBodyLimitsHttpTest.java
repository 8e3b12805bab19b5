package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile login bodies, sent byte for byte: every JSON that is not exactly one flat-enough object of two strings
 * gets 400 {@code invalid_request}, never a 500 and never a password check (the bodies name a real account with its
 * real password wherever the JSON would otherwise allow it, so acceptance would show as 200).
 */
class LoginBodyLimitsHttpTest {
    private static final String CREDENTIALS = "\"email\":\"user@example.test\",\"password\":\"user-password-1\"";

    private static TestServer server;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        raw = new RawHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response login(byte[] body, String... extraHeaders) {
        List<String> headers = new java.util.ArrayList<>(List.of("Content-Type: application/json"));
        headers.addAll(List.of(extraHeaders));
        return raw.send("POST", "/api/login", body, headers);
    }

    private static void assertInvalid(RawHttp.Response r) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertTrue(r.body().startsWith("{\"error\":\"invalid_request\""), r.body());
        assertTrue(r.headers("Set-Cookie").isEmpty());
        assertTrue(!r.body().contains("user-password-1") && !r.body().contains("Exception"), r.body());
    }

    @Test
    void controlWhenWellFormedThen200() {
        assertEquals(200, login(("{" + CREDENTIALS + "}").getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(200, login(("{" + CREDENTIALS + ",\"remember\":true}").getBytes(StandardCharsets.UTF_8)).status(),
                "other members are ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{" + CREDENTIALS + ",\"password\":\"user-password-1\"}",
        "{\"email\":\"user@example.test\"," + CREDENTIALS + "}",
        "{" + CREDENTIALS + ",\"x\":{\"a\":1,\"a\":2}}",
        "{" + CREDENTIALS + ",\"x\":[[[[[[[[1]]]]]]]]}",
        "{" + CREDENTIALS + ",\"x\":{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}}",
        "[{" + CREDENTIALS + "}]",
        "123", "true", "null", "\"user@example.test\"", "1e400",
        "{\"email\":\"user@example.test\",\"password\":12345}",
        "{\"email\":\"user@example.test\",\"password\":true}",
        "{\"email\":\"user@example.test\",\"password\":1e400}",
        "{\"email\":{\"value\":\"user@example.test\"},\"password\":\"user-password-1\"}",
        "{\"email\":\"user@example.test\",\"password\":[\"user-password-1\"]}",
        "{\"email\":\"user@example.test\",\"password\":NaN}",
        "{\"email\":\"user@example.test\",\"password\":\"user-password-1\",}",
        "{'email':'user@example.test','password':'user-password-1'}",
        "{email:\"user@example.test\",password:\"user-password-1\"}",
        "/* c */{" + CREDENTIALS + "}",
        "{" + CREDENTIALS + "}{" + CREDENTIALS + "}",
        "{" + CREDENTIALS + "} x",
        "{\"email\":\"user@example.test\",\"password\":\"user-\tpassword-1\"}",
        "   ", "{}"
    })
    void loginWhenJsonIsNotOneObjectOfStringsThen400(String body) {
        assertInvalid(login(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "80", "E282", "EDA080", "F4908080", "FF", "FEFF"})
    void loginWhenBodyHasInvalidUtf8InAValueThen400(String hex) {
        assertInvalid(login(withBytesInPassword(hex)));
    }

    @Test
    void loginWhenInvalidUtf8InAKeyOrUtf16BodyThen400() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"e".getBytes(StandardCharsets.US_ASCII));
        b.write(0xC3);
        b.writeBytes(("\":1," + CREDENTIALS + "}").getBytes(StandardCharsets.US_ASCII));
        assertInvalid(login(b.toByteArray()));
        assertInvalid(login(("{" + CREDENTIALS + "}").getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void loginWhenEmailLongerThan320CharactersThen400AndAt320ThenAnOrdinaryFailure() {
        String local = "a".repeat(320 - "@example.test".length());
        assertEquals(401, login(("{\"email\":\"" + local + "@example.test\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8)).status());
        assertInvalid(login(("{\"email\":\"a" + local + "@example.test\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void loginWhenChunkedBodyOver8KiBThen413() {
        String big = "{" + CREDENTIALS + ",\"x\":\"" + "y".repeat(9000) + "\"}";
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        String chunked = Integer.toHexString(bytes.length) + "\r\n" + big + "\r\n0\r\n\r\n";
        RawHttp.Response big413 = raw.send("POST", "/api/login", chunked.getBytes(StandardCharsets.UTF_8),
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked"));
        assertEquals(413, big413.status(), big413.body());
        assertTrue(big413.body().contains("\"error\":\"payload_too_large\""), big413.body());
    }

    private static byte[] withBytesInPassword(String hex) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"email\":\"user@example.test\",\"password\":\"user-".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < hex.length(); i += 2) {
            b.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        b.writeBytes("password-1\"}".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }
}
