package dev.keycard.web;

import dev.keycard.core.session.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code GET /api/health}: UP while the session store answers, DOWN (503) when it does not. */
public final class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient SessionStore store;

    HealthServlet(Json json, SessionStore store) {
        super(json, "GET");
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (store.isAvailable()) {
            json.write(resp, HttpServletResponse.SC_OK, Map.of("status", "UP"));
        } else {
            resp.setHeader("Retry-After", Integer.toString(Json.DEFAULT_RETRY_AFTER));
            json.write(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    Map.of("status", "DOWN", "sessionStore", "unreachable"));
        }
    }
}
