package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.session.Rotation.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do, run against each implementation by a subclass: the rotation rules of
 * {@link SessionRecord#rotate} applied atomically, revocation, listing and purging.
 */
abstract class SessionStoreContract {
    /** Near the real time: Redis expires keys by its own clock, so records must expire in the future. */
    static final Instant T0 = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration TTL = Duration.ofDays(7);

    private SessionStore store;
    private int ids;

    /** A store holding no sessions. */
    abstract SessionStore emptyStore();

    @BeforeEach
    void setUpStore() {
        store = emptyStore();
    }

    @Test
    void findWhenCreatedThenSameRecord() {
        SessionRecord r = session("u1");
        store.create(r);
        assertEquals(Optional.of(r), store.find(r.sessionId()));
        assertEquals(Optional.empty(), store.find("no-such-session"));
    }

    @Test
    void rotateWhenCurrentTokenThenRotatedWithSuccessor() {
        SessionRecord r = session("u1");
        store.create(r);
        Instant now = T0.plusSeconds(60);
        Rotation.Result result = store.rotate(r.sessionId(), r.currentJti(), next("j2", now), GRACE);
        assertEquals(Outcome.ROTATED, result.outcome());
        SessionRecord after = result.record();
        assertEquals("j2", after.currentJti());
        assertEquals(r.currentJti(), after.previousJti());
        assertEquals(now, after.rotatedAt());
        assertEquals(now, after.lastUsedAt());
        assertEquals(now.plus(TTL), after.expiresAt());
        assertEquals(Optional.of(after), store.find(r.sessionId()));
    }

    @Test
    void rotateWhenPreviousTokenWithinGraceThenReissuedUnchanged() {
        SessionRecord r = session("u1");
        store.create(r);
        SessionRecord rotated = store.rotate(r.sessionId(), r.currentJti(), next("j2", T0), GRACE).record();
        Rotation.Result again = store.rotate(r.sessionId(), r.currentJti(), next("j3", T0.plusSeconds(9)), GRACE);
        assertEquals(Outcome.REISSUED, again.outcome());
        assertEquals(rotated, again.record());
        assertEquals(Optional.of(rotated), store.find(r.sessionId()));
    }

    @Test
    void rotateWhenPreviousTokenAfterGraceThenReuseDetectedAndRevoked() {
        SessionRecord r = session("u1");
        store.create(r);
        store.rotate(r.sessionId(), r.currentJti(), next("j2", T0), GRACE);
        Rotation.Result late = store.rotate(r.sessionId(), r.currentJti(), next("j3", T0.plusSeconds(10)), GRACE);
        assertEquals(Outcome.REUSE_DETECTED, late.outcome());
        assertTrue(late.record().revoked());
        assertTrue(store.find(r.sessionId()).orElseThrow().revoked());
        assertEquals(Outcome.REVOKED, store.rotate(r.sessionId(), "j2", next("j4", T0.plusSeconds(11)), GRACE).outcome());
    }

    @Test
    void rotateWhenOlderOrForeignTokenThenReuseDetected() {
        SessionRecord r = session("u1");
        store.create(r);
        store.rotate(r.sessionId(), r.currentJti(), next("j2", T0), GRACE);
        store.rotate(r.sessionId(), "j2", next("j3", T0.plusSeconds(1)), GRACE);
        // r's first token is two rotations old: theft even inside the grace window
        assertEquals(Outcome.REUSE_DETECTED,
                store.rotate(r.sessionId(), r.currentJti(), next("j4", T0.plusSeconds(2)), GRACE).outcome());
        SessionRecord other = session("u1");
        store.create(other);
        assertEquals(Outcome.REUSE_DETECTED,
                store.rotate(other.sessionId(), "never-issued", next("j5", T0), GRACE).outcome());
    }

    @Test
    void rotateWhenGraceIsZeroThenPreviousTokenIsReuse() {
        SessionRecord r = session("u1");
        store.create(r);
        store.rotate(r.sessionId(), r.currentJti(), next("j2", T0), Duration.ZERO);
        assertEquals(Outcome.REUSE_DETECTED,
                store.rotate(r.sessionId(), r.currentJti(), next("j3", T0), Duration.ZERO).outcome());
    }

    @Test
    void rotateWhenUnknownOrExpiredThenUnknownAndNothingChanges() {
        Rotation.Result unknown = store.rotate("no-such-session", "j1", next("j2", T0), GRACE);
        assertEquals(Outcome.UNKNOWN, unknown.outcome());
        assertNull(unknown.record());
        SessionRecord r = session("u1");
        store.create(r);
        Rotation.Result expired = store.rotate(r.sessionId(), r.currentJti(), next("j2", r.expiresAt()), GRACE);
        assertEquals(Outcome.UNKNOWN, expired.outcome());
        assertEquals(Optional.of(r), store.find(r.sessionId()));
    }

    @Test
    void rotateWhenRevokedThenRevoked() {
        SessionRecord r = session("u1");
        store.create(r);
        assertTrue(store.revoke(r.sessionId()));
        Rotation.Result result = store.rotate(r.sessionId(), r.currentJti(), next("j2", T0), GRACE);
        assertEquals(Outcome.REVOKED, result.outcome());
        assertEquals(r.currentJti(), result.record().currentJti());
    }

    @Test
    void revokeWhenLiveThenTrueOnceAndRecordKeptAsTombstone() {
        SessionRecord r = session("u1");
        store.create(r);
        assertTrue(store.revoke(r.sessionId()));
        assertFalse(store.revoke(r.sessionId()));
        assertFalse(store.revoke("no-such-session"));
        assertTrue(store.find(r.sessionId()).orElseThrow().revoked());
    }

    @Test
    void revokeAllWhenUserHasSessionsThenOnlyHisLiveOnesCounted() {
        SessionRecord a1 = session("alice");
        SessionRecord a2 = session("alice");
        SessionRecord a3 = session("alice");
        SessionRecord b1 = session("bob");
        List.of(a1, a2, a3, b1).forEach(store::create);
        store.revoke(a3.sessionId());
        assertEquals(2, store.revokeAll("alice"));
        assertEquals(List.of(), store.listLive("alice", T0));
        assertTrue(store.find(a1.sessionId()).orElseThrow().revoked());
        assertEquals(List.of(b1), store.listLive("bob", T0));
        assertEquals(0, store.revokeAll("nobody"));
    }

    @Test
    void listLiveWhenRevokedOrExpiredThenLeftOut() {
        SessionRecord live = session("alice");
        SessionRecord revoked = session("alice");
        SessionRecord shortLived = session("alice", T0.plus(Duration.ofHours(1)));
        List.of(live, revoked, shortLived).forEach(store::create);
        store.revoke(revoked.sessionId());
        assertEquals(Set.of(live, shortLived), Set.copyOf(store.listLive("alice", T0)));
        assertEquals(List.of(live), store.listLive("alice", T0.plus(Duration.ofHours(1))));
        assertEquals(List.of(), store.listLive("bob", T0));
    }

    @Test
    void purgeExpiredWhenRecordsExpiredThenOnlyThoseDropped() {
        SessionRecord soon = session("alice", T0.plus(Duration.ofHours(1)));
        SessionRecord soonRevoked = session("bob", T0.plus(Duration.ofHours(1)));
        SessionRecord later = session("alice", T0.plus(Duration.ofHours(3)));
        List.of(soon, soonRevoked, later).forEach(store::create);
        store.revoke(soonRevoked.sessionId());
        assertEquals(0, store.purgeExpired(T0));
        assertEquals(2, store.purgeExpired(T0.plus(Duration.ofHours(2))));
        assertEquals(Optional.empty(), store.find(soon.sessionId()));
        assertEquals(Optional.empty(), store.find(soonRevoked.sessionId()));
        assertEquals(List.of(later), store.listLive("alice", T0));
        assertEquals(0, store.purgeExpired(T0.plus(Duration.ofHours(2))));
    }

    @Test
    void rotateWhenManyConcurrentCallersPresentCurrentTokenThenExactlyOneRotates() throws Exception {
        SessionRecord r = session("u1");
        store.create(r);
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Rotation.Result>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String jti = "next-" + i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return store.rotate(r.sessionId(), r.currentJti(), next(jti, T0.plusSeconds(1)), GRACE);
                }));
            }
            go.countDown();
            List<Rotation.Result> results = new ArrayList<>();
            for (Future<Rotation.Result> f : futures) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(x -> x.outcome() == Outcome.ROTATED).count(), results::toString);
            assertEquals(n - 1, results.stream().filter(x -> x.outcome() == Outcome.REISSUED).count());
            Set<String> currents = results.stream().map(x -> x.record().currentJti()).collect(Collectors.toSet());
            assertEquals(Set.of(store.find(r.sessionId()).orElseThrow().currentJti()), currents);
        } finally {
            pool.shutdownNow();
        }
    }

    SessionRecord session(String userId) {
        return session(userId, T0.plus(TTL));
    }

    SessionRecord session(String userId, Instant expiresAt) {
        ids++;
        return SessionRecord.start("s" + ids + "-" + System.nanoTime(), userId, "j1-" + ids, T0, expiresAt,
                "Agent/" + ids);
    }

    static Rotation next(String jti, Instant now) {
        return new Rotation(jti, now, now.plus(TTL), now);
    }
}
