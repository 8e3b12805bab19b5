package dev.keycard.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.User;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final User ALICE = new User("u1", "alice@example.test", "$2b$10$x", List.of("user", "admin"), false);

    private final MutableClock clock = new MutableClock(T0);
    private final KeycardConfig config = TestConfigs.defaults();
    private final AccessTokens tokens = new AccessTokens(config, clock, new IdGenerator(new SecureRandom()));
    /** The kid Keycard's own tokens carry, so hand-made tokens differ only in what each test changes. */
    private final String kid = SigningKeys.load(config).currentKeyId();

    @Test
    void verifyWhenFreshlyIssuedThenClaimsRoundTrip() {
        IssuedToken t = tokens.issue(ALICE, "s1");
        AccessClaims c = tokens.verify(t.value());
        assertEquals("u1", c.userId());
        assertEquals("s1", c.sessionId());
        assertEquals("alice@example.test", c.email());
        assertEquals(List.of("user", "admin"), c.roles());
        assertEquals(T0.plus(Duration.ofMinutes(15)), c.expiresAt());
        assertEquals("at+jwt", JWT.decode(t.value()).getType());
        assertEquals("HS256", JWT.decode(t.value()).getAlgorithm());
    }

    @Test
    void verifyWhenExpiredWithinSkewThenAcceptedAndBeyondThenRefused() {
        String t = tokens.issue(ALICE, "s1").value();
        clock.advance(Duration.ofMinutes(15).plusSeconds(29));
        tokens.verify(t);
        clock.advance(Duration.ofSeconds(2));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(t));
        assertEquals("The token has expired", e.getMessage());
    }

    @Test
    void verifyWhenSignedWithAnotherKeyThenRefused() {
        String forged = sign(Algorithm.HMAC256("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
                Map.of());
        assertThrows(InvalidTokenException.class, () -> tokens.verify(forged));
    }

    @Test
    void verifyWhenSignedWithTheRefreshSecretThenRefused() {
        String forged = sign(Algorithm.HMAC256(TestServer.REFRESH_SECRET.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertThrows(InvalidTokenException.class, () -> tokens.verify(forged));
    }

    @Test
    void verifyWhenAlgNoneThenRefused() {
        String valid = tokens.issue(ALICE, "s1").value();
        String[] p = valid.split("\\.");
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}");
            assertThrows(InvalidTokenException.class, () -> tokens.verify(header + "." + p[1] + "."));
            assertThrows(InvalidTokenException.class, () -> tokens.verify(header + "." + p[1] + "." + p[2]));
        }
    }

    @Test
    void verifyWhenTypIsNotAtJwtThenRefused() {
        String t = sign(Algorithm.HMAC256(TestServer.ACCESS_SECRET.getBytes(StandardCharsets.UTF_8)),
                Map.of("typ", "rt+jwt", "kid", kid));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(t));
    }

    @Test
    void verifyWhenIssuerOrAudienceWrongThenRefused() {
        Algorithm alg = Algorithm.HMAC256(TestServer.ACCESS_SECRET.getBytes(StandardCharsets.UTF_8));
        String wrongIss = JWT.create().withHeader(Map.of("typ", "at+jwt", "kid", kid)).withIssuer("evil").withAudience("keycard-api")
                .withSubject("u1").withClaim("sid", "s1").withExpiresAt(Date.from(T0.plusSeconds(60))).sign(alg);
        String wrongAud = JWT.create().withHeader(Map.of("typ", "at+jwt", "kid", kid)).withIssuer("keycard").withAudience("other")
                .withSubject("u1").withClaim("sid", "s1").withExpiresAt(Date.from(T0.plusSeconds(60))).sign(alg);
        assertThrows(InvalidTokenException.class, () -> tokens.verify(wrongIss));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(wrongAud));
    }

    @Test
    void verifyWhenNotBeforeInTheFutureBeyondSkewThenRefused() {
        Algorithm alg = Algorithm.HMAC256(TestServer.ACCESS_SECRET.getBytes(StandardCharsets.UTF_8));
        String t = JWT.create().withHeader(Map.of("typ", "at+jwt", "kid", kid)).withIssuer("keycard").withAudience("keycard-api")
                .withSubject("u1").withClaim("sid", "s1").withNotBefore(Date.from(T0.plusSeconds(31)))
                .withExpiresAt(Date.from(T0.plusSeconds(600))).sign(alg);
        assertThrows(InvalidTokenException.class, () -> tokens.verify(t));
        clock.advance(Duration.ofSeconds(1));
        tokens.verify(t);
    }

    @Test
    void verifyWhenExpMissingOrNotAPlainIntegerThenRefused() {
        long exp = T0.plusSeconds(600).getEpochSecond();
        for (String expJson : List.of("", ",\"exp\":\"" + exp + "\"", ",\"exp\":" + exp + ".5", ",\"exp\":-1",
                ",\"exp\":1e300", ",\"exp\":99999999999999999999", ",\"exp\":null", ",\"exp\":true",
                ",\"exp\":[" + exp + "]")) {
            String payload = "{\"iss\":\"keycard\",\"aud\":\"keycard-api\",\"sub\":\"u1\",\"sid\":\"s1\"" + expJson + "}";
            String t = signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}", payload);
            assertThrows(InvalidTokenException.class, () -> tokens.verify(t), payload);
        }
    }

    @Test
    void verifyWhenHandMadeTokenIsWellFormedThenAccepted() {
        long exp = T0.plusSeconds(600).getEpochSecond();
        String payload = "{\"iss\":\"keycard\",\"aud\":\"keycard-api\",\"sub\":\"u1\",\"sid\":\"s1\",\"exp\":" + exp + "}";
        assertEquals("u1", tokens.verify(signRaw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}",
                payload)).userId());
    }

    @Test
    void verifyWhenShapeIsWrongThenRefusedWithoutDecoding() {
        for (String t : List.of("", "abc", "a.b", "a.b.c.d", "a..c", "..", " " + tokens.issue(ALICE, "s").value(),
                "x".repeat(5000) + ".a.b", "ä.b.c")) {
            assertThrows(InvalidTokenException.class, () -> tokens.verify(t));
        }
    }

    private String sign(Algorithm alg, Map<String, Object> header) {
        Map<String, Object> h = header.isEmpty() ? Map.of("typ", "at+jwt", "kid", kid) : header;
        return JWT.create().withHeader(h).withIssuer("keycard").withAudience("keycard-api").withSubject("u1")
                .withClaim("sid", "s1").withExpiresAt(Date.from(T0.plusSeconds(600))).sign(alg);
    }

    private static String signRaw(String header, String payload) {
        Algorithm alg = Algorithm.HMAC256(TestServer.ACCESS_SECRET.getBytes(StandardCharsets.UTF_8));
        String h = b64(header);
        String p = b64(payload);
        byte[] sig = alg.sign(h.getBytes(StandardCharsets.US_ASCII), p.getBytes(StandardCharsets.US_ASCII));
        return h + "." + p + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
