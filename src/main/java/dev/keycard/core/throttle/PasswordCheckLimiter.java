package dev.keycard.core.throttle;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Lets at most a fixed number of password checks run at once, so a flood of logins cannot take every CPU from the
 * rest of the application. An attempt beyond the limit is refused at once ({@link TooBusyException}), never
 * queued. Thread-safe.
 */
public final class PasswordCheckLimiter {
    /** What a refused client is told to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore slots;

    public PasswordCheckLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.slots = new Semaphore(maxConcurrent);
    }

    /**
     * Takes a slot, to be given back by closing the returned permit.
     *
     * @throws TooBusyException when every slot is taken
     */
    public Permit acquire() {
        if (!slots.tryAcquire()) {
            throw new TooBusyException(RETRY_AFTER);
        }
        return new Permit(slots);
    }

    /** A taken slot; closing it twice gives it back once. Not thread-safe (one owner). */
    public static final class Permit implements AutoCloseable {
        private Semaphore slots;

        private Permit(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (slots != null) {
                slots.release();
                slots = null;
            }
        }
    }
}
