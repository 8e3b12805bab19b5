package dev.keycard.core.token;

import java.time.Instant;

/** A freshly signed token and when it stops being valid. */
public record IssuedToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
