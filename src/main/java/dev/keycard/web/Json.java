package dev.keycard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place responses under {@code /api} are written: JSON bodies with the contract's headers, and every
 * error as {@code {"error", "error_description"}}. Thread-safe.
 */
public final class Json {
    /** Seconds a client should wait after a 429 or 503 when nothing more specific is known. */
    public static final int DEFAULT_RETRY_AFTER = 5;

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Headers every {@code /api} response carries, body or not. */
    public static void applyApiHeaders(HttpServletResponse resp) {
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
    }

    public void write(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        resp.setStatus(status);
        applyApiHeaders(resp);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    public void error(HttpServletResponse resp, ApiError error, String description) throws IOException {
        if (error == ApiError.TOO_MANY_REQUESTS || error == ApiError.TEMPORARILY_UNAVAILABLE) {
            if (resp.getHeader("Retry-After") == null) {
                resp.setHeader("Retry-After", Integer.toString(DEFAULT_RETRY_AFTER));
            }
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("error_description", description);
        write(resp, error.status(), body);
    }

    /** 204 with the API headers. */
    public void noContent(HttpServletResponse resp) {
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        applyApiHeaders(resp);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
