package dev.keycard.core.throttle;

import dev.keycard.core.KeycardException;
import java.time.Duration;

/** A failed-login budget is spent; says how long until another attempt is considered. */
public final class TooManyAttemptsException extends KeycardException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed logins; try again later");
        this.retryAfter = retryAfter;
    }

    /**
     * Refusal for a budget that is restored after {@code remaining}: a client should not come back before the
     * window has really ended, so the wait is rounded up to whole seconds, and is at least one second.
     */
    public static TooManyAttemptsException waitingFor(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return new TooManyAttemptsException(Duration.ofSeconds(seconds));
    }

    /** Time until the budget is restored, at least one second. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
