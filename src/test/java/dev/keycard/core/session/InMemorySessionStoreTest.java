package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private final InMemorySessionStore store = new InMemorySessionStore();

    @Test
    void rotateWhenManyRotationsThenStillOneRecordPerSession() {
        store.create(SessionRecord.start("s1", "u1", "j0", T0, T0.plus(TTL), ""));
        String current = "j0";
        Instant now = T0;
        for (int i = 1; i <= 10_000; i++) {
            now = now.plusSeconds(1);
            Rotation.Result r = store.rotate("s1", current, new Rotation("j" + i, now, now.plus(TTL), now),
                    Duration.ofSeconds(10));
            assertEquals(Rotation.Outcome.ROTATED, r.outcome());
            current = "j" + i;
        }
        assertEquals(1, store.size());
    }

    @Test
    void purgeWhenRecordsExpiredThenOnlyLiveAndUnexpiredTombstonesRemain() {
        store.create(SessionRecord.start("old", "u1", "j", T0, T0.plusSeconds(100), ""));
        store.create(SessionRecord.start("live", "u1", "j", T0, T0.plusSeconds(1000), ""));
        store.create(SessionRecord.start("revoked", "u2", "j", T0, T0.plusSeconds(1000), ""));
        store.revoke("revoked");
        assertEquals(1, store.purgeExpired(T0.plusSeconds(100)));
        assertEquals(2, store.size());
        assertTrue(store.find("revoked").orElseThrow().revoked(), "tombstone kept until it expires");
        assertEquals(List.of("live"), store.listLive("u1", T0.plusSeconds(100)).stream()
                .map(SessionRecord::sessionId).toList());
        assertEquals(2, store.purgeExpired(T0.plusSeconds(1000)));
        assertEquals(0, store.size());
    }

    @Test
    void revokeAllWhenUserHasSessionsThenAllRevokedAndOtherUsersUntouched() {
        store.create(SessionRecord.start("a", "u1", "j", T0, T0.plus(TTL), ""));
        store.create(SessionRecord.start("b", "u1", "j", T0, T0.plus(TTL), ""));
        store.create(SessionRecord.start("c", "u2", "j", T0, T0.plus(TTL), ""));
        assertEquals(2, store.revokeAll("u1"));
        assertTrue(store.listLive("u1", T0).isEmpty());
        assertEquals(1, store.listLive("u2", T0).size());
        assertFalse(store.revoke("a"), "already revoked");
    }

    @Test
    void rotateWhenUnknownSessionThenUnknown() {
        assertEquals(Rotation.Outcome.UNKNOWN, store.rotate("nope", "j", new Rotation("k", T0, T0.plus(TTL), T0),
                Duration.ofSeconds(10)).outcome());
    }

    @Test
    void rotateWhenManyThreadsPresentTheCurrentTokenThenExactlyOneRotates() throws Exception {
        store.create(SessionRecord.start("s1", "u1", "j0", T0, T0.plus(TTL), ""));
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Rotation.Result>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String jti = "n" + i;
            results.add(pool.submit(() -> {
                go.await();
                return store.rotate("s1", "j0", new Rotation(jti, T0, T0.plus(TTL), T0), Duration.ofSeconds(10));
            }));
        }
        go.countDown();
        int rotated = 0;
        int reissued = 0;
        String winner = null;
        for (Future<Rotation.Result> f : results) {
            Rotation.Result r = f.get();
            if (r.outcome() == Rotation.Outcome.ROTATED) {
                rotated++;
                winner = r.record().currentJti();
            } else if (r.outcome() == Rotation.Outcome.REISSUED) {
                reissued++;
            }
        }
        pool.shutdown();
        assertEquals(1, rotated);
        assertEquals(threads - 1, reissued);
        assertEquals(winner, store.find("s1").orElseThrow().currentJti());
    }
}
