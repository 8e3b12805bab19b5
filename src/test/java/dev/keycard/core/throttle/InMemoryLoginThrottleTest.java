package dev.keycard.core.throttle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keycard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What only the in-memory throttle does: bounded memory (the shared rules are in {@link LoginThrottleContract}). */
class InMemoryLoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginLimits limits = new LoginLimits(3, 5, Duration.ofMinutes(15), 1000, 4);
    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(limits, clock);

    private void fail(String account, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.checkAllowed(account, client);
            throttle.recordFailure(account, client);
        }
    }

    @Test
    void trackedKeysWhenManyDistinctKeysThenBoundedByCapacityOldestDropped() {
        InMemoryLoginThrottle small = new InMemoryLoginThrottle(new LoginLimits(1, 1000, Duration.ofHours(1), 10, 1), clock);
        small.recordFailure("victim@example.test", "10.0.0.1");
        assertThrows(TooManyAttemptsException.class, () -> small.checkAllowed("victim@example.test", "10.0.0.2"));
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(1));
            small.recordFailure("x" + i + "@example.test", "10.0.1." + i);
        }
        assertEquals(20, small.trackedKeys(), "10 accounts + 10 clients");
        assertDoesNotThrow(() -> small.checkAllowed("victim@example.test", "10.0.0.2"), "the oldest was dropped");
    }

    @Test
    void trackedKeysWhenWindowsExpiredThenDroppedOnNextFailure() {
        fail("a@example.test", "10.0.0.1", 1);
        fail("b@example.test", "10.0.0.2", 1);
        clock.advance(Duration.ofMinutes(15));
        fail("c@example.test", "10.0.0.3", 1);
        assertEquals(2, throttle.trackedKeys());
    }
}
