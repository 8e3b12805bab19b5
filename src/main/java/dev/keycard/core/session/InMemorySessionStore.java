package dev.keycard.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SessionStore} for a single server: a {@link ConcurrentHashMap} of records whose rotation runs inside
 * {@code compute}, so it is atomic per session, plus an index of session ids per user for logout-all. Revoked
 * records stay as tombstones until their refresh token expires; {@link #purgeExpired} then drops them. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {
    private final ConcurrentHashMap<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> sessionsByUser = new ConcurrentHashMap<>();

    @Override
    public void create(SessionRecord record) {
        sessionsByUser.compute(record.userId(), (user, ids) -> {
            Set<String> set = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            set.add(record.sessionId());
            return set;
        });
        sessions.put(record.sessionId(), record);
    }

    @Override
    public Rotation.Result rotate(String sessionId, String presentedJti, Rotation next, Duration grace) {
        Rotation.Result[] result = new Rotation.Result[1];
        sessions.computeIfPresent(sessionId, (id, record) -> {
            result[0] = record.rotate(presentedJti, next, grace);
            return result[0].record() == null ? record : result[0].record();
        });
        return result[0] == null ? new Rotation.Result(Rotation.Outcome.UNKNOWN, null) : result[0];
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public boolean revoke(String sessionId) {
        boolean[] wasLive = new boolean[1];
        sessions.computeIfPresent(sessionId, (id, record) -> {
            wasLive[0] = !record.revoked();
            return record.revoke();
        });
        return wasLive[0];
    }

    @Override
    public int revokeAll(String userId) {
        int n = 0;
        for (String id : sessionsByUser.getOrDefault(userId, Set.of())) {
            if (revoke(id)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<SessionRecord> listLive(String userId, Instant now) {
        List<SessionRecord> out = new ArrayList<>();
        for (String id : sessionsByUser.getOrDefault(userId, Set.of())) {
            SessionRecord r = sessions.get(id);
            if (r != null && r.isLive(now)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public int purgeExpired(Instant now) {
        AtomicInteger purged = new AtomicInteger();
        for (SessionRecord r : sessions.values()) {
            if (!now.isBefore(r.expiresAt()) && sessions.remove(r.sessionId(), r)) {
                purged.incrementAndGet();
                sessionsByUser.computeIfPresent(r.userId(), (user, ids) -> {
                    ids.remove(r.sessionId());
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
        return purged.get();
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /** Every record held, live or tombstoned: a point-in-time copy (for {@link SessionSnapshot}). */
    public List<SessionRecord> records() {
        return List.copyOf(sessions.values());
    }

    /** Number of records held, live or tombstoned (for tests and benchmarks of memory use). */
    public int size() {
        return sessions.size();
    }
}
