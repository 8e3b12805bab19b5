package dev.keycard.core.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public keys as JSON Web Keys (RFC 7517/7518) and their RFC 7638 thumbprints, which Keycard uses as {@code kid}:
 * stable for a key across restarts and nodes, and different for every key, with nothing to configure.
 */
final class Jwks {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** Byte length of a P-256 coordinate; RFC 7518 requires x and y at full length. */
    private static final int P256_BYTES = 32;

    private Jwks() {
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url) of an RSA or P-256 public key. */
    static String thumbprint(PublicKey key) {
        String canonical;
        if (key instanceof RSAPublicKey rsa) {
            canonical = "{\"e\":\"" + unsigned(rsa.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                    + unsigned(rsa.getModulus()) + "\"}";
        } else if (key instanceof ECPublicKey ec) {
            canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinate(ec.getW().getAffineX())
                    + "\",\"y\":\"" + coordinate(ec.getW().getAffineY()) + "\"}";
        } else {
            throw new IllegalArgumentException("not an RSA or EC public key");
        }
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The public JWK of {@code key}: {@code kty, use, alg, kid} and {@code n, e} or {@code crv, x, y}. */
    static Map<String, Object> publicJwk(PublicKey key, String kid, String alg) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            put(jwk, kid, alg);
            jwk.put("n", unsigned(rsa.getModulus()));
            jwk.put("e", unsigned(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec) {
            jwk.put("kty", "EC");
            put(jwk, kid, alg);
            jwk.put("crv", "P-256");
            jwk.put("x", coordinate(ec.getW().getAffineX()));
            jwk.put("y", coordinate(ec.getW().getAffineY()));
        } else {
            throw new IllegalArgumentException("not an RSA or EC public key");
        }
        return Collections.unmodifiableMap(jwk);
    }

    private static void put(Map<String, Object> jwk, String kid, String alg) {
        jwk.put("use", "sig");
        jwk.put("alg", alg);
        jwk.put("kid", kid);
    }

    /** Big-endian bytes without a sign byte or leading zeros, base64url. */
    private static String unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        int skip = 0;
        while (skip < b.length - 1 && b[skip] == 0) {
            skip++;
        }
        return B64URL.encodeToString(Arrays.copyOfRange(b, skip, b.length));
    }

    private static String coordinate(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[P256_BYTES];
        int n = Math.min(b.length, P256_BYTES);
        System.arraycopy(b, b.length - n, out, P256_BYTES - n, n);
        return B64URL.encodeToString(out);
    }
}
