package dev.keycard.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that becomes true through something outside the test's control (a process starting, a
 * client reconnecting), checking it every 50 ms until a deadline. Never used to let time pass: tests move a
 * {@link MutableClock} for that. Stateless and thread-safe.
 */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} if it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
