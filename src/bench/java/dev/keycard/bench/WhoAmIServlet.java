package dev.keycard.bench;

import dev.keycard.web.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The same small guarded endpoint for every way of authenticating a request: {@code GET} answers
 * {@code {"userId": ...}} for the user that {@link Identity} finds, or 401. Only the identity differs between the
 * variants compared, so the difference in throughput is the cost of authenticating.
 */
final class WhoAmIServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Finds the user a request is authenticated as, or {@code null}. */
    @FunctionalInterface
    interface Identity {
        String userOf(HttpServletRequest req);
    }

    private final transient Json json;
    private final transient Identity identity;

    WhoAmIServlet(Json json, Identity identity) {
        this.json = Objects.requireNonNull(json, "json");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String userId = identity.userOf(req);
        if (userId == null) {
            json.write(resp, HttpServletResponse.SC_UNAUTHORIZED, Map.of("error", "invalid_token"));
            return;
        }
        json.write(resp, HttpServletResponse.SC_OK, Map.of("userId", userId));
    }
}
