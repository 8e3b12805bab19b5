package dev.keycard.web;

import dev.keycard.core.session.SessionRecord;
import dev.keycard.core.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/auth/sessions} lists the caller's live sessions (devices); {@code DELETE
 * /api/auth/sessions/{id}} revokes one. Bearer required. Another user's session answers exactly like a missing one.
 */
public final class SessionsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient OriginCheck originCheck;
    private final transient Sessions sessions;

    SessionsServlet(Json json, OriginCheck originCheck, Sessions sessions) {
        super(json, "GET", "DELETE");
        this.originCheck = originCheck;
        this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            throw new ApiException(ApiError.NOT_FOUND, "No such resource");
        }
        KeycardPrincipal p = (KeycardPrincipal) req.getUserPrincipal();
        List<Map<String, Object>> out = new ArrayList<>();
        for (SessionRecord r : sessions.list(p.getName())) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", r.sessionId());
            s.put("createdAt", r.createdAt().toString());
            s.put("lastUsedAt", r.lastUsedAt().toString());
            s.put("userAgent", r.userAgent());
            s.put("current", r.sessionId().equals(p.sessionId()));
            out.add(s);
        }
        json.write(resp, HttpServletResponse.SC_OK, out);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        String info = req.getPathInfo();
        String id = info == null || info.length() < 2 ? "" : info.substring(1);
        if (id.isEmpty() || id.contains("/") || !sessions.end(req.getUserPrincipal().getName(), id)) {
            throw new ApiException(ApiError.NOT_FOUND, "No such session");
        }
        json.noContent(resp);
    }
}
