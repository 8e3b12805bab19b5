package dev.keycard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as downstream servlets see it after {@link JwtAuthFilter} accepted its bearer token: the standard
 * security methods answer from the token's claims.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {
    /** {@link #getAuthType()} of bearer-authenticated requests. */
    static final String AUTH_TYPE = "Bearer";

    private final KeycardPrincipal principal;

    AuthenticatedRequest(HttpServletRequest request, KeycardPrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && principal.roles().contains(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
