package dev.keycard.core.throttle;

import dev.keycard.testing.MutableClock;

/** The login throttle contract against {@link InMemoryLoginThrottle}. */
class InMemoryLoginThrottleContractTest extends LoginThrottleContract {
    @Override
    LoginThrottle emptyThrottle(LoginLimits limits, MutableClock clock) {
        return new InMemoryLoginThrottle(limits, clock);
    }
}
