package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.token.AccessTokens;
import dev.keycard.core.token.RefreshTokens;
import dev.keycard.core.user.PasswordHasher;
import dev.keycard.core.user.User;
import dev.keycard.core.user.UsersFile;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestUsers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final KeycardConfig config = TestConfigs.load(Map.of("keycard.session.maxLifetime", "P10D"));
    private final UsersFile users = UsersFile.load(config.usersFile(), new PasswordHasher(TestUsers.CHEAP));
    private final IdGenerator ids = new IdGenerator(new SecureRandom());
    private final RefreshTokens refreshTokens = new RefreshTokens(config, clock);
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final Sessions sessions = new Sessions(store, new AccessTokens(config, clock, ids), refreshTokens, users,
            config, clock, ids);
    private final User user = users.findByEmail(TestUsers.USER_EMAIL).orElseThrow();

    @Test
    void refreshWhenWithinGraceThenSameRefreshTokenAndNewAccessToken() {
        IssuedTokens login = sessions.start(user, "ua");
        IssuedTokens first = sessions.refresh(refreshTokens.verify(login.refreshToken().value()));
        clock.advance(Duration.ofSeconds(3));
        IssuedTokens second = sessions.refresh(refreshTokens.verify(login.refreshToken().value()));
        assertEquals(first.refreshToken().value(), second.refreshToken().value());
        assertNotEquals(first.accessToken().value(), second.accessToken().value());
    }

    @Test
    void refreshWhenSessionOlderThanMaxLifetimeThenRejectedAndSuccessorsNeverOutliveIt() {
        IssuedTokens t = sessions.start(user, "ua");
        Instant cap = clock.instant().plus(Duration.ofDays(10));
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofDays(1));
            t = sessions.refresh(refreshTokens.verify(t.refreshToken().value()));
            assertFalse(t.refreshToken().expiresAt().isAfter(cap));
        }
        assertEquals(cap, t.refreshToken().expiresAt());
        clock.advance(Duration.ofDays(1));
        IssuedTokens last = t;
        assertThrows(SessionRejectedException.class, () -> sessions.refresh(refreshTokens.verify(last.refreshToken().value())));
    }

    @Test
    void refreshWhenReusedAfterGraceThenSessionRevokedAndLogged() {
        IssuedTokens login = sessions.start(user, "ua");
        IssuedTokens next = sessions.refresh(refreshTokens.verify(login.refreshToken().value()));
        clock.advance(Duration.ofSeconds(11));
        SessionRejectedException e = assertThrows(SessionRejectedException.class,
                () -> sessions.refresh(refreshTokens.verify(login.refreshToken().value())));
        assertEquals(Rotation.Outcome.REUSE_DETECTED, e.getOutcome());
        assertThrows(SessionRejectedException.class,
                () -> sessions.refresh(refreshTokens.verify(next.refreshToken().value())));
        assertTrue(sessions.list(user.id()).isEmpty());
    }

    @Test
    void endWhenOtherUsersSessionThenFalseAndSessionLives() {
        IssuedTokens mine = sessions.start(user, "ua");
        assertFalse(sessions.end("u-admin", mine.sessionId()));
        assertEquals(1, sessions.list(user.id()).size());
        assertTrue(sessions.end(user.id(), mine.sessionId()));
        assertTrue(sessions.list(user.id()).isEmpty());
    }

    @Test
    void userAgentWhenLongOrWithControlCharactersThenStoredCleanAndBounded() {
        sessions.start(user, "evil\r\nagent" + "x".repeat(1000));
        String ua = sessions.list(user.id()).get(0).userAgent();
        assertEquals(256, ua.length());
        assertTrue(ua.startsWith("evilagent"));
    }
}
