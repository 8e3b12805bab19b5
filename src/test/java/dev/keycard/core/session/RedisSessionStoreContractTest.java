package dev.keycard.core.session;

import dev.keycard.testing.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The session store contract against {@link RedisSessionStore} on a real redis-server, emptied before each test. */
class RedisSessionStoreContractTest extends SessionStoreContract {
    @TempDir
    static Path dir;
    private static RedisServer redis;
    private static RedisSessionStore store;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start(dir);
        store = RedisSessionStore.connect(java.net.URI.create(redis.uri()), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopRedis() {
        if (store != null) {
            store.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    SessionStore emptyStore() {
        redis.flushAll();
        return store;
    }
}
