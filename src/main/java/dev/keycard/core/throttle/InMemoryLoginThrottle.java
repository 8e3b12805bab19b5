package dev.keycard.core.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link LoginThrottle} for one node: counts failures per account and per client address in memory, each in a
 * fixed window starting at the first failure, bounded to {@link LoginLimits#maxTrackedKeys()} keys per kind (expired
 * windows first, then the oldest, are forgotten). Time comes from the injected {@link Clock}. Thread-safe.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {
    private static final Logger LOG = Logger.getLogger(InMemoryLoginThrottle.class.getName());

    private final FailureCounts accounts;
    private final FailureCounts clients;
    private final Clock clock;
    private final Duration window;

    public InMemoryLoginThrottle(LoginLimits limits, Clock clock) {
        Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = limits.failureWindow();
        this.accounts = new FailureCounts(limits.maxFailuresPerAccount(), window, limits.maxTrackedKeys());
        this.clients = new FailureCounts(limits.maxFailuresPerClient(), window, limits.maxTrackedKeys());
    }

    @Override
    public void checkAllowed(String accountKey, String clientKey) {
        Instant now = clock.instant();
        Duration wait = max(accounts.blockedFor(accountKey, now), clients.blockedFor(clientKey, now));
        if (!wait.isZero()) {
            throw TooManyAttemptsException.waitingFor(wait);
        }
    }

    @Override
    public void recordFailure(String accountKey, String clientKey) {
        Instant now = clock.instant();
        accounts.recordFailure(accountKey, now);
        if (clients.recordFailure(clientKey, now)) {
            // abuse is worth one warning per window; the client key is the remote address (no line breaks in it)
            LOG.log(Level.WARNING, "Failed-login budget of client {0} spent; its logins are refused for {1}",
                    new Object[] {clientKey, window});
        }
    }

    @Override
    public void recordSuccess(String accountKey, String clientKey) {
        accounts.clear(accountKey);
    }

    /** Accounts and client addresses currently remembered (for monitoring and tests). */
    public int trackedKeys() {
        return accounts.size() + clients.size();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
