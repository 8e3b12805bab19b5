package dev.keycard.core.session;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link SessionStore} in Redis, shared by every Keycard server that points at the same Redis, so any server can
 * rotate or revoke any session. Creating, rotating (with the grace window and theft detection of
 * {@link SessionRecord#rotate}), revoking one session and revoking all of a user's sessions are each one Lua
 * script, which Redis runs atomically: two servers racing on one session behave like two threads on one server.
 *
 * <p>A session is a hash {@code keycard:session:<id>} that Redis expires at the record's {@code expiresAt}; a set
 * {@code keycard:user:<userId>:sessions} lists a user's sessions (it expires after the last of them, and ids of
 * expired records are dropped when it is read); a sorted set {@code keycard:session-expiry} lets
 * {@link #purgeExpired} drop records by Keycard's clock. Needs Redis 6.2 or later, standalone or behind Sentinel
 * (not Redis Cluster: a script touches keys of several slots).
 *
 * <p>When Redis cannot answer within the timeout, every method throws {@link StoreUnavailableException} (and
 * {@link #isAvailable()} is false). Thread-safe.
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {
    private static final String PREFIX = "keycard:";
    private static final String EXPIRY_KEY = PREFIX + "session-expiry";
    private static final int PURGE_BATCH = 500;

    private final RedisLink link;
    private final RedisScripts scripts = new RedisScripts();

    private RedisSessionStore(RedisLink link) {
        this.link = link;
    }

    /**
     * Connects to Redis at {@code uri} (which may carry a password; it is never logged). If Redis is not reachable
     * yet, the store still starts, answers {@link StoreUnavailableException}, and connects once Redis is up.
     *
     * @param timeout how long one command may take
     */
    public static RedisSessionStore connect(URI uri, Duration timeout) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        return new RedisSessionStore(new RedisLink(uri, timeout));
    }

    @Override
    public void create(SessionRecord record) {
        List<String> args = new ArrayList<>(List.of(record.sessionId(), RedisRecords.millis(record.expiresAt())));
        args.addAll(RedisRecords.fields(record));
        call(redis -> scripts.run(redis, scripts.create, ScriptOutputType.INTEGER,
                keys(sessionKey(record.sessionId()), userKey(record.userId()), EXPIRY_KEY),
                args.toArray(String[]::new)));
    }

    @Override
    public Rotation.Result rotate(String sessionId, String presentedJti, Rotation next, Duration grace) {
        List<Object> reply = call(redis -> scripts.run(redis, scripts.rotate, ScriptOutputType.MULTI,
                keys(sessionKey(sessionId), EXPIRY_KEY), sessionId, presentedJti, next.jti(),
                RedisRecords.millis(next.issuedAt()), RedisRecords.millis(next.expiresAt()),
                RedisRecords.millis(next.now()), Long.toString(grace.toMillis()), PREFIX));
        Rotation.Outcome outcome = Rotation.Outcome.valueOf(String.valueOf(reply.get(0)));
        return new Rotation.Result(outcome, RedisRecords.parse(reply, 1));
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return Optional.ofNullable(RedisRecords.parse(call(redis -> redis.hgetall(sessionKey(sessionId)))));
    }

    @Override
    public boolean revoke(String sessionId) {
        Long live = call(redis -> scripts.run(redis, scripts.revoke, ScriptOutputType.INTEGER,
                keys(sessionKey(sessionId))));
        return live == 1L;
    }

    @Override
    public int revokeAll(String userId) {
        Long n = call(redis -> scripts.run(redis, scripts.revokeAll, ScriptOutputType.INTEGER,
                keys(userKey(userId)), PREFIX));
        return n.intValue();
    }

    @Override
    public List<SessionRecord> listLive(String userId, Instant now) {
        List<Object> records = call(redis -> scripts.run(redis, scripts.list, ScriptOutputType.MULTI,
                keys(userKey(userId)), PREFIX));
        List<SessionRecord> out = new ArrayList<>();
        for (Object kv : records) {
            SessionRecord r = RedisRecords.parse((List<?>) kv, 0);
            if (r != null && r.isLive(now)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public int purgeExpired(Instant now) {
        int total = 0;
        long batch;
        do {
            batch = call(redis -> scripts.<Long>run(redis, scripts.purge, ScriptOutputType.INTEGER,
                    keys(EXPIRY_KEY), RedisRecords.millis(now), Integer.toString(PURGE_BATCH), PREFIX));
            total += (int) batch;
        } while (batch == PURGE_BATCH);
        return total;
    }

    /** Sends {@code PING}; false when Redis does not answer within the timeout. */
    @Override
    public boolean isAvailable() {
        try {
            return "PONG".equals(link.commands().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    /** Closes the connection and Lettuce's threads. */
    @Override
    public void close() {
        link.close();
    }

    private <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(link.commands());
        } catch (RedisException e) {
            // The exception's message can echo command arguments; only its type is reported.
            throw new StoreUnavailableException("Redis did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String[] keys(String... keys) {
        return keys;
    }

    private static String sessionKey(String sessionId) {
        return PREFIX + "session:" + sessionId;
    }

    private static String userKey(String userId) {
        return PREFIX + "user:" + userId + ":sessions";
    }
}
