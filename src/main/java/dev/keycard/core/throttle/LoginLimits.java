package dev.keycard.core.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on password checks: how many failed logins an account and a client address may have within one failure
 * window, how many keys are remembered at most, and how many password hashes may run at once. Immutable.
 *
 * @param maxFailuresPerAccount failed logins for one (normalized) email within {@code failureWindow}
 * @param maxFailuresPerClient failed logins from one client address within {@code failureWindow}
 * @param failureWindow how long a failure counts, measured from the first failure of the window
 * @param maxTrackedKeys most accounts, and most client addresses, remembered at once (the oldest are dropped)
 * @param maxConcurrentHashes most password checks running at once
 */
public record LoginLimits(int maxFailuresPerAccount, int maxFailuresPerClient, Duration failureWindow,
                          int maxTrackedKeys, int maxConcurrentHashes) {
    public LoginLimits {
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (maxFailuresPerAccount < 1 || maxFailuresPerClient < 1 || maxTrackedKeys < 1 || maxConcurrentHashes < 1
                || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("login limits must be positive");
        }
    }
}
