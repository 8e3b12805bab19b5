package dev.keycard.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.config.ConfigException;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestKeys.TestKey;
import dev.keycard.testing.TestServer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading signing keys from PEM files: kid, published JWKs, and every way a key file stops the start. */
class SigningKeysTest {
    @TempDir
    Path dir;

    private SigningKeys load(String algorithm, Path... files) {
        List<String> names = Arrays.stream(files).map(Path::toString).toList();
        KeycardConfig c = TestConfigs.load(dir, "keycard.access.algorithm", algorithm,
                "keycard.access.keys", String.join(",", names));
        return SigningKeys.load(c);
    }

    private static BigInteger b64(Object s) {
        return new BigInteger(1, Base64.getUrlDecoder().decode((String) s));
    }

    @Test
    void thumbprintWhenRfc7638ExampleKeyThenPublishedValue() throws Exception {
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjB"
                + "ZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8K"
                + "JZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBn"
                + "iIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(b64(n), b64("AQAB")));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Jwks.thumbprint(key));
    }

    @Test
    void loadWhenRsaKeysThenCurrentFirstAndJwksCarryPublicPartsOnly() {
        TestKey k2 = TestKeys.rsa(dir, "k2.pem");
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        SigningKeys keys = load("RS256", k2.file(), k1.file());

        assertEquals("RS256", keys.algorithm());
        String kid2 = Jwks.thumbprint(k2.pair().getPublic());
        assertEquals(kid2, keys.currentKeyId());
        assertEquals(List.of(kid2, Jwks.thumbprint(k1.pair().getPublic())), keys.keyIds());
        Map<String, Object> jwk = keys.publicJwks().get(0);
        assertEquals(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", kid2,
                "n", jwk.get("n"), "e", jwk.get("e")), jwk);
        RSAPublicKey pub = (RSAPublicKey) k2.pair().getPublic();
        assertEquals(pub.getModulus(), b64(jwk.get("n")));
        assertEquals(pub.getPublicExponent(), b64(jwk.get("e")));
        assertEquals(2, keys.publicJwks().size());
    }

    @Test
    void loadWhenEcKeyThenPublicPointDerivedFromPrivateKeyAlone() {
        for (int i = 0; i < 4; i++) { // either sign of y must come out right
            TestKey k = TestKeys.ec(dir, "ec" + i + ".pem", "secp256r1");
            SigningKeys keys = load("ES256", k.file());
            Map<String, Object> jwk = keys.publicJwks().get(0);
            ECPublicKey pub = (ECPublicKey) k.pair().getPublic();
            assertEquals("EC", jwk.get("kty"));
            assertEquals("P-256", jwk.get("crv"));
            assertEquals("ES256", jwk.get("alg"));
            assertEquals(pub.getW().getAffineX(), b64(jwk.get("x")));
            assertEquals(pub.getW().getAffineY(), b64(jwk.get("y")));
            assertEquals(43, ((String) jwk.get("x")).length(), "coordinates are full length");
            assertEquals(Jwks.thumbprint(pub), keys.currentKeyId());
        }
    }

    @Test
    void loadWhenHs256ThenNothingPublishedAndKidStableWithoutRevealingSecret() {
        SigningKeys a = SigningKeys.load(TestConfigs.load(dir));
        SigningKeys again = SigningKeys.load(TestConfigs.load(dir));
        SigningKeys other = SigningKeys.load(TestConfigs.load(dir,
                "keycard.access.secret", "another-access-secret-0123456789-abcdefghijk"));
        assertTrue(a.publicJwks().isEmpty());
        assertEquals(a.currentKeyId(), again.currentKeyId());
        assertNotEquals(a.currentKeyId(), other.currentKeyId());
        assertFalse(a.currentKeyId().contains(TestServer.ACCESS_SECRET.substring(0, 8)));
        assertFalse(a.toString().contains(TestServer.ACCESS_SECRET.substring(0, 8)));
    }

    @Test
    void loadWhenFileIsNotPemThenRefusedNamingKeyAndFileWithoutQuotingIt() throws Exception {
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ5dGVzLW5vdC1hLWtleQ==\n-----END PRIVATE KEY-----\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load("RS256", bad));
        assertEquals("keycard.access.keys", e.getKey());
        assertTrue(e.getMessage().contains("bad.pem"), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());

        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a key at all");
        assertTrue(assertThrows(ConfigException.class, () -> load("ES256", junk)).getMessage().contains("junk.pem"));
    }

    @Test
    void loadWhenLegacyOrEncryptedPemThenRefusedSayingHowToConvert() throws Exception {
        Path legacy = dir.resolve("legacy.pem");
        Files.writeString(legacy, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(assertThrows(ConfigException.class, () -> load("RS256", legacy)).getMessage()
                .contains("openssl pkcs8 -topk8 -nocrypt"));
        Path encrypted = dir.resolve("enc.pem");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertTrue(assertThrows(ConfigException.class, () -> load("RS256", encrypted)).getMessage()
                .contains("encrypted"));
    }

    @Test
    void loadWhenKeyDoesNotSuitAlgorithmThenRefused() {
        TestKey rsa = TestKeys.rsa(dir, "rsa.pem");
        TestKey weak = TestKeys.rsa(dir, "weak.pem", 1024);
        TestKey p384 = TestKeys.ec(dir, "p384.pem", "secp384r1");
        TestKey p256 = TestKeys.ec(dir, "p256.pem", "secp256r1");
        assertThrows(ConfigException.class, () -> load("ES256", rsa.file()));
        assertThrows(ConfigException.class, () -> load("RS256", p256.file()));
        assertTrue(assertThrows(ConfigException.class, () -> load("RS256", weak.file())).getMessage()
                .contains("1024 bits"));
        assertTrue(assertThrows(ConfigException.class, () -> load("ES256", p384.file())).getMessage()
                .contains("P-256"));
    }

    @Test
    void loadWhenTwoFilesHoldTheSameKeyThenRefused() throws Exception {
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        Path copy = Files.copy(k1.file(), dir.resolve("k1-copy.pem"));
        ConfigException e = assertThrows(ConfigException.class, () -> load("RS256", k1.file(), copy));
        assertTrue(e.getMessage().contains("same key"), e.getMessage());
    }
}
