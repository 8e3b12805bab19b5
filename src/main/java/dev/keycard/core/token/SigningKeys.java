package dev.keycard.core.token;

import com.auth0.jwt.algorithms.Algorithm;
import dev.keycard.core.config.ConfigException;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.config.Secret;
import dev.keycard.core.config.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys access tokens are signed and verified with, each under its {@code kid}: one current key that signs, and
 * previous keys that still verify until their tokens have expired. All keys use the one configured algorithm.
 *
 * <ul>
 *   <li>RS256/ES256: the PEM files of {@code keycard.access.keys}, first one current; the {@code kid} is the
 *       RFC 7638 thumbprint of the public key, and the public keys are published as a JWK set.</li>
 *   <li>HS256: {@code ACCESS_SECRET} alone; its {@code kid} is derived with HMAC from the secret (it reveals no
 *       more than any token's signature does), and nothing is published.</li>
 * </ul>
 * Keys are read and checked once, when loaded; an unreadable or unsuitable key file stops the start with a
 * {@link ConfigException} naming {@code keycard.access.keys} and the file. Only the current private key is kept.
 * Immutable and thread-safe.
 */
public final class SigningKeys {
    private static final byte[] HMAC_KID_LABEL = "keycard access-token key id".getBytes(StandardCharsets.US_ASCII);

    private final String algorithm;
    private final String currentId;
    private final Map<String, Algorithm> byId;
    private final List<Map<String, Object>> publicJwks;

    private SigningKeys(String algorithm, String currentId, Map<String, Algorithm> byId,
            List<Map<String, Object>> publicJwks) {
        this.algorithm = algorithm;
        this.currentId = currentId;
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.publicJwks = List.copyOf(publicJwks);
    }

    /** Loads the keys {@code config} names (reading and checking key files now). */
    public static SigningKeys load(KeycardConfig config) {
        KeycardConfig.AccessKeys keys = config.accessKeys();
        if (!keys.isAsymmetric()) {
            return hmac(config.accessSecret());
        }
        String alg = keys.algorithm();
        Map<String, Algorithm> byId = new LinkedHashMap<>();
        Map<String, Path> fileOf = new LinkedHashMap<>();
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (Path file : keys.files()) {
            KeyPair pair = PemKeys.read(file, alg);
            String kid = Jwks.thumbprint(pair.getPublic());
            if (fileOf.containsKey(kid)) {
                throw new ConfigException(Setting.ACCESS_KEYS.key(), "key file " + file + " holds the same key as "
                        + fileOf.get(kid));
            }
            boolean current = byId.isEmpty();
            byId.put(kid, algorithm(alg, pair, current));
            fileOf.put(kid, file);
            jwks.add(Jwks.publicJwk(pair.getPublic(), kid, alg));
        }
        return new SigningKeys(alg, byId.keySet().iterator().next(), byId, jwks);
    }

    private static SigningKeys hmac(Secret secret) {
        byte[] raw = secret.bytes();
        String kid;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            byte[] tag = mac.doFinal(HMAC_KID_LABEL);
            kid = "hs-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
        return new SigningKeys("HS256", kid, Map.of(kid, Algorithm.HMAC256(raw)), List.of());
    }

    private static Algorithm algorithm(String alg, KeyPair pair, boolean current) {
        // previous keys only verify: their private keys are not kept
        if (alg.equals("RS256")) {
            return Algorithm.RSA256((RSAPublicKey) pair.getPublic(), current ? (RSAPrivateKey) pair.getPrivate() : null);
        }
        return Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), current ? (ECPrivateKey) pair.getPrivate() : null);
    }

    /** The one algorithm every key uses: {@code HS256}, {@code RS256} or {@code ES256}. */
    public String algorithm() {
        return algorithm;
    }

    /** The {@code kid} of the key that signs new tokens. */
    public String currentKeyId() {
        return currentId;
    }

    /** Every {@code kid} accepted for verification, the current one first. */
    public List<String> keyIds() {
        return List.copyOf(byId.keySet());
    }

    /** The public keys as JWKs (current first) for {@code /.well-known/jwks.json}; empty for HS256. */
    public List<Map<String, Object>> publicJwks() {
        return publicJwks;
    }

    Algorithm signer() {
        return byId.get(currentId);
    }

    Map<String, Algorithm> verifiers() {
        return byId;
    }

    @Override
    public String toString() {
        return "SigningKeys[" + algorithm + ", current=" + currentId + ", " + (byId.size() - 1) + " previous]";
    }
}
