package dev.keycard.core.token;

import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * Cheap structural checks around java-jwt: bounded length and compact-JWS shape (two JSON objects and a signature)
 * before java-jwt decodes anything; after the signature is verified, strict JSON ({@link StrictTokenJson}) and
 * NumericDate claims that are plain non-negative integers (a float, string, negative or out-of-range {@code exp} is
 * refused rather than coerced). Strictness after verification costs one streaming pass per accepted token; a token
 * whose signature fails never gets that far.
 */
final class TokenFormat {
    /** Longest token accepted; Keycard's own tokens are well under 1 KiB. */
    static final int MAX_LENGTH = 4096;

    private static final StrictTokenJson STRICT_JSON = new StrictTokenJson();

    private TokenFormat() {
    }

    static void requireCompactJws(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("The token is missing");
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidTokenException("The token is too long");
        }
        if (!isCompactJws(token)) {
            throw new InvalidTokenException("The token is malformed");
        }
    }

    /** {@code eyJ<b64url>.eyJ<b64url>.<b64url>}: two JSON objects opening with a member name, and a signature. */
    private static boolean isCompactJws(String token) {
        int dots = 0;
        int segmentStart = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (++dots > 2 || i == segmentStart) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        int second = token.indexOf('.') + 1;
        return dots == 2 && segmentStart < token.length() && token.startsWith("eyJ")
                && token.startsWith("eyJ", second);
    }

    /** The strict JSON rules of {@link StrictTokenJson}, applied once the signature is known to be good. */
    static void requireStrictJson(DecodedJWT jwt) {
        STRICT_JSON.check(jwt.getHeader(), jwt.getPayload());
    }

    static void requireType(DecodedJWT jwt, String expected) {
        if (!expected.equals(jwt.getType())) {
            throw new InvalidTokenException("The token is not of the expected kind");
        }
    }

    static String requireText(DecodedJWT jwt, String name) {
        String v = jwt.getClaim(name).asString();
        if (v == null || v.isEmpty()) {
            throw new InvalidTokenException("The token lacks the " + name + " claim");
        }
        return v;
    }
}
