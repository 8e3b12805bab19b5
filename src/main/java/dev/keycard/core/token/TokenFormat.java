package dev.keycard.core.token;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.regex.Pattern;

/**
 * Cheap structural checks that run before and after java-jwt: bounded length, compact-JWS shape and strict JSON
 * ({@link StrictTokenJson}) before java-jwt decodes anything, and NumericDate claims that are plain non-negative
 * integers after it (a float, string, negative or out-of-range {@code exp} is refused rather than coerced).
 */
final class TokenFormat {
    /** Longest token accepted; Keycard's own tokens are well under 1 KiB. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern NUMERIC_DATE = Pattern.compile("[0-9]{1,12}");
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
        if (!COMPACT_JWS.matcher(token).matches()) {
            throw new InvalidTokenException("The token is malformed");
        }
        STRICT_JSON.check(token);
    }

    static void requireNumericDates(DecodedJWT jwt, String... names) {
        for (String name : names) {
            Claim c = jwt.getClaim(name);
            if (!c.isMissing() && !NUMERIC_DATE.matcher(c.toString()).matches()) {
                throw new InvalidTokenException("The token's " + name + " claim is not a valid date");
            }
        }
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
