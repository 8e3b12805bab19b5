package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.keycard.testing.JwksResourceServer;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestKeys.TestKey;
import dev.keycard.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Works across services: a second service on its own Tomcat and port, holding no Keycard secret and no Keycard
 * class, accepts Keycard's RS256 access tokens from the JWKS endpoint alone, and refuses anything else.
 */
class CrossServiceHttpTest {
    @TempDir
    static Path dir;
    private static TestServer keycard;
    private static JwksResourceServer service;
    private static Api api;
    private static TestKey foreign;

    @BeforeAll
    static void start() {
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        foreign = TestKeys.rsa(dir, "foreign.pem");
        keycard = TestServer.builder()
                .setting("keycard.access.algorithm", "RS256")
                .setting("keycard.access.keys", k1.file().toString())
                .setting("keycard.access.secret", null)
                .start();
        api = new Api(keycard.baseUrl());
        service = JwksResourceServer.start(URI.create(keycard.baseUrl() + "/.well-known/jwks.json"),
                "keycard", "keycard-api", keycard.clock());
    }

    @AfterAll
    static void stop() {
        service.close();
        keycard.close();
    }

    private int call(String token) {
        return api.request().baseUri(service.baseUrl()).header("Authorization", "Bearer " + token).get("/")
                .statusCode();
    }

    @Test
    void serviceWhenKeycardTokenThenAnswersForItsSubjectWithoutFetchingKeysPerRequest() {
        String token = Api.accessToken(api.loginUser());
        api.request().baseUri(service.baseUrl()).header("Authorization", "Bearer " + token).get("/")
                .then().statusCode(200).body(equalTo("subject=u-user"));
        int fetches = service.jwksFetches();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, call(token));
        }
        assertEquals(fetches, service.jwksFetches());
    }

    @Test
    void serviceWhenNoTokenOrTamperedTokenThenRefused() {
        assertEquals(401, api.request().baseUri(service.baseUrl()).get("/").statusCode());
        String token = Api.accessToken(api.loginUser());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"u-user\"", "\"u-admin\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, call(parts[0] + "." + elevated + "." + parts[2]));
        char[] sig = parts[2].toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertEquals(401, call(parts[0] + "." + parts[1] + "." + new String(sig)));
        assertEquals(200, call(token), "the untouched token still passes");
    }

    @Test
    void serviceWhenTokenSignedByAnotherKeyThenRefusedWhateverKidItClaims() {
        String keycardKid = JWT.decode(Api.accessToken(api.loginUser())).getKeyId();
        Algorithm other = Algorithm.RSA256((RSAPublicKey) foreign.pair().getPublic(),
                (RSAPrivateKey) foreign.pair().getPrivate());
        for (String kid : List.of("foreign-key", keycardKid)) {
            String forged = JWT.create().withHeader(Map.of("typ", "at+jwt")).withKeyId(kid)
                    .withIssuer("keycard").withAudience("keycard-api").withSubject("u-admin")
                    .withExpiresAt(Date.from(keycard.clock().instant().plusSeconds(300))).sign(other);
            assertEquals(401, call(forged), "kid " + kid);
            assertEquals(401, api.profile(forged).statusCode(), "Keycard itself refuses it too");
        }
    }

    @Test
    void serviceWhenKeycardTokenExpiredThenRefused() {
        String token = Api.accessToken(api.loginUser());
        assertEquals(200, call(token));
        keycard.clock().advance(Duration.ofMinutes(15).plusSeconds(31));
        assertEquals(401, call(token));
    }
}
