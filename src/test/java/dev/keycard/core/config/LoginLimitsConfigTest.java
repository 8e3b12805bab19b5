package dev.keycard.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keycard.core.throttle.LoginLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginLimitsConfigTest {
    @TempDir
    Path dir;

    private KeycardConfig load(Map<String, String> env, Map<String, String> params) throws IOException {
        Path users = Files.writeString(dir.resolve("users.json"), "{\"users\": []}");
        Map<String, String> p = new HashMap<>(params);
        p.put("keycard.users.file", users.toString());
        Map<String, String> e = new HashMap<>(env);
        e.put("ACCESS_SECRET", "config-test-access-secret-0123456789-abcdef");
        e.put("REFRESH_SECRET", "config-test-refresh-secret-0123456789-abcde");
        return new ConfigLoader(e, new Properties(), new SecureRandom()).load(p);
    }

    @Test
    void loadWhenNothingSetThenDefaultsWithOneHashSlotPerProcessor() throws IOException {
        LoginLimits limits = load(Map.of(), Map.of()).loginLimits();
        assertEquals(new LoginLimits(10, 100, Duration.ofMinutes(15), 100_000,
                Runtime.getRuntime().availableProcessors()), limits);
    }

    @Test
    void loadWhenSetInContextAndEnvironmentThenEnvironmentWins() throws IOException {
        LoginLimits limits = load(Map.of("KEYCARD_LOGIN_MAX_FAILURES_PER_ACCOUNT", "4"),
                Map.of("keycard.login.maxFailuresPerAccount", "7", "keycard.login.maxFailuresPerClient", "50",
                        "keycard.login.failureWindow", "5m", "keycard.login.maxTrackedKeys", "500",
                        "keycard.login.maxConcurrentHashes", "3")).loginLimits();
        assertEquals(new LoginLimits(4, 50, Duration.ofMinutes(5), 500, 3), limits);
    }

    @Test
    void loadWhenValueOutOfRangeThenErrorNamesTheKey() {
        for (Map.Entry<String, String> bad : Map.of("keycard.login.maxFailuresPerAccount", "0",
                "keycard.login.maxFailuresPerClient", "many", "keycard.login.failureWindow", "0",
                "keycard.login.maxTrackedKeys", "10", "keycard.login.maxConcurrentHashes", "-1").entrySet()) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(bad.getKey(), bad.getValue())));
            assertEquals(bad.getKey(), e.getKey());
        }
    }
}
