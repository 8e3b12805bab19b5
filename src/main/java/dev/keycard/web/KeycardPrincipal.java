package dev.keycard.web;

import dev.keycard.core.token.AccessClaims;
import java.security.Principal;
import java.util.List;

/**
 * The authenticated user as servlets see it through {@code request.getUserPrincipal()}. {@link #getName()} is the
 * user id (also {@code getRemoteUser()}); email, roles and the session id come from the verified access token.
 */
public final class KeycardPrincipal implements Principal {
    private final AccessClaims claims;

    public KeycardPrincipal(AccessClaims claims) {
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.userId();
    }

    public String email() {
        return claims.email();
    }

    public List<String> roles() {
        return claims.roles();
    }

    public String sessionId() {
        return claims.sessionId();
    }

    @Override
    public String toString() {
        return "KeycardPrincipal[" + claims.userId() + "]";
    }
}
