package dev.keycard.core.session;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one {@link SessionRecord} per login. Every method is atomic on its own; {@link #rotate} in particular is a
 * compare-and-set, so of N concurrent callers presenting the current token exactly one rotates and the others see
 * the grace path. Implementations throw {@link StoreUnavailableException} when they cannot answer, never a
 * misleading "not found". Thread-safe.
 */
public interface SessionStore {
    void create(SessionRecord record);

    /** Applies {@link SessionRecord#rotate} atomically to the session {@code sessionId}. */
    Rotation.Result rotate(String sessionId, String presentedJti, Rotation next, Duration grace);

    Optional<SessionRecord> find(String sessionId);

    /** Revokes one session; true if it was live. */
    boolean revoke(String sessionId);

    /** Revokes every session of {@code userId}; returns how many were live. */
    int revokeAll(String userId);

    /** Live sessions of {@code userId} at {@code now}. */
    List<SessionRecord> listLive(String userId, Instant now);

    /** Drops records (live or revoked) whose refresh token has expired; returns how many. */
    int purgeExpired(Instant now);

    /** Whether the store can currently answer (for the health endpoint). */
    boolean isAvailable();
}
