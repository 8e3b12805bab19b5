package dev.keycard.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a verified access token says about its bearer. Immutable. */
public record AccessClaims(String userId, String sessionId, String email, List<String> roles, Instant expiresAt) {
    public AccessClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = List.copyOf(roles);
    }
}
