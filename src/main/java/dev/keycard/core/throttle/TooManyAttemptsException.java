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

    /** Time until the budget is restored, at least one second. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
