package dev.keycard.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.User;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestKeys.TestKey;
import dev.keycard.testing.TestServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access tokens under RS256/ES256 and kids: the key is chosen by kid among the configured ones, never by the token. */
class AccessTokensKeysTest {
    @TempDir
    static Path dir;
    static TestKey k1;
    static TestKey k2;
    static TestKey ec;

    private final MutableClock clock = MutableClock.startingNow();
    private final User user = new User("u-1", "user@example.test", "hash", List.of("user"), false);

    @BeforeAll
    static void keys() {
        k1 = TestKeys.rsa(dir, "k1.pem");
        k2 = TestKeys.rsa(dir, "k2.pem");
        ec = TestKeys.ec(dir, "ec.pem", "secp256r1");
    }

    private AccessTokens tokens(String algorithm, TestKey... keys) {
        String files = String.join(",", Arrays.stream(keys).map(k -> k.file().toString()).toList());
        KeycardConfig c = algorithm.equals("HS256") ? TestConfigs.load(dir)
                : TestConfigs.load(dir, "keycard.access.algorithm", algorithm, "keycard.access.keys", files);
        return new AccessTokens(c, clock, new IdGenerator(new SecureRandom()));
    }

    /** A token with Keycard's claims, signed by whatever key and kid the attacker picks. */
    private String forge(Algorithm alg, String kid) {
        return JWT.create().withHeader(Map.of("typ", AccessTokens.TYPE)).withKeyId(kid).withIssuer("keycard")
                .withAudience("keycard-api").withSubject("u-1").withClaim("sid", "s-1")
                .withIssuedAt(Date.from(clock.instant()))
                .withExpiresAt(Date.from(clock.instant().plusSeconds(60))).sign(alg);
    }

    private static String kid(String token) {
        return JWT.decode(token).getKeyId();
    }

    @Test
    void issueWhenRs256ThenSignedWithCurrentKeyAndVerifies() {
        AccessTokens t = tokens("RS256", k2, k1);
        String token = t.issue(user, "s-1").value();
        DecodedJWT jwt = JWT.decode(token);
        assertEquals("RS256", jwt.getAlgorithm());
        assertEquals(Jwks.thumbprint(k2.pair().getPublic()), jwt.getKeyId());
        assertEquals("at+jwt", jwt.getType());
        Algorithm.RSA256((RSAPublicKey) k2.pair().getPublic(), null).verify(jwt);
        assertEquals("u-1", t.verify(token).userId());
    }

    @Test
    void issueWhenEs256ThenVerifies() {
        AccessTokens t = tokens("ES256", ec);
        String token = t.issue(user, "s-1").value();
        assertEquals("ES256", JWT.decode(token).getAlgorithm());
        assertEquals("s-1", t.verify(token).sessionId());
    }

    @Test
    void issueWhenHs256ThenTokenCarriesKidToo() {
        AccessTokens t = tokens("HS256");
        String token = t.issue(user, "s-1").value();
        assertEquals(SigningKeys.load(TestConfigs.load(dir)).currentKeyId(), kid(token));
        assertEquals("u-1", t.verify(token).userId());
    }

    @Test
    void verifyWhenSignedByPreviousKeyThenAcceptedUntilExpiryAndRefusedOnceKeyRemoved() {
        String old = tokens("RS256", k1).issue(user, "s-1").value();
        assertEquals("u-1", tokens("RS256", k2, k1).verify(old).userId());
        InvalidTokenException removed = assertThrows(InvalidTokenException.class, () -> tokens("RS256", k2).verify(old));
        assertEquals("The token's signing key is not known", removed.getMessage());
        AccessTokens rotated = tokens("RS256", k2, k1);
        clock.advance(Duration.ofMinutes(16));
        assertEquals("The token has expired",
                assertThrows(InvalidTokenException.class, () -> rotated.verify(old)).getMessage());
    }

    @Test
    void verifyWhenKidMissingOrUnknownThenRefused() {
        AccessTokens t = tokens("RS256", k1);
        Algorithm a = Algorithm.RSA256((RSAPublicKey) k1.pair().getPublic(), (RSAPrivateKey) k1.pair().getPrivate());
        String noKid = JWT.create().withHeader(Map.of("typ", AccessTokens.TYPE)).withIssuer("keycard")
                .withAudience("keycard-api").withSubject("u-1").withClaim("sid", "s-1")
                .withExpiresAt(Date.from(clock.instant().plusSeconds(60))).sign(a);
        assertEquals("The token names no signing key",
                assertThrows(InvalidTokenException.class, () -> t.verify(noKid)).getMessage());
        assertThrows(InvalidTokenException.class, () -> t.verify(forge(a, "some-other-kid")));
        assertEquals("u-1", t.verify(forge(a, Jwks.thumbprint(k1.pair().getPublic()))).userId());
    }

    @Test
    void verifyWhenForeignKeyClaimsKnownKidThenSignatureRefused() {
        AccessTokens t = tokens("RS256", k1);
        Algorithm foreign = Algorithm.RSA256((RSAPublicKey) k2.pair().getPublic(),
                (RSAPrivateKey) k2.pair().getPrivate());
        assertEquals("The token's signature is invalid", assertThrows(InvalidTokenException.class,
                () -> t.verify(forge(foreign, Jwks.thumbprint(k1.pair().getPublic())))).getMessage());
    }

    @Test
    void verifyWhenAlgorithmSwappedThenRefused() {
        AccessTokens rsa = tokens("RS256", k1);
        String kid = Jwks.thumbprint(k1.pair().getPublic());
        // the classic confusion: HMAC keyed with the (public) RSA key bytes
        String confused = forge(Algorithm.HMAC256(k1.pair().getPublic().getEncoded()), kid);
        assertEquals("The token's signature is invalid",
                assertThrows(InvalidTokenException.class, () -> rsa.verify(confused)).getMessage());
        // an HS256 token made with the access secret is no good once RS256 is configured
        String hs = forge(Algorithm.HMAC256(TestServer.ACCESS_SECRET), kid);
        assertThrows(InvalidTokenException.class, () -> rsa.verify(hs));
        // and an ES256 token naming an RS256 kid is refused
        String es = tokens("ES256", ec).issue(user, "s-1").value();
        assertThrows(InvalidTokenException.class, () -> rsa.verify(es));
    }
}
