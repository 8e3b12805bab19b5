package dev.keycard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds tokens byte by byte for hostile-input tests: any header and payload text, signed with any key or none. */
final class Jwts {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jwts() {
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code b64(header).b64(payload).HS256-signature} with {@code secret}; header and payload are sent verbatim. */
    static String sign(String headerJson, String payloadJson, String secret) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + signature(input, secret);
    }

    static String signature(String signingInput, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded JSON text of segment {@code index} of {@code token}. */
    static String segmentJson(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    /** The claims of a genuine token, to change and re-sign. */
    static ObjectNode claims(String token) {
        try {
            return (ObjectNode) MAPPER.readTree(segmentJson(token, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
