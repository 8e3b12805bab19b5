package dev.keycard.core.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the JSON of a compact JWS before it is handed to java-jwt: header and payload must each be exactly one
 * JSON object in UTF-8, without duplicate member names (which parsers resolve differently), shallow, and with
 * nothing after it; the header must not ask for keys from elsewhere ({@code jku}, {@code jwk}, {@code x5u},
 * {@code x5c}) or for extensions ({@code crit}), and a {@code kid} must be a plain identifier. Thread-safe.
 */
final class StrictTokenJson {
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "jku", "jwk", "x5u", "x5c");
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Throws {@link InvalidTokenException} unless {@code token} (already of compact JWS shape) passes. */
    void check(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        JsonNode header = object(token.substring(0, first));
        object(token.substring(first + 1, second));
        Iterator<String> names = header.fieldNames();
        while (names.hasNext()) {
            if (REFUSED_HEADERS.contains(names.next())) {
                throw new InvalidTokenException("The token's header is not accepted");
            }
        }
        JsonNode kid = header.get("kid");
        if (kid != null && !(kid.isTextual() && KID.matcher(kid.textValue()).matches())) {
            throw new InvalidTokenException("The token's kid header is not accepted");
        }
    }

    private JsonNode object(String segment) {
        JsonNode node;
        try {
            node = mapper.readTree(Base64.getUrlDecoder().decode(segment));
        } catch (IllegalArgumentException | IOException e) {
            // bad base64url, bad UTF-8, bad or duplicate-keyed JSON, too deep, trailing data
            throw new InvalidTokenException("The token is malformed");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidTokenException("The token is malformed");
        }
        return node;
    }
}
