package dev.keycard.core.throttle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.redis.RedisLink;
import dev.keycard.core.session.StoreUnavailableException;
import dev.keycard.testing.Await;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.RedisServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the Redis throttle does: digest keys that Redis expires, budgets shared by servers, outages. */
class RedisLoginThrottleTest {
    private static final LoginLimits LIMITS = new LoginLimits(3, 5, Duration.ofMinutes(15), 1000, 4);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.startingNow();
    private RedisServer redis;
    private RedisLink link;
    private RedisLoginThrottle throttle;

    @BeforeEach
    void start() {
        redis = RedisServer.start(dir);
        link = new RedisLink(URI.create(redis.uri()), TIMEOUT);
        throttle = new RedisLoginThrottle(link, LIMITS, clock);
    }

    @AfterEach
    void stop() {
        link.close();
        redis.close();
    }

    @Test
    void recordFailureThenDigestKeysThatRedisExpiresAfterTheWindow() {
        throttle.recordFailure("Alice@Example.test", "10.0.0.1");
        String account = "keycard:login:acct:" + sha256("Alice@Example.test");
        String client = "keycard:login:client:" + sha256("10.0.0.1");
        assertEquals(":2", redis.command("DBSIZE"));
        assertEquals(":1", redis.command("EXISTS", account));
        assertEquals(":1", redis.command("EXISTS", client));
        assertEquals("*0", redis.command("KEYS", "*xample*"), "no email in a key name");
        long ttl = Long.parseLong(redis.command("PTTL", account).substring(1));
        assertTrue(ttl > Duration.ofMinutes(14).toMillis() && ttl <= Duration.ofMinutes(15).toMillis(), "ttl " + ttl);

        throttle.recordFailure("Alice@Example.test", "10.0.0.1");
        long later = Long.parseLong(redis.command("PTTL", account).substring(1));
        assertTrue(later <= ttl, "a later failure does not extend the window");
    }

    @Test
    void recordSuccessThenAccountKeyDeletedAndClientKeyKept() {
        throttle.recordFailure("a@example.test", "10.0.0.1");
        throttle.recordSuccess("a@example.test", "10.0.0.1");
        assertEquals(":0", redis.command("EXISTS", "keycard:login:acct:" + sha256("a@example.test")));
        assertEquals(":1", redis.command("EXISTS", "keycard:login:client:" + sha256("10.0.0.1")));
    }

    @Test
    void checkAllowedWhenFailuresRecordedOnTwoServersThenOneBudgetForBoth() {
        try (RedisLink otherLink = new RedisLink(URI.create(redis.uri()), TIMEOUT)) {
            RedisLoginThrottle other = new RedisLoginThrottle(otherLink, LIMITS, clock);
            throttle.recordFailure("a@example.test", "10.0.0.1");
            throttle.recordFailure("a@example.test", "10.0.0.2");
            assertDoesNotThrow(() -> other.checkAllowed("a@example.test", "10.0.0.3"));
            other.recordFailure("a@example.test", "10.0.0.3");
            assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed("a@example.test", "10.0.0.4"));
            assertThrows(TooManyAttemptsException.class, () -> other.checkAllowed("a@example.test", "10.0.0.4"));
            other.recordSuccess("a@example.test", "10.0.0.3");
            assertDoesNotThrow(() -> throttle.checkAllowed("a@example.test", "10.0.0.4"));
        }
    }

    @Test
    void callsWhenRedisStoppedThenUnavailableAndWhenBackThenWorkingWithoutReconnectingByHand() {
        throttle.recordFailure("a@example.test", "10.0.0.1");
        redis.stop();
        assertThrows(StoreUnavailableException.class, () -> throttle.checkAllowed("a@example.test", "10.0.0.1"));
        assertThrows(StoreUnavailableException.class, () -> throttle.recordFailure("a@example.test", "10.0.0.1"));
        assertThrows(StoreUnavailableException.class, () -> throttle.recordSuccess("a@example.test", "10.0.0.1"));
        redis.start();
        Await.until("the throttle reaches Redis again", Duration.ofSeconds(15), this::reachable);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("a@example.test", "10.0.0.1");
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed("a@example.test", "10.0.0.1"),
                "the scripts are loaded again into the restarted Redis");
    }

    private boolean reachable() {
        try {
            throttle.checkAllowed("probe@example.test", "10.9.9.9");
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private static String sha256(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
