package dev.keycard.web;

import dev.keycard.core.token.AccessClaims;
import dev.keycard.core.token.AccessTokens;
import dev.keycard.core.token.InvalidTokenException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Guards the API with no lookup per request: resolve the bearer token, verify it (signature, pinned algorithm,
 * {@code typ}, {@code iss}, {@code aud}, {@code exp}, {@code nbf}), and pass the request on wrapped so that
 * {@code getUserPrincipal()}, {@code getRemoteUser()}, {@code isUserInRole()} and {@code getAuthType()} answer for
 * the token's user. A rejection is a 401 with an RFC 6750 {@code WWW-Authenticate} challenge, written and done.
 * Paths in {@code publicPaths} (relative to the context) pass untouched. Thread-safe.
 */
public final class JwtAuthFilter implements Filter {
    private static final Logger LOG = Logger.getLogger(JwtAuthFilter.class.getName());
    static final String REALM = "keycard";

    private final AccessTokens accessTokens;
    private final Json json;
    private final Set<String> publicPaths;
    private final BearerTokenResolver resolver = new BearerTokenResolver();

    public JwtAuthFilter(AccessTokens accessTokens, Json json, Set<String> publicPaths) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.json = Objects.requireNonNull(json, "json");
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getPathInfo() == null ? req.getServletPath() : req.getServletPath() + req.getPathInfo();
        if (publicPaths.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        AccessClaims claims;
        try {
            String token = resolver.resolve(req);
            if (token == null) {
                resp.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
                json.error(resp, ApiError.INVALID_TOKEN, "An access token is required");
                return;
            }
            claims = accessTokens.verify(token);
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Bearer token refused: {0}", e.getMessage());
            reject(resp, ApiError.INVALID_TOKEN, e.getMessage());
            return;
        }
        chain.doFilter(new AuthenticatedRequest(req, new KeycardPrincipal(claims)), response);
    }

    private void reject(HttpServletResponse resp, ApiError error, String description) throws IOException {
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"" + error.code()
                + "\", error_description=\"" + description.replace('"', '\'') + "\"");
        json.error(resp, error, description);
    }
}
