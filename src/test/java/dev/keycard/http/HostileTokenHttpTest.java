package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keycard.testing.TestServer;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile bearer tokens against {@code GET /api/profile} (header shapes: {@link HostileHeaderHttpTest}): each is
 * refused with 401, an RFC 6750 {@code error="invalid_token"} challenge and a JSON body that echoes nothing. Forged tokens are built
 * from the claims of a genuine one and re-signed with the deployment's real key where that matters, so the only
 * thing wrong with each is the property under test ({@link #resignedGenuineClaimsThenAccepted} proves the rest).
 */
class HostileTokenHttpTest {
    private static String hs256Header;
    private static String kid;

    private static TestServer server;
    private static RawHttp raw;
    private static String access;
    private static String refresh;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        raw = new RawHttp(server.baseUrl());
        Api api = new Api(server.baseUrl());
        io.restassured.response.Response login = api.loginUser();
        access = Api.accessToken(login);
        refresh = Api.refreshToken(login);
        kid = com.auth0.jwt.JWT.decode(access).getKeyId();
        hs256Header = withKid("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}");
    }

    /** The header with the deployment's real kid first, so that only what a test changes can be wrong. */
    private static String withKid(String headerJson) {
        return "{\"kid\":\"" + kid + "\"," + headerJson.substring(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long now() {
        return server.clock().instant().getEpochSecond();
    }

    private static String resigned(Consumer<ObjectNode> change) {
        ObjectNode claims = Jwts.claims(access);
        change.accept(claims);
        return Jwts.sign(hs256Header, Jwts.json(claims), TestServer.ACCESS_SECRET);
    }

    private static RawHttp.Response profile(String token) {
        return raw.get("/api/profile", "Authorization: Bearer " + token);
    }

    private static void assertProfileRejects(String token) {
        Rejections.assertBearerRejected(profile(token), token);
    }

    @Test
    void resignedGenuineClaimsThenAccepted() {
        assertEquals(200, profile(resigned(c -> { })).status());
        assertEquals(200, profile(access).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNoneInAnyCaseWithEmptySignatureThen401(String alg) {
        String payload = access.split("\\.")[1];
        assertProfileRejects(Jwts.b64("{\"alg\":\"" + alg + "\"}") + "." + payload + ".");
        assertProfileRejects(Jwts.b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}") + "." + payload + ".");
    }

    @Test
    void algNoneWithPaddedHeaderOrKeptSignatureThen401() {
        String[] p = access.split("\\.");
        assertProfileRejects("eyJhbGciOiJOT05FIn0=." + p[1] + ".");
        assertProfileRejects(Jwts.b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + p[1] + "." + p[2]);
    }

    @Test
    void hs256HeaderWithEmptySignatureOrTwoSegmentsThen401() {
        String[] p = access.split("\\.");
        assertProfileRejects(p[0] + "." + p[1] + ".");
        assertProfileRejects(p[0] + "." + p[1]);
    }

    @Test
    void hs256SignedWithWrongKeyThen401() {
        assertProfileRejects(Jwts.sign(hs256Header, Jwts.segmentJson(access, 1), "another-secret-0123456789-abcdefghijklmnop"));
        assertProfileRejects(Jwts.sign(hs256Header, Jwts.segmentJson(access, 1), TestServer.REFRESH_SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256", "HS512", "HS384"})
    void otherAlgorithmHeaderThen401(String alg) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}";
        // signed with the real secret (key confusion) and with the genuine token's signature kept
        assertProfileRejects(Jwts.sign(header, Jwts.segmentJson(access, 1), TestServer.ACCESS_SECRET));
        assertProfileRejects(Jwts.b64(header) + "." + access.split("\\.")[1] + "." + access.split("\\.")[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../dev/null", "/etc/passwd", "' OR '1'='1", "1; DROP TABLE keys--", "a\\u0000b",
        "http://evil.example.test/key"})
    void kidWithPathOrSqlCharactersThen401(String kid) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid.replace("\\", "\\\\").replace("'", "'") + "\"}";
        assertProfileRejects(Jwts.sign(header, Jwts.segmentJson(access, 1), TestServer.ACCESS_SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"typ\":\"AT+JWT\"}", "{\"alg\":\"HS256\",\"typ\":null}"})
    void typOfOtherKindOrMissingThen401(String header) {
        assertProfileRejects(Jwts.sign(withKid(header), Jwts.segmentJson(access, 1), TestServer.ACCESS_SECRET));
    }

    @Test
    void refreshTokenAsBearerThen401() {
        assertProfileRejects(refresh);
        // even re-signed with the access key, its typ and claims are those of a refresh token
        assertProfileRejects(Jwts.sign(Jwts.segmentJson(refresh, 0), Jwts.segmentJson(refresh, 1), TestServer.ACCESS_SECRET));
    }

    @Test
    void accessTokenAsRefreshCookieThen401AndCookieCleared() {
        RawHttp.Response r = raw.post("/api/auth/refresh", null, "Cookie: refreshToken=" + access);
        assertEquals(401, r.status());
        assertTrue(r.body().contains("\"error\":\"invalid_token\""), r.body());
        assertTrue(r.headers("Set-Cookie").stream().anyMatch(c -> c.startsWith("refreshToken=;") && c.contains("Max-Age=0")));
        Rejections.assertNoLeak(r, access);
    }

    @Test
    void expiredBy31SecondsThen401ButBy29Accepted() {
        assertProfileRejects(resigned(c -> c.put("exp", now() - 31)));
        assertEquals(200, profile(resigned(c -> c.put("exp", now() - 29))).status());
    }

    @Test
    void notBeforeInTheFutureThen401() {
        assertProfileRejects(resigned(c -> c.put("nbf", now() + 31)));
        assertProfileRejects(resigned(c -> c.put("nbf", now() + 3600)));
        assertProfileRejects(resigned(c -> c.put("iat", now() + 86400)));
        assertProfileRejects(resigned(c -> c.put("nbf", "0")));
    }

    @Test
    void expOfWrongTypeOrOutOfRangeThen401() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        long later = now() + 60;
        List<Consumer<ObjectNode>> variants = List.of(
                c -> c.put("exp", "9999999999"),
                c -> c.put("exp", String.valueOf(later)),
                c -> c.put("exp", 1.7e9),
                c -> c.put("exp", later + 0.999),
                c -> c.put("exp", 1e300),
                c -> c.put("exp", new BigInteger("99999999999999999999")),
                c -> c.put("exp", Long.MAX_VALUE),
                c -> c.put("exp", -1),
                c -> c.put("exp", 0),
                c -> c.putNull("exp"),
                c -> c.put("exp", true),
                c -> c.set("exp", f.arrayNode().add(later)),
                c -> c.set("exp", f.objectNode().put("value", later)),
                c -> c.remove("exp"));
        for (Consumer<ObjectNode> v : variants) {
            assertProfileRejects(resigned(v));
        }
    }

    @Test
    void wrongIssuerOrAudienceThen401() {
        assertProfileRejects(resigned(c -> c.put("iss", "https://evil.example.test")));
        assertProfileRejects(resigned(c -> c.put("aud", "another-api")));
        assertProfileRejects(resigned(c -> c.remove("iss")));
        assertProfileRejects(resigned(c -> c.remove("aud")));
    }

    @Test
    void duplicateKeysInHeaderOrPayloadThen401() {
        String payload = Jwts.segmentJson(access, 1);
        assertProfileRejects(Jwts.sign(withKid("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"typ\":\"at+jwt\"}"), payload,
                TestServer.ACCESS_SECRET));
        assertProfileRejects(Jwts.sign(withKid("{\"alg\":\"none\",\"alg\":\"HS256\",\"typ\":\"at+jwt\"}"), payload,
                TestServer.ACCESS_SECRET));
        String twoSubjects = payload.substring(0, payload.length() - 1) + ",\"sub\":\"u-admin\"}";
        assertProfileRejects(Jwts.sign(hs256Header, twoSubjects, TestServer.ACCESS_SECRET));
        String twoExp = payload.substring(0, payload.length() - 1) + ",\"exp\":" + (now() + 86400) + "}";
        assertProfileRejects(Jwts.sign(hs256Header, twoExp, TestServer.ACCESS_SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"sub\":\"u-user\"}]", "\"str\"", "123", "null", "{", "", "not json"})
    void payloadNotAJsonObjectThen401(String payload) {
        assertProfileRejects(Jwts.sign(hs256Header, payload, TestServer.ACCESS_SECRET));
        assertProfileRejects(Jwts.sign(payload, Jwts.segmentJson(access, 1), TestServer.ACCESS_SECRET));
    }

    @Test
    void payloadOfInvalidUtf8Then401() {
        String input = Jwts.b64(hs256Header) + "." + Jwts.b64(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xE9, (byte) 0xFF, '"', '}'});
        assertProfileRejects(input + "." + Jwts.signature(input, TestServer.ACCESS_SECRET));
    }

    @Test
    void badBase64UrlThen401() {
        String[] p = access.split("\\.");
        int mid = p[1].length() / 2;
        String cut = p[1].substring(0, mid) + p[1].substring(mid + 1);
        assertProfileRejects(p[0] + "." + cut + "." + p[2]);
        for (String bad : List.of("+", "/", "=", "%2B", "*")) {
            assertProfileRejects(p[0] + "." + p[1].substring(0, mid) + bad + p[1].substring(mid + 1) + "." + p[2]);
        }
        assertProfileRejects(p[0] + "." + p[1] + "=." + p[2]);
    }

    @Test
    void nonAsciiInTokenThen401() {
        String[] p = access.split("\\.");
        RawHttp.Response r = raw.send("GET", "/api/profile", null,
                List.of("Authorization: Bearer " + p[0] + "." + p[1] + "\u00e9." + p[2]));
        Rejections.assertBearerRejected(r, access);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "a..c", "..", ".", "a.b.c.d.e"})
    void wrongNumberOfSegmentsThen401(String token) {
        assertProfileRejects(token);
    }

    @Test
    void fourOrFiveSegmentsBuiltFromGenuineTokenThen401() {
        String sig = access.split("\\.")[2];
        assertProfileRejects(access + "." + sig);
        assertProfileRejects(access + "." + sig + "." + sig);
        assertProfileRejects(access.split("\\.")[0] + "." + access);
    }
}
