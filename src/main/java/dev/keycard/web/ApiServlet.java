package dev.keycard.web;

import dev.keycard.core.session.SessionRejectedException;
import dev.keycard.core.session.StoreUnavailableException;
import dev.keycard.core.throttle.TooBusyException;
import dev.keycard.core.throttle.TooManyAttemptsException;
import dev.keycard.core.token.InvalidTokenException;
import dev.keycard.core.user.InvalidCredentialsException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base of Keycard's endpoints: answers methods the endpoint does not support with a JSON 405 and {@code Allow},
 * and is the one place core exceptions become contract errors. A store outage is a 503 (the request could not be
 * decided), never a 401 that would log the user out. Anything else escapes to the container's JSON 500 page.
 */
public abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());

    protected final transient Json json;
    private final Set<String> methods;
    private final String allow;

    protected ApiServlet(Json json, String... methods) {
        this.json = json;
        Set<String> m = new LinkedHashSet<>(Set.of(methods));
        if (m.contains("GET")) {
            m.add("HEAD");
        }
        this.methods = Set.copyOf(m);
        this.allow = String.join(", ", m);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!methods.contains(req.getMethod())) {
            resp.setHeader("Allow", allow);
            json.error(resp, ApiError.METHOD_NOT_ALLOWED, "This endpoint accepts " + allow);
            return;
        }
        try {
            super.service(req, resp);
        } catch (ApiException e) {
            json.error(resp, e.error(), e.getMessage());
        } catch (InvalidCredentialsException e) {
            json.error(resp, ApiError.INVALID_CREDENTIALS, e.getMessage());
        } catch (InvalidTokenException | SessionRejectedException e) {
            json.error(resp, ApiError.INVALID_TOKEN, e.getMessage());
        } catch (TooManyAttemptsException e) {
            resp.setHeader("Retry-After", Long.toString(e.getRetryAfter().toSeconds()));
            json.error(resp, ApiError.TOO_MANY_REQUESTS, e.getMessage());
        } catch (TooBusyException e) {
            resp.setHeader("Retry-After", Long.toString(e.getRetryAfter().toSeconds()));
            json.error(resp, ApiError.TEMPORARILY_UNAVAILABLE, e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Session store unavailable: {0}", e.getMessage());
            json.error(resp, ApiError.TEMPORARILY_UNAVAILABLE, "The session store is unavailable; try again shortly");
        }
    }
}
