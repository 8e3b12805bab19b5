package dev.keycard.web;

import dev.keycard.core.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /api/auth/logout-all} (bearer required): revokes every session of the user and clears the cookie. */
public final class LogoutAllServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient OriginCheck originCheck;
    private final transient RefreshCookie cookie;
    private final transient Sessions sessions;

    LogoutAllServlet(Json json, OriginCheck originCheck, RefreshCookie cookie, Sessions sessions) {
        super(json, "POST");
        this.originCheck = originCheck;
        this.cookie = cookie;
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        sessions.endAll(req.getUserPrincipal().getName());
        cookie.clear(resp);
        json.noContent(resp);
    }
}
