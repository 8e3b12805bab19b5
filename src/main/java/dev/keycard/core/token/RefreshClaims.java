package dev.keycard.core.token;

import java.time.Instant;
import java.util.Objects;

/** What a verified refresh token names: the user, the session (one per login) and this token's own id. */
public record RefreshClaims(String userId, String sessionId, String tokenId, Instant expiresAt) {
    public RefreshClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
