package dev.keycard.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the body of {@code POST /api/login} strictly: {@code application/json} in UTF-8, at most 8 KiB, one JSON
 * object (no duplicate keys, shallow nesting, nothing after it) whose {@code email} and {@code password} are
 * strings. Anything else is a 400, 413 or 415 {@link ApiException}. Thread-safe.
 */
final class LoginRequestReader {
    static final int MAX_BYTES = 8 * 1024;
    static final int MAX_EMAIL_LENGTH = 320;

    /** Email and password as sent. */
    record LoginRequest(String email, String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    private final ObjectMapper strict = JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
                            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    LoginRequest read(HttpServletRequest req) throws IOException {
        requireJson(req.getContentType());
        if (req.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        return parse(body);
    }

    /** The credentials in a body of at most {@link #MAX_BYTES}; a 400 {@link ApiException} for anything else. */
    LoginRequest parse(byte[] body) {
        JsonNode root;
        try {
            // decoded here, strictly, so that Jackson cannot guess another encoding (UTF-16, UTF-32) from the bytes
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            root = strict.readTree(text);
        } catch (IOException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, "The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ApiError.INVALID_REQUEST, "The body must be a JSON object");
        }
        String email = text(root, "email");
        if (email.length() > MAX_EMAIL_LENGTH) {
            // no address is this long (RFC 5321); refusing it keeps throttle keys and logs small
            throw new ApiException(ApiError.INVALID_REQUEST, "The email is too long");
        }
        return new LoginRequest(email, text(root, "password"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            throw new ApiException(ApiError.INVALID_REQUEST, "The field '" + field + "' must be a string");
        }
        return v.textValue();
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw unsupported();
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw unsupported();
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("charset")) {
                String cs = kv.length < 2 ? "" : kv[1].trim().replace("\"", "");
                if (!cs.equalsIgnoreCase("utf-8")) {
                    throw unsupported();
                }
            }
        }
    }

    private static ApiException unsupported() {
        return new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json in UTF-8");
    }

    private static ApiException tooLarge() {
        return new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The body must be at most " + MAX_BYTES + " bytes");
    }
}
