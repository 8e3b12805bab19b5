package dev.keycard.core.session;

import java.time.Instant;

/**
 * The successor a refresh proposes: its token id, {@code iat} and {@code exp}, and the time of the request.
 *
 * @param now when the refresh happens (drives the grace window and expiry checks)
 */
public record Rotation(String jti, Instant issuedAt, Instant expiresAt, Instant now) {

    /** What a rotation attempt did. */
    public enum Outcome {
        /** The presented token was current; the record now holds the proposed successor. */
        ROTATED,
        /** The presented token was spent by the latest rotation within the grace window; nothing changed. */
        REISSUED,
        /** A spent token outside the grace window: the session is now revoked. */
        REUSE_DETECTED,
        /** The session had already been revoked. */
        REVOKED,
        /** No live session with that id. */
        UNKNOWN
    }

    /** The outcome and the record after it ({@code null} for {@link Outcome#UNKNOWN}). */
    public record Result(Outcome outcome, SessionRecord record) {
    }
}
