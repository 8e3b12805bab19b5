package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile refresh cookies against {@code POST /api/auth/refresh}: each is refused with 401 {@code invalid_token}, the
 * cookie is cleared, nothing is echoed, and the genuine session is left intact (a refusal before any lookup never
 * revokes it).
 */
class HostileCookieHttpTest {
    private static TestServer server;
    private static RawHttp raw;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        raw = new RawHttp(server.baseUrl());
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response refresh(String... headerLines) {
        return raw.send("POST", "/api/auth/refresh", null, List.of(headerLines));
    }

    static void assertRefused(RawHttp.Response r, String token) {
        assertEquals(401, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertTrue(r.body().contains("\"error\":\"invalid_token\""), r.body());
        List<String> cookies = r.headers("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).startsWith("refreshToken=; Path=/api/auth; Max-Age=0"), cookies.get(0));
        Rejections.assertNoLeak(r, token);
    }

    private static void assertStillUsable(String refreshToken) {
        api.refresh(refreshToken).then().statusCode(200);
    }

    @Test
    void refreshCookieSentTwiceWithDifferentValuesThen401AndSessionKept() {
        String genuine = Api.refreshToken(api.loginUser());
        String other = Api.refreshToken(api.loginUser());
        assertRefused(refresh("Cookie: refreshToken=" + genuine + "; refreshToken=" + other), genuine);
        assertRefused(refresh("Cookie: refreshToken=" + genuine, "Cookie: refreshToken=" + other), genuine);
        assertRefused(refresh("Cookie: refreshToken=" + genuine + "; refreshToken=garbage"), genuine);
        assertStillUsable(genuine);
        assertStillUsable(other);
    }

    @Test
    void refreshCookieSentTwiceWithTheSameValueThenOneCookie() {
        String genuine = Api.refreshToken(api.loginUser());
        assertEquals(200, refresh("Cookie: refreshToken=" + genuine + "; refreshToken=" + genuine).status());
    }

    @Test
    void quotedCookieValueThen401() {
        String genuine = Api.refreshToken(api.loginUser());
        assertRefused(refresh("Cookie: refreshToken=\"" + genuine + "\""), genuine);
        assertRefused(refresh("Cookie: refreshToken='" + genuine + "'"), genuine);
        assertStillUsable(genuine);
    }

    @Test
    void accessTokenOrAccessKeySignedTokenAsRefreshCookieThen401() {
        io.restassured.response.Response login = api.loginUser();
        String access = Api.accessToken(login);
        String genuine = Api.refreshToken(login);
        assertRefused(refresh("Cookie: refreshToken=" + access), access);
        String forged = Jwts.sign(Jwts.segmentJson(genuine, 0), Jwts.segmentJson(genuine, 1), TestServer.ACCESS_SECRET);
        assertRefused(refresh("Cookie: refreshToken=" + forged), forged);
        String none = Jwts.b64("{\"alg\":\"none\",\"typ\":\"rt+jwt\"}") + "." + genuine.split("\\.")[1] + ".";
        assertRefused(refresh("Cookie: refreshToken=" + none), none);
        assertStillUsable(genuine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "a..c", "..", ".", "%2B", "x", "a.b.c.d.e"})
    void malformedRefreshCookieThen401(String value) {
        assertRefused(refresh("Cookie: refreshToken=" + value), null);
    }

    @Test
    void refreshCookieWithDuplicateClaimOrBadBase64Then401() {
        String genuine = Api.refreshToken(api.loginUser());
        String payload = Jwts.segmentJson(genuine, 1);
        String twoSessions = payload.substring(0, payload.length() - 1) + ",\"sid\":\"another\"}";
        String forged = Jwts.sign(Jwts.segmentJson(genuine, 0), twoSessions, TestServer.REFRESH_SECRET);
        assertRefused(refresh("Cookie: refreshToken=" + forged), forged);
        String[] p = genuine.split("\\.");
        String cut = p[0] + "." + p[1].substring(0, 10) + p[1].substring(11) + "." + p[2];
        assertRefused(refresh("Cookie: refreshToken=" + cut), genuine);
        assertStillUsable(genuine);
    }

    @Test
    void oversizeRefreshCookieThen401() {
        String huge = "A".repeat(20 * 1024);
        assertRefused(refresh("Cookie: refreshToken=" + huge), huge);
    }
}
