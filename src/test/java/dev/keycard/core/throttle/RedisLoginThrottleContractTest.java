package dev.keycard.core.throttle;

import dev.keycard.core.redis.RedisLink;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.RedisServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login throttle contract against {@link RedisLoginThrottle} on a real redis-server, emptied before each test.
 * The test clock is far from Redis's own: windows are measured with Keycard's clock alone.
 */
class RedisLoginThrottleContractTest extends LoginThrottleContract {
    @TempDir
    static Path dir;
    private static RedisServer redis;
    private static RedisLink link;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start(dir);
        link = new RedisLink(URI.create(redis.uri()), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopRedis() {
        if (link != null) {
            link.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    LoginThrottle emptyThrottle(LoginLimits limits, MutableClock clock) {
        redis.flushAll();
        return new RedisLoginThrottle(link, limits, clock);
    }
}
