package dev.keycard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.session.Rotation.Outcome;
import dev.keycard.testing.Await;
import dev.keycard.testing.LogCapture;
import dev.keycard.testing.RedisServer;
import io.lettuce.core.RedisCommandTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the Redis store does: keys that expire with their session, script reloading, outages and hangs. */
class RedisSessionStoreTest {
    private static final Instant T0 = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private RedisServer redis;
    private RedisSessionStore store;

    @BeforeEach
    void start() {
        redis = RedisServer.start(dir);
        store = RedisSessionStore.connect(URI.create(redis.uri()), TIMEOUT);
    }

    @AfterEach
    void stop() {
        store.close();
        redis.close();
    }

    @Test
    void createWhenStoredThenRecordAndUserIndexExpireWithTheSession() {
        SessionRecord r = record("s1", "alice", T0.plus(Duration.ofDays(7)));
        store.create(r);
        long exp = r.expiresAt().toEpochMilli();
        assertEquals(":" + exp, redis.command("PEXPIRETIME", "keycard:session:s1"));
        assertEquals(":" + exp, redis.command("PEXPIRETIME", "keycard:user:alice:sessions"));
    }

    @Test
    void rotateWhenRotatedThenExpiryMovesToTheSuccessorsAndIndexOutlivesIt() {
        SessionRecord r = record("s1", "alice", T0.plus(Duration.ofDays(1)));
        store.create(r);
        store.create(record("s2", "alice", T0.plus(Duration.ofDays(3))));
        Instant newExp = T0.plus(Duration.ofDays(7));
        assertEquals(Outcome.ROTATED, store.rotate("s1", r.currentJti(), new Rotation("j2", T0, newExp, T0), GRACE).outcome());
        assertEquals(":" + newExp.toEpochMilli(), redis.command("PEXPIRETIME", "keycard:session:s1"));
        assertEquals(":" + newExp.toEpochMilli(), redis.command("PEXPIRETIME", "keycard:user:alice:sessions"));
        assertEquals(Long.toString(newExp.toEpochMilli()), redis.command("ZSCORE", "keycard:session-expiry", "s1"));
    }

    @Test
    void rotateWhenRedisForgotTheScriptsThenTheyAreLoadedAgain() {
        SessionRecord r = record("s1", "alice", T0.plus(Duration.ofDays(7)));
        store.create(r);
        assertEquals("+OK", redis.command("SCRIPT", "FLUSH"));
        assertEquals(Outcome.ROTATED, store.rotate("s1", r.currentJti(), next("j2"), GRACE).outcome());
        assertEquals(Outcome.REISSUED, store.rotate("s1", r.currentJti(), next("j3"), GRACE).outcome());
    }

    @Test
    void listAndRevokeAllWhenRedisExpiredARecordThenItsIdLeavesTheUserIndex() {
        store.create(record("s1", "alice", T0.plus(Duration.ofDays(7))));
        store.create(record("s2", "alice", T0.plus(Duration.ofDays(7))));
        store.create(record("s3", "alice", T0.plus(Duration.ofDays(7))));
        redis.command("DEL", "keycard:session:s1");
        assertEquals(List.of("s2", "s3"),
                store.listLive("alice", T0).stream().map(SessionRecord::sessionId).sorted().toList());
        assertEquals(":2", redis.command("SCARD", "keycard:user:alice:sessions"));
        redis.command("DEL", "keycard:session:s2");
        assertEquals(1, store.revokeAll("alice"));
        assertEquals(":1", redis.command("SCARD", "keycard:user:alice:sessions"));
    }

    @Test
    void callsWhenRedisStoppedThenUnavailableAndWhenBackThenWorkingWithoutReconnectingByHand() {
        store.create(record("s1", "alice", T0.plus(Duration.ofDays(7))));
        assertTrue(store.isAvailable());
        redis.stop();
        assertFalse(store.isAvailable());
        assertThrows(StoreUnavailableException.class, () -> store.find("s1"));
        assertThrows(StoreUnavailableException.class, () -> store.create(record("s2", "alice", T0.plusSeconds(60))));
        assertThrows(StoreUnavailableException.class, () -> store.rotate("s1", "j1", next("j2"), GRACE));
        assertThrows(StoreUnavailableException.class, () -> store.revokeAll("alice"));
        redis.start();
        Await.until("the store reconnects", Duration.ofSeconds(15), store::isAvailable);
        assertEquals(Optional.empty(), store.find("s1"), "a restarted Redis without persistence is empty");
        SessionRecord again = record("s3", "alice", T0.plus(Duration.ofDays(7)));
        store.create(again);
        assertEquals(Optional.of(again), store.find("s3"));
    }

    @Test
    void callsWhenRedisHangsThenUnavailableAfterTheTimeout() {
        store.create(record("s1", "alice", T0.plus(Duration.ofDays(7))));
        redis.freeze();
        try {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.find("s1"));
            assertInstanceOf(RedisCommandTimeoutException.class, e.getCause());
            assertFalse(store.isAvailable());
        } finally {
            redis.thaw();
        }
        Await.until("Redis answers again", Duration.ofSeconds(10), store::isAvailable);
        assertTrue(store.find("s1").isPresent());
    }

    @Test
    void connectWhenRedisNotRunningYetThenUnavailableUntilItStarts() {
        redis.stop();
        try (RedisSessionStore late = RedisSessionStore.connect(URI.create(redis.uri()), TIMEOUT)) {
            assertFalse(late.isAvailable());
            assertThrows(StoreUnavailableException.class, () -> late.find("s1"));
            redis.start();
            Await.until("the store connects", Duration.ofSeconds(10), late::isAvailable);
            late.create(record("s1", "alice", T0.plus(Duration.ofDays(7))));
            assertTrue(late.find("s1").isPresent());
        }
    }

    @Test
    void connectWhenPasswordRefusedThenUnavailableAndPasswordInNoLogOrMessage() {
        String password = "pw-that-must-not-leak";
        URI uri = URI.create("redis://keycard:" + password + "@127.0.0.1:" + redis.port() + "/0");
        try (LogCapture log = LogCapture.of(RedisLink.class);
             RedisSessionStore refused = RedisSessionStore.connect(uri, TIMEOUT)) {
            assertFalse(refused.isAvailable());
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> refused.find("s1"));
            assertFalse(e.getMessage().contains(password));
            assertFalse(log.messages(Level.ALL).isEmpty(), "the failed connection is reported");
            log.messages(Level.ALL).forEach(m -> assertFalse(m.contains(password), m));
        }
    }

    private static SessionRecord record(String sessionId, String userId, Instant expiresAt) {
        return SessionRecord.start(sessionId, userId, "j1-" + sessionId, T0, expiresAt, "Agent");
    }

    private static Rotation next(String jti) {
        return new Rotation(jti, T0, T0.plus(Duration.ofDays(7)), T0);
    }
}
