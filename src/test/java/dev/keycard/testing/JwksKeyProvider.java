package dev.keycard.testing;

import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * java-jwt's {@link RSAKeyProvider} backed by a JWKS URL, with only the JDK's HTTP client and Jackson: RS256
 * signature keys by {@code kid}, cached; an unknown {@code kid} refetches the set (at most once a minute, so
 * tokens with made-up kids cannot make it hammer the issuer) and otherwise fails closed. Thread-safe.
 */
final class JwksKeyProvider implements RSAKeyProvider {
    private static final Duration MIN_REFETCH = Duration.ofMinutes(1);

    private final URI jwksUri;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger fetches = new AtomicInteger();
    private Map<String, RSAPublicKey> keys = Map.of();
    private Instant fetchedAt;

    JwksKeyProvider(URI jwksUri, Clock clock) {
        this.jwksUri = jwksUri;
        this.clock = clock;
    }

    @Override
    public synchronized RSAPublicKey getPublicKeyById(String kid) {
        if (kid == null) {
            return null;
        }
        if (!keys.containsKey(kid) && (fetchedAt == null || clock.instant().isAfter(fetchedAt.plus(MIN_REFETCH)))) {
            fetchedAt = clock.instant();
            keys = fetch();
        }
        return keys.get(kid);
    }

    int fetches() {
        return fetches.get();
    }

    private Map<String, RSAPublicKey> fetch() {
        fetches.incrementAndGet();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return keys;
            }
            Map<String, RSAPublicKey> out = new HashMap<>();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonNode jwk : mapper.readTree(r.body()).path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText()) && "RS256".equals(jwk.path("alg").asText("RS256"))
                        && "sig".equals(jwk.path("use").asText("sig")) && jwk.hasNonNull("kid")) {
                    out.put(jwk.get("kid").asText(), (RSAPublicKey) rsa.generatePublic(
                            new RSAPublicKeySpec(unsigned(jwk.path("n").asText()), unsigned(jwk.path("e").asText()))));
                }
            }
            return Map.copyOf(out);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return keys; // keep what we had: an unknown kid stays unknown, so its token is refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return keys;
        }
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return null;
    }

    @Override
    public String getPrivateKeyId() {
        return null;
    }
}
