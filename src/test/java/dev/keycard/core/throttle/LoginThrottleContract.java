package dev.keycard.core.throttle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keycard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginThrottle} must do, run against each implementation by a subclass: budgets per account and
 * per client in windows that start at the first failure (measured with the injected clock), Retry-After from the
 * remaining window, and a success that forgives the account but not the client.
 */
abstract class LoginThrottleContract {
    static final LoginLimits LIMITS = new LoginLimits(3, 5, Duration.ofMinutes(15), 1000, 4);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LoginThrottle throttle;

    /** A throttle that has counted no failures, on {@code limits} and {@code clock}. */
    abstract LoginThrottle emptyThrottle(LoginLimits limits, MutableClock clock);

    @BeforeEach
    void setUpThrottle() {
        throttle = emptyThrottle(LIMITS, clock);
    }

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
    void checkAllowedWhenBothBudgetsSpentThenRetryAfterIsTheLongerWait() {
        fail("a@example.test", "10.0.0.1", 3);
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            fail("other" + i + "@example.test", "10.0.0.2", 1);
        }
        TooManyAttemptsException e = assertThrows(TooManyAttemptsException.class,
                () -> throttle.checkAllowed("a@example.test", "10.0.0.2"));
        assertEquals(Duration.ofMinutes(15), e.getRetryAfter(), "the client's window started later and ends later");
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
    void recordSuccessWhenAccountBudgetSpentThenAccountAllowedAgain() {
        fail("a@example.test", "10.0.0.1", 3);
        throttle.recordSuccess("a@example.test", "10.0.0.1");
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.2"));
    }

    @Test
    void windowStartsAtFirstFailureAndFailuresAfterItStartANewOne() {
        fail("a@example.test", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(16));
        fail("a@example.test", "10.0.0.1", 2);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
    }

    @Test
    void windowIsNotExtendedByLaterFailures() {
        fail("a@example.test", "10.0.0.1", 1);
        clock.advance(Duration.ofMinutes(14));
        fail("a@example.test", "10.0.0.1", 2);
        TooManyAttemptsException e = assertThrows(TooManyAttemptsException.class,
                () -> throttle.checkAllowed("a@example.test", "10.0.0.2"));
        assertEquals(Duration.ofMinutes(1), e.getRetryAfter(), "the window still ends 15 minutes after the first");
    }

    @Test
    void keysOfAnyLengthCostTheSameAndStayDistinct() {
        String longKey = "a".repeat(8000) + "@example.test";
        fail(longKey, "10.0.0.1", 3);
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(longKey, "10.0.0.2"));
        assertDoesNotThrow(() -> throttle.checkAllowed("a".repeat(7999) + "@example.test", "10.0.0.2"));
    }

    @Test
    void recordFailureWhenConcurrentThenEveryFailureCounted() throws Exception {
        int n = 40;
        LoginThrottle wide = emptyThrottle(new LoginLimits(n, 1000, Duration.ofMinutes(15), 1000, 4), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                String client = "10.0.2." + i;
                calls.add(pool.submit(() -> {
                    go.await();
                    wide.recordFailure("a@example.test", client);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertDoesNotThrow(() -> wide.checkAllowed("a@example.test", "10.0.3.1"), "one failure short of the budget");
        wide.recordFailure("a@example.test", "10.0.3.1");
        assertThrows(TooManyAttemptsException.class, () -> wide.checkAllowed("a@example.test", "10.0.3.2"));
    }
}
