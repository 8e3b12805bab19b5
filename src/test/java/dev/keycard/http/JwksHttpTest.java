package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestKeys.TestKey;
import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /.well-known/jwks.json} and Keycard running with RS256/ES256 keys from PEM files. */
class JwksHttpTest {
    @TempDir
    Path dir;

    private static BigInteger b64(Object s) {
        return new BigInteger(1, Base64.getUrlDecoder().decode((String) s));
    }

    private static Response jwks(Api api) {
        return api.request().get("/.well-known/jwks.json");
    }

    @Test
    void jwksWhenHs256ThenEmptySetCacheableAndTokensStillCarryKid() {
        try (TestServer server = TestServer.start()) {
            Api api = new Api(server.baseUrl());
            Response r = jwks(api);
            r.then().statusCode(200).contentType(startsWith("application/json"))
                    .header("Cache-Control", equalTo("public, max-age=300"));
            assertEquals("{\"keys\":[]}", r.asString());
            String token = Api.accessToken(api.loginUser());
            assertEquals("HS256", JWT.decode(token).getAlgorithm());
            assertTrue(JWT.decode(token).getKeyId() != null && !JWT.decode(token).getKeyId().isEmpty());
        }
    }

    @Test
    void jwksWhenRs256ThenPublishesCurrentAndPreviousPublicKeysThatVerifyTokens() throws Exception {
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        TestKey k0 = TestKeys.rsa(dir, "k0.pem");
        try (TestServer server = TestServer.builder().setting("keycard.access.algorithm", "RS256")
                .setting("keycard.access.keys", k1.file() + "," + k0.file()).start()) {
            Api api = new Api(server.baseUrl());
            Response r = jwks(api);
            r.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"));
            List<Map<String, Object>> keys = r.jsonPath().getList("keys");
            assertEquals(2, keys.size());
            for (Map<String, Object> jwk : keys) {
                assertEquals(Set.of("kty", "use", "alg", "kid", "n", "e"), jwk.keySet(), "no private part");
                assertEquals("RSA", jwk.get("kty"));
                assertEquals("sig", jwk.get("use"));
                assertEquals("RS256", jwk.get("alg"));
            }
            assertEquals(((RSAPublicKey) k1.pair().getPublic()).getModulus(), b64(keys.get(0).get("n")));
            assertEquals(((RSAPublicKey) k0.pair().getPublic()).getModulus(), b64(keys.get(1).get("n")));

            String token = Api.accessToken(api.loginUser());
            DecodedJWT jwt = JWT.decode(token);
            assertEquals("RS256", jwt.getAlgorithm());
            assertEquals(keys.get(0).get("kid"), jwt.getKeyId());
            RSAPublicKey published = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(b64(keys.get(0).get("n")), b64(keys.get(0).get("e"))));
            Algorithm.RSA256(published, null).verify(jwt);
            api.profile(token).then().statusCode(200).body("userId", equalTo("u-user"));
        }
    }

    @Test
    void jwksWhenEs256ThenPublishesP256KeyAndProfileAcceptsItsTokens() throws Exception {
        TestKey k1 = TestKeys.ec(dir, "ec.pem", "secp256r1");
        try (TestServer server = TestServer.builder().setting("keycard.access.algorithm", "ES256")
                .setting("keycard.access.keys", k1.file().toString()).start()) {
            Api api = new Api(server.baseUrl());
            Map<String, Object> jwk = jwks(api).jsonPath().getMap("keys[0]");
            assertEquals("EC", jwk.get("kty"));
            assertEquals("P-256", jwk.get("crv"));
            assertEquals("ES256", jwk.get("alg"));
            assertFalse(jwk.containsKey("d"));
            ECPublicKey expected = (ECPublicKey) k1.pair().getPublic();
            ECPublicKey published = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(b64(jwk.get("x")), b64(jwk.get("y"))), expected.getParams()));
            assertEquals(expected.getW(), published.getW());

            String token = Api.accessToken(api.loginUser());
            assertEquals("ES256", JWT.decode(token).getAlgorithm());
            Algorithm.ECDSA256(published, null).verify(JWT.decode(token));
            api.profile(token).then().statusCode(200);
        }
    }

    @Test
    void startWhenKeyFileCannotBeParsedThenKeycardDoesNotStart() throws Exception {
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThrows(IllegalStateException.class, () -> TestServer.builder()
                .setting("keycard.access.algorithm", "RS256")
                .setting("keycard.access.keys", bad.toString()).start().close());
    }
}
