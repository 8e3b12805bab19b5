package dev.keycard.testing;

import dev.keycard.core.config.ConfigLoader;
import dev.keycard.core.config.KeycardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds a {@link KeycardConfig} the way Keycard does, through {@link ConfigLoader}, from a few settings. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** Test secrets and the test users plus {@code overrides} (given as context parameters). */
    public static KeycardConfig load(Map<String, String> overrides) {
        try {
            Path dir = Files.createTempDirectory("keycard-config");
            Map<String, String> params = new HashMap<>();
            params.put("keycard.users.file", TestUsers.write(dir).toString());
            params.putAll(overrides);
            return load(dir, params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeycardConfig defaults() {
        return load(Map.of());
    }

    /**
     * Loads the test secrets, an empty users file in {@code dir}, and then {@code keyValues} (key, value, ...); a
     * {@code null} value removes the setting.
     */
    public static KeycardConfig load(Path dir, String... keyValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return load(dir, params);
    }

    private static KeycardConfig load(Path dir, Map<String, String> settings) {
        Map<String, String> params = new HashMap<>();
        params.put("keycard.access.secret", TestServer.ACCESS_SECRET);
        params.put("keycard.refresh.secret", TestServer.REFRESH_SECRET);
        try {
            Path users = dir.resolve("users-empty.json");
            if (!Files.exists(users)) {
                Files.writeString(users, "{\"users\": []}");
            }
            params.put("keycard.users.file", users.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.forEach((k, v) -> {
            if (v == null) {
                params.remove(k);
            } else {
                params.put(k, v);
            }
        });
        return new ConfigLoader(Map.of(), new Properties(), new SecureRandom()).load(params);
    }
}
