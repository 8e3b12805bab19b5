package dev.keycard.web;

import dev.keycard.core.session.SessionRejectedException;
import dev.keycard.core.session.Sessions;
import dev.keycard.core.token.InvalidTokenException;
import dev.keycard.core.token.RefreshTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/auth/refresh}: reads the refresh cookie and rotates it. Any refusal clears the cookie (401
 * {@code invalid_token}); a store outage is a 503 that leaves the cookie alone.
 */
public final class RefreshServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RefreshServlet.class.getName());

    private final transient OriginCheck originCheck;
    private final transient RefreshCookie cookie;
    private final transient RefreshTokens refreshTokens;
    private final transient Sessions sessions;
    private final transient TokenResponses responses;

    RefreshServlet(Json json, OriginCheck originCheck, RefreshCookie cookie, RefreshTokens refreshTokens,
                   Sessions sessions, TokenResponses responses) {
        super(json, "POST");
        this.originCheck = originCheck;
        this.cookie = cookie;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.responses = responses;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        try {
            String token = cookie.read(req);
            if (token == null) {
                throw new InvalidTokenException("No refresh token was sent");
            }
            responses.write(resp, sessions.refresh(refreshTokens.verify(token)));
        } catch (InvalidTokenException | SessionRejectedException e) {
            LOG.log(Level.FINE, "Refresh refused: {0}", e.getMessage());
            cookie.clear(resp);
            throw e;
        }
    }
}
