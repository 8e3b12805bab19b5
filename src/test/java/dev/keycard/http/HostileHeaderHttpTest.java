package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile Authorization headers around a genuine token against {@code GET /api/profile}, sent byte for byte: the
 * scheme is case-insensitive and takes any run of spaces or tabs, but exactly one header with exactly one token is
 * honoured; the query string is never read; oversize tokens and header sections get JSON answers.
 */
class HostileHeaderHttpTest {
    private static TestServer server;
    private static RawHttp raw;
    private static String access;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        raw = new RawHttp(server.baseUrl());
        access = Api.accessToken(new Api(server.baseUrl()).loginUser());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response profile(String token) {
        return raw.get("/api/profile", "Authorization: Bearer " + token);
    }

    @Test
    void surroundingWhitespaceIsHeaderPaddingButWhitespaceInsideTheTokenThen401() {
        // optional whitespace around a header value is not part of it (RFC 9110 section 5.5)
        assertEquals(200, raw.get("/api/profile", "Authorization:   Bearer " + access + " \t").status());
        int mid = access.length() / 2;
        Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: Bearer " + access.substring(0, mid) + " "
                + access.substring(mid)), access);
        Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: Bearer " + access.substring(0, mid) + "\t"
                + access.substring(mid)), access);
    }


    @Test
    void schemeInAnyCaseAndExtraSpacesAcceptedWithExactlyOneToken() {
        for (String h : List.of("bearer " + access, "BEARER " + access, "bEaReR " + access, "Bearer    " + access,
                "Bearer \t " + access)) {
            assertEquals(200, raw.get("/api/profile", "Authorization: " + h).status(), h);
        }
        for (String h : List.of("Bearer " + access + ", Bearer garbage", "Bearer " + access + " " + access,
                "Bearer" + access, "Bearer " + access + ",", "Bearer,", "Basic dXNlcjpwdw==", "Bearer")) {
            Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: " + h), access);
        }
    }


    @Test
    void twoAuthorizationHeadersThen401WhicheverComesFirst() {
        Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: Bearer " + access, "Authorization: Bearer garbage"), access);
        Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: Bearer garbage", "Authorization: Bearer " + access), access);
        Rejections.assertBearerRejected(raw.get("/api/profile", "Authorization: Bearer " + access, "Authorization: Bearer " + access), access);
    }


    @Test
    void tokenInQueryStringIsIgnored() {
        RawHttp.Response r = raw.get("/api/profile?access_token=" + access);
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"keycard\"", r.header("WWW-Authenticate"));
        Rejections.assertNoLeak(r, access);
        // and a valid header is not displaced by a forged query parameter
        assertEquals(200, raw.get("/api/profile?access_token=forged", "Authorization: Bearer " + access).status());
    }


    @Test
    void oversizeTokensThen401Json() {
        for (int size : new int[] {4097, 9000, 20 * 1024}) {
            String token = access + "A".repeat(size - access.length());
            Rejections.assertBearerRejected(profile(token), token);
        }
    }


    @Test
    void headerSectionBeyondTheConnectorLimitThen400JsonNotHtmlOrReset() {
        RawHttp.Response r = profile("A".repeat(64 * 1024));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertTrue(r.body().contains("\"error\":\"invalid_request\""), r.body());
        Rejections.assertNoLeak(r, null);
    }

    @Test
    void unknownTransferCodingOrMethodThen4xxJsonNeverServerError() {
        RawHttp.Response coding = raw.send("POST", "/api/login", "x".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                List.of("Content-Type: application/json", "Transfer-Encoding: foo"));
        assertEquals(400, coding.status(), coding.body());
        assertTrue(coding.body().contains("\"error\":\"invalid_request\""), coding.body());
        RawHttp.Response method = raw.send("PROPFIND", "/", null, List.of());
        assertEquals(405, method.status(), method.body());
        assertTrue(method.body().contains("\"error\":\"method_not_allowed\""), method.body());
        Rejections.assertNoLeak(method, null);
    }
}
