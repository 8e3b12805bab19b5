package dev.keycard.bench;

import dev.keycard.core.session.SessionRecord;
import dev.keycard.core.token.RefreshClaims;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Row 5, in a JVM of its own: opens {@code sessions} sessions in an {@code InMemorySessionStore} and refreshes them
 * round-robin {@code rotations} times through {@code Sessions.refresh}, printing the heap held per session after a
 * full GC (and JOL's size of the store's object graph) at 0, half and all rotations.
 * Usage: {@code SessionMemory <sessions> <rotations>}.
 */
public final class SessionMemory {
    private SessionMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        int rotations = Integer.parseInt(args[1]);
        Fixtures f = new Fixtures();
        String[] ids = new String[count];
        f.sessions.refresh(claims(f, f.sessions.start(f.user, "warm-up").sessionId()));
        f.store.purgeExpired(java.time.Instant.MAX);
        jolSize(f); // loads JOL and fills its caches before the baseline, so they do not count as sessions
        long baseline = usedHeapAfterGc();
        for (int i = 0; i < count; i++) {
            ids[i] = f.sessions.start(f.user, "Mozilla/5.0 (X11; Linux x86_64) keycard-bench").sessionId();
        }
        print(0, f, baseline);
        for (int n = 1; n <= rotations; n++) {
            f.sessions.refresh(claims(f, ids[n % count]));
            if (n == rotations / 2 || n == rotations) {
                print(n, f, baseline);
            }
        }
    }

    /** What the refresh servlet would have verified: the session's current refresh token. */
    private static RefreshClaims claims(Fixtures f, String sessionId) {
        SessionRecord r = f.store.find(sessionId).orElseThrow();
        return new RefreshClaims(r.userId(), r.sessionId(), r.currentJti(), r.expiresAt());
    }

    private static void print(int rotations, Fixtures f, long baseline) throws InterruptedException {
        long heap = usedHeapAfterGc() - baseline;
        long jol = jolSize(f);
        System.out.printf("RESULT rotations=%d records=%d heap_bytes=%d jol_bytes=%d%n", rotations, f.store.size(),
                heap, jol);
        if (jol < 0) {
            System.out.println("(JOL could not walk the store; only the heap figure is available)");
        }
        System.out.flush();
    }

    /** JOL's size of the store's object graph, or -1 when JOL cannot walk it on this JVM. */
    private static long jolSize(Fixtures f) {
        try {
            return org.openjdk.jol.info.GraphLayout.parseInstance(f.store).totalSize();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
