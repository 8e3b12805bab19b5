package dev.keycard.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keycard.core.IdGenerator;
import dev.keycard.core.user.User;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestConfigs;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final RefreshTokens refresh = new RefreshTokens(TestConfigs.defaults(), clock);

    @Test
    void issueWhenSameClaimsThenIdenticalTokenEvenLater() {
        String a = refresh.issue("u1", "s1", "j1", T0, T0.plus(Duration.ofDays(7))).value();
        clock.advance(Duration.ofSeconds(5));
        String b = refresh.issue("u1", "s1", "j1", T0, T0.plus(Duration.ofDays(7))).value();
        assertEquals(a, b);
        assertNotEquals(a, refresh.issue("u1", "s1", "j2", T0, T0.plus(Duration.ofDays(7))).value());
    }

    @Test
    void verifyWhenIssuedThenClaimsRoundTrip() {
        RefreshClaims c = refresh.verify(refresh.issue("u1", "s1", "j1", T0, T0.plus(Duration.ofDays(7))).value());
        assertEquals(new RefreshClaims("u1", "s1", "j1", T0.plus(Duration.ofDays(7))), c);
    }

    @Test
    void verifyWhenGivenAnAccessTokenThenRefused() {
        AccessTokens access = new AccessTokens(TestConfigs.defaults(), clock, new IdGenerator(new SecureRandom()));
        String at = access.issue(new User("u1", "a@b.test", "$2b$10$x", List.of(), false), "s1").value();
        assertThrows(InvalidTokenException.class, () -> refresh.verify(at));
    }

    @Test
    void accessTokensWhenGivenARefreshTokenThenRefused() {
        AccessTokens access = new AccessTokens(TestConfigs.defaults(), clock, new IdGenerator(new SecureRandom()));
        String rt = refresh.issue("u1", "s1", "j1", T0, T0.plus(Duration.ofDays(7))).value();
        assertThrows(InvalidTokenException.class, () -> access.verify(rt));
    }

    @Test
    void verifyWhenExpiredBeyondSkewThenRefused() {
        String t = refresh.issue("u1", "s1", "j1", T0, T0.plus(Duration.ofDays(7))).value();
        clock.advance(Duration.ofDays(7).plusSeconds(31));
        assertThrows(InvalidTokenException.class, () -> refresh.verify(t));
    }
}
