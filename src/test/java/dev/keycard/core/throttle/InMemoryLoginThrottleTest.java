package dev.keycard.core.throttle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
    void checkAllowedWhenAccountBudgetSpentThenRefusedFromAnyClientUntilWindowEnds() {
        fail("a@example.test", "10.0.0.1", 3);
        TooManyAttemptsException e = assertThrows(TooManyAttemptsException.class,
                () -> throttle.checkAllowed("a@example.test", "10.0.0.2"));
        assertEquals(Duration.ofMinutes(15), e.getRetryAfter());
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        e = assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed("a@example.test", "10.0.0.3"));
        assertEquals(Duration.ofSeconds(300), e.getRetryAfter(), "rounded up to whole seconds");
        clock.advance(Duration.ofMinutes(5));
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
    }

    @Test
    void checkAllowedWhenClientBudgetSpentThenRefusedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i + "@example.test", "10.0.0.9", 1);
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed("fresh@example.test", "10.0.0.9"));
        assertDoesNotThrow(() -> throttle.checkAllowed("fresh@example.test", "10.0.0.10"));
    }

    @Test
    void checkAllowedWhenBelowBudgetThenAllowed() {
        fail("a@example.test", "10.0.0.1", 2);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
    }

    @Test
    void recordSuccessThenAccountForgivenButClientBudgetKept() {
        fail("a@example.test", "10.0.0.1", 2);
        throttle.recordSuccess("a@example.test", "10.0.0.1");
        fail("a@example.test", "10.0.0.1", 2);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
        fail("b@example.test", "10.0.0.1", 1);
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed("c@example.test", "10.0.0.1"),
                "five failures from the client in total, whatever succeeded in between");
    }

    @Test
    void windowStartsAtFirstFailureAndFailuresAfterItStartANewOne() {
        fail("a@example.test", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(16));
        fail("a@example.test", "10.0.0.1", 2);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
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

    @Test
    void keysOfAnyLengthCostTheSameAndStayDistinct() {
        String longKey = "a".repeat(8000) + "@example.test";
        fail(longKey, "10.0.0.1", 3);
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(longKey, "10.0.0.2"));
        assertDoesNotThrow(() -> throttle.checkAllowed("a".repeat(7999) + "@example.test", "10.0.0.2"));
    }

    @Test
    void passwordCheckLimiterWhenAllSlotsTakenThenRefusedAtOnceAndReleasedOnClose() {
        PasswordCheckLimiter limiter = new PasswordCheckLimiter(2);
        PasswordCheckLimiter.Permit a = limiter.acquire();
        PasswordCheckLimiter.Permit b = limiter.acquire();
        TooBusyException busy = assertThrows(TooBusyException.class, limiter::acquire);
        assertTrue(busy.getRetryAfter().toSeconds() >= 1);
        a.close();
        a.close();
        PasswordCheckLimiter.Permit c = limiter.acquire();
        assertThrows(TooBusyException.class, limiter::acquire, "closing twice gave back only one slot");
        b.close();
        c.close();
    }
}
