package dev.keycard.core.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict JSON rules for a token's header and payload: each exactly one JSON object in UTF-8, without duplicate
 * member names (which parsers resolve differently), shallow, with nothing after it; the header must not ask for keys
 * from elsewhere ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}) or for extensions ({@code crit}), and a
 * {@code kid} must be a plain identifier; {@code exp}, {@code nbf} and {@code iat} must be plain non-negative
 * integers. One streaming pass, no tree. Thread-safe.
 */
final class StrictTokenJson {
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "jku", "jwk", "x5u", "x5c");
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> NUMERIC_DATES = Set.of("exp", "nbf", "iat");
    private static final int MAX_DATE_DIGITS = 12;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Throws {@link InvalidTokenException} unless both base64url segments pass. */
    void check(String headerSegment, String payloadSegment) {
        scan(headerSegment, true);
        scan(payloadSegment, false);
    }

    private void scan(String segment, boolean header) {
        try (JsonParser p = factory.createParser(Base64.getUrlDecoder().decode(segment))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw malformed();
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (depth == 1 && t == JsonToken.FIELD_NAME) {
                    if (header) {
                        checkHeaderMember(p);
                    } else {
                        checkPayloadMember(p);
                    }
                }
            }
            if (p.nextToken() != null) {
                throw malformed();
            }
        } catch (IllegalArgumentException | IOException e) {
            // bad base64url, bad UTF-8, bad or duplicate-keyed JSON, too deep, trailing data
            throw malformed();
        }
    }

    private static void checkHeaderMember(JsonParser p) throws IOException {
        String name = p.currentName();
        if (REFUSED_HEADERS.contains(name)) {
            throw new InvalidTokenException("The token's header is not accepted");
        }
        if (name.equals("kid") && !(p.nextToken() == JsonToken.VALUE_STRING && KID.matcher(p.getText()).matches())) {
            throw new InvalidTokenException("The token's kid header is not accepted");
        }
    }

    /** NumericDate claims must be plain non-negative integers: a float, string or negative exp is not coerced. */
    private static void checkPayloadMember(JsonParser p) throws IOException {
        String name = p.currentName();
        if (NUMERIC_DATES.contains(name)) {
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getTextLength() > MAX_DATE_DIGITS
                    || p.getTextCharacters()[p.getTextOffset()] == '-') {
                throw new InvalidTokenException("The token's " + name + " claim is not a valid date");
            }
        }
    }

    private static InvalidTokenException malformed() {
        return new InvalidTokenException("The token is malformed");
    }
}
