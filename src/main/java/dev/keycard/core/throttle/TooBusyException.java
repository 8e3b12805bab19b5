package dev.keycard.core.throttle;

import dev.keycard.core.KeycardException;
import java.time.Duration;

/** Every password-check slot is taken; the attempt was refused at once instead of queueing. */
public final class TooBusyException extends KeycardException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooBusyException(Duration retryAfter) {
        super("Too many logins are being checked right now; try again shortly");
        this.retryAfter = retryAfter;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }
}
