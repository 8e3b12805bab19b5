package dev.keycard.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keycard.store, keycard.redis.uri and keycard.redis.timeout: defaults, validation, and a password never shown. */
class RedisStoreSettingsTest {
    @TempDir
    Path dir;

    @Test
    void loadWhenNothingSetThenMemoryStore() {
        StoreSettings s = load(Map.of()).store();
        assertEquals(StoreSettings.Kind.MEMORY, s.kind());
        assertEquals(URI.create("redis://127.0.0.1:6379/0"), s.redisUri());
        assertEquals(Duration.ofSeconds(2), s.redisTimeout());
    }

    @Test
    void loadWhenRedisConfiguredThenRedisStoreFromContextAndEnvironment() throws IOException {
        StoreSettings s = load(Map.of("keycard.store", "Redis", "keycard.redis.uri", "rediss://cache.internal:6380/3",
                "keycard.redis.timeout", "500ms")).store();
        assertEquals(StoreSettings.Kind.REDIS, s.kind());
        assertEquals(URI.create("rediss://cache.internal:6380/3"), s.redisUri());
        assertEquals(Duration.ofMillis(500), s.redisTimeout());
        Map<String, String> params = new HashMap<>(Map.of("keycard.access.secret", TestServer.ACCESS_SECRET,
                "keycard.refresh.secret", TestServer.REFRESH_SECRET,
                "keycard.users.file", TestUsers.write(dir).toString()));
        KeycardConfig fromEnv = new ConfigLoader(Map.of("KEYCARD_STORE", "redis", "KEYCARD_REDIS_URI",
                "redis://10.0.0.5:6379"), new Properties(), new SecureRandom()).load(params);
        assertEquals(URI.create("redis://10.0.0.5:6379"), fromEnv.store().redisUri());
    }

    @Test
    void loadWhenBadValuesThenErrorNamesTheKey() {
        assertEquals("keycard.store", refused(Map.of("keycard.store", "memcached")).getKey());
        assertEquals("keycard.redis.uri", refused(Map.of("keycard.redis.uri", "http://cache:6379")).getKey());
        assertEquals("keycard.redis.uri", refused(Map.of("keycard.redis.uri", "redis://cache:6379/x")).getKey());
        assertEquals("keycard.redis.uri", refused(Map.of("keycard.redis.uri", "not a uri")).getKey());
        assertEquals("keycard.redis.timeout", refused(Map.of("keycard.redis.timeout", "5m")).getKey());
        assertEquals("keycard.redis.timeout", refused(Map.of("keycard.redis.timeout", "0")).getKey());
    }

    @Test
    void describeWhenUriHasPasswordThenPasswordNeverShown() {
        String password = "s3cret-redis-password";
        KeycardConfig c = load(Map.of("keycard.store", "redis",
                "keycard.redis.uri", "redis://keycard:" + password + "@cache:6379/0"));
        assertEquals("redis (redis://<credentials>@cache:6379/0, timeout PT2S)", c.store().describe());
        assertFalse(c.toString().contains(password));
        ConfigException e = refused(Map.of("keycard.redis.uri", "redis://keycard:" + password + "@cache:6379/zz"));
        assertFalse(e.getMessage().contains(password), e.getMessage());
    }

    private static KeycardConfig load(Map<String, String> params) {
        return TestConfigs.load(params);
    }

    private static ConfigException refused(Map<String, String> params) {
        return assertThrows(ConfigException.class, () -> load(params));
    }
}
