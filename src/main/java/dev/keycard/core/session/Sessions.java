package dev.keycard.core.session;

import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.token.AccessTokens;
import dev.keycard.core.token.IssuedToken;
import dev.keycard.core.token.RefreshClaims;
import dev.keycard.core.token.RefreshTokens;
import dev.keycard.core.user.User;
import dev.keycard.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keycard's session lifecycle: start a session at login, rotate its refresh token on every refresh (single use,
 * with a short grace window for concurrent tabs and lost responses), treat any other reuse as theft and revoke the
 * session, and revoke one or all sessions on logout. A refresh token lives {@code refresh.ttl} from its rotation,
 * and never past {@code session.maxLifetime} from the login. Thread-safe.
 */
public final class Sessions {
    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
    private static final int MAX_USER_AGENT = 256;

    private final SessionStore store;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final UserStore users;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration refreshTtl;
    private final Duration maxLifetime;
    private final Duration grace;

    public Sessions(SessionStore store, AccessTokens accessTokens, RefreshTokens refreshTokens, UserStore users,
                    KeycardConfig config, Clock clock, IdGenerator ids) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.clock = clock;
        this.ids = ids;
        this.refreshTtl = config.refreshTtl();
        this.maxLifetime = config.sessionMaxLifetime();
        this.grace = config.graceWindow();
    }

    /** Starts a session for an authenticated user. */
    public IssuedTokens start(User user, String userAgent) {
        Instant now = now();
        String sessionId = ids.next();
        String jti = ids.next();
        Instant exp = now.plus(refreshTtl);
        store.create(SessionRecord.start(sessionId, user.id(), jti, now, exp, truncate(userAgent)));
        return new IssuedTokens(accessTokens.issue(user, sessionId),
                refreshTokens.issue(user.id(), sessionId, jti, now, exp), sessionId);
    }

    /**
     * Exchanges a verified refresh token for a new access token and the session's current refresh token.
     *
     * @throws SessionRejectedException when the session is unknown, revoked, or the token was reused
     * @throws StoreUnavailableException when the store cannot answer
     */
    public IssuedTokens refresh(RefreshClaims presented) {
        Instant now = now();
        Optional<SessionRecord> found = store.find(presented.sessionId());
        if (found.isEmpty() || !found.get().userId().equals(presented.userId())) {
            throw new SessionRejectedException(Rotation.Outcome.UNKNOWN, "The session has ended");
        }
        Instant cap = found.get().createdAt().plus(maxLifetime);
        Instant exp = min(now.plus(refreshTtl), cap);
        Rotation.Result result = store.rotate(presented.sessionId(), presented.tokenId(),
                new Rotation(ids.next(), now, exp, now), grace);
        SessionRecord record = result.record();
        switch (result.outcome()) {
            case ROTATED, REISSUED -> {
                // fall through to issuing below
            }
            case REUSE_DETECTED -> {
                LOG.log(Level.WARNING, "Refresh token reuse detected; session {0} of user {1} revoked",
                        new Object[] {presented.sessionId(), presented.userId()});
                throw new SessionRejectedException(result.outcome(), "The refresh token was already used");
            }
            default -> throw new SessionRejectedException(result.outcome(), "The session has ended");
        }
        Optional<User> user = users.findById(record.userId()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            store.revoke(record.sessionId());
            throw new SessionRejectedException(Rotation.Outcome.REVOKED, "The session has ended");
        }
        IssuedToken refresh = refreshTokens.issue(record.userId(), record.sessionId(), record.currentJti(),
                record.currentIssuedAt(), record.expiresAt());
        return new IssuedTokens(accessTokens.issue(user.get(), record.sessionId()), refresh, record.sessionId());
    }

    /** Revokes the session a refresh token belongs to (logout). */
    public void end(RefreshClaims presented) {
        store.find(presented.sessionId())
                .filter(r -> r.userId().equals(presented.userId()))
                .ifPresent(r -> store.revoke(r.sessionId()));
    }

    /** Revokes every session of {@code userId} (logout everywhere); returns how many were live. */
    public int endAll(String userId) {
        return store.revokeAll(userId);
    }

    /** Revokes one session of {@code userId}; false when it is not a live session of that user. */
    public boolean end(String userId, String sessionId) {
        Optional<SessionRecord> r = store.find(sessionId);
        if (r.isEmpty() || !r.get().userId().equals(userId) || !r.get().isLive(now())) {
            return false;
        }
        return store.revoke(sessionId);
    }

    /** Live sessions of {@code userId}, most recently used first. */
    public List<SessionRecord> list(String userId) {
        return store.listLive(userId, now()).stream()
                .sorted(Comparator.comparing(SessionRecord::lastUsedAt).reversed())
                .toList();
    }

    /** Drops expired records; called periodically. */
    public int purgeExpired() {
        return store.purgeExpired(clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return "";
        }
        String clean = userAgent.replaceAll("[\\p{Cntrl}]", "");
        return clean.length() <= MAX_USER_AGENT ? clean : clean.substring(0, MAX_USER_AGENT);
    }
}
