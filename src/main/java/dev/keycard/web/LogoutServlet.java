package dev.keycard.web;

import dev.keycard.core.session.Sessions;
import dev.keycard.core.token.InvalidTokenException;
import dev.keycard.core.token.RefreshTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /api/auth/logout}: revokes the session of the refresh cookie and clears it. Always 204 once the
 * origin is accepted, also without a cookie or with an invalid one (logout is idempotent).
 */
public final class LogoutServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient OriginCheck originCheck;
    private final transient RefreshCookie cookie;
    private final transient RefreshTokens refreshTokens;
    private final transient Sessions sessions;

    LogoutServlet(Json json, OriginCheck originCheck, RefreshCookie cookie, RefreshTokens refreshTokens,
                  Sessions sessions) {
        super(json, "POST");
        this.originCheck = originCheck;
        this.cookie = cookie;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        try {
            String token = cookie.read(req);
            if (token != null) {
                sessions.end(refreshTokens.verify(token));
            }
        } catch (InvalidTokenException e) {
            // nothing to revoke: a token we cannot verify names no session we trust
        }
        cookie.clear(resp);
        json.noContent(resp);
    }
}
