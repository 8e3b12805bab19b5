package dev.keycard.core.throttle;

import dev.keycard.core.redis.RedisLink;
import dev.keycard.core.redis.RedisScript;
import dev.keycard.core.session.StoreUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link LoginThrottle} shared by every Keycard server that points at the same Redis, so the failure budgets
 * hold per cluster rather than per server. Same rules as {@link InMemoryLoginThrottle}: a fixed window per key
 * that starts at its first failure and is measured with the injected {@link Clock}, a success forgives the
 * account but not the client. Counting a failure (against both budgets) and checking both budgets are each one
 * Lua script, so servers racing on one account count every failure exactly once.
 *
 * <p>An account's window is the hash {@code keycard:login:acct:<digest>}, a client's
 * {@code keycard:login:client:<digest>} (SHA-256 digests, so no email or address appears in Redis); Redis expires
 * each one window after it started, which bounds memory without {@link LoginLimits#maxTrackedKeys()}.
 *
 * <p>When Redis cannot answer within the link's timeout, every method throws {@link StoreUnavailableException}:
 * a login that cannot be counted is answered "try again" rather than decided either way. Thread-safe.
 */
public final class RedisLoginThrottle implements LoginThrottle {
    private static final Logger LOG = Logger.getLogger(RedisLoginThrottle.class.getName());
    private static final String ACCOUNT_PREFIX = "keycard:login:acct:";
    private static final String CLIENT_PREFIX = "keycard:login:client:";

    private final RedisLink link;
    private final Clock clock;
    private final Duration window;
    private final String[] limitArgs;
    private final RedisScript check = RedisScript.load(RedisLoginThrottle.class, "windows", "check_allowed");
    private final RedisScript count = RedisScript.load(RedisLoginThrottle.class, "windows", "record_failure");

    /** A throttle on {@code link}, which it shares and does not close. */
    public RedisLoginThrottle(RedisLink link, LoginLimits limits, Clock clock) {
        this.link = Objects.requireNonNull(link, "link");
        Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = limits.failureWindow();
        this.limitArgs = new String[] {Long.toString(window.toMillis()),
                Integer.toString(limits.maxFailuresPerAccount()), Integer.toString(limits.maxFailuresPerClient())};
    }

    @Override
    public void checkAllowed(String accountKey, String clientKey) {
        Long waitMillis = call(redis -> check.run(redis, ScriptOutputType.INTEGER, keys(accountKey, clientKey),
                args()));
        if (waitMillis > 0) {
            throw TooManyAttemptsException.waitingFor(Duration.ofMillis(waitMillis));
        }
    }

    @Override
    public void recordFailure(String accountKey, String clientKey) {
        List<Long> spent = call(redis -> count.run(redis, ScriptOutputType.MULTI, keys(accountKey, clientKey),
                args()));
        if (spent.get(1) == 1L) {
            // abuse is worth one warning per window (across the cluster: only the server that spent it warns);
            // the client key is the remote address (no line breaks in it)
            LOG.log(Level.WARNING, "Failed-login budget of client {0} spent; its logins are refused for {1}",
                    new Object[] {clientKey, window});
        }
    }

    @Override
    public void recordSuccess(String accountKey, String clientKey) {
        // one command, atomic on its own
        call(redis -> redis.del(accountWindow(accountKey)));
    }

    private String[] args() {
        String[] args = new String[limitArgs.length + 1];
        args[0] = Long.toString(clock.millis());
        System.arraycopy(limitArgs, 0, args, 1, limitArgs.length);
        return args;
    }

    private <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(link.commands());
        } catch (RedisException e) {
            // The exception's message can echo command arguments; only its type is reported.
            throw new StoreUnavailableException("Redis did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String[] keys(String accountKey, String clientKey) {
        return new String[] {accountWindow(accountKey), CLIENT_PREFIX + FailureCounts.digest(clientKey)};
    }

    private static String accountWindow(String accountKey) {
        return ACCOUNT_PREFIX + FailureCounts.digest(accountKey);
    }
}
