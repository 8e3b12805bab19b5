package dev.keycard.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One login: which refresh token is current, which one the latest rotation spent, and whether the session has
 * been revoked. One record per login however often it rotates, so memory follows live sessions, not rotations.
 * Immutable; {@link #rotate} is the single place the rotation rules live (stores apply it atomically).
 *
 * @param currentIssuedAt {@code iat} of the current refresh token (whole seconds)
 * @param expiresAt {@code exp} of the current refresh token; the record may be purged after it
 * @param previousJti the token the latest rotation spent, or {@code null}
 * @param rotatedAt when that rotation happened, or {@code null}
 */
public record SessionRecord(
        String sessionId,
        String userId,
        String currentJti,
        Instant currentIssuedAt,
        Instant expiresAt,
        String previousJti,
        Instant rotatedAt,
        Instant createdAt,
        Instant lastUsedAt,
        String userAgent,
        boolean revoked) {

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currentJti, "currentJti");
        Objects.requireNonNull(currentIssuedAt, "currentIssuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        userAgent = userAgent == null ? "" : userAgent;
    }

    /** A fresh session whose first refresh token is {@code jti}. */
    public static SessionRecord start(String sessionId, String userId, String jti, Instant issuedAt,
                                      Instant expiresAt, String userAgent) {
        return new SessionRecord(sessionId, userId, jti, issuedAt, expiresAt, null, null, issuedAt, issuedAt,
                userAgent, false);
    }

    /** Whether the session can still be refreshed at {@code now}. */
    public boolean isLive(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    public SessionRecord revoke() {
        return revoked ? this : new SessionRecord(sessionId, userId, currentJti, currentIssuedAt, expiresAt,
                previousJti, rotatedAt, createdAt, lastUsedAt, userAgent, true);
    }

    /**
     * Applies a refresh that presents token {@code presentedJti}: the current token rotates to {@code next}; the
     * token spent by the latest rotation, within {@code grace}, leaves the record as it is (the caller re-issues
     * the current token); anything else revokes the session.
     */
    public Rotation.Result rotate(String presentedJti, Rotation next, Duration grace) {
        Instant now = next.now();
        if (revoked) {
            return new Rotation.Result(Rotation.Outcome.REVOKED, this);
        }
        if (!now.isBefore(expiresAt)) {
            return new Rotation.Result(Rotation.Outcome.UNKNOWN, null);
        }
        if (presentedJti.equals(currentJti)) {
            if (!next.expiresAt().isAfter(now)) {
                return new Rotation.Result(Rotation.Outcome.UNKNOWN, null);
            }
            SessionRecord rotated = new SessionRecord(sessionId, userId, next.jti(), next.issuedAt(),
                    next.expiresAt(), currentJti, now, createdAt, now, userAgent, false);
            return new Rotation.Result(Rotation.Outcome.ROTATED, rotated);
        }
        if (presentedJti.equals(previousJti) && rotatedAt != null
                && now.isBefore(rotatedAt.plus(grace))) {
            return new Rotation.Result(Rotation.Outcome.REISSUED, this);
        }
        return new Rotation.Result(Rotation.Outcome.REUSE_DETECTED, revoke());
    }
}
