package dev.keycard.core.throttle;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordCheckLimiterTest {
    @Test
    void acquireWhenAllSlotsTakenThenRefusedAtOnceAndReleasedOnClose() {
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
