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

/** Builds validated configurations for unit tests through the real {@link ConfigLoader}. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** Test secrets and users plus {@code overrides} (given as context parameters). */
    public static KeycardConfig load(Map<String, String> overrides) {
        try {
            Path dir = Files.createTempDirectory("keycard-config");
            Map<String, String> params = new HashMap<>();
            params.put("keycard.access.secret", TestServer.ACCESS_SECRET);
            params.put("keycard.refresh.secret", TestServer.REFRESH_SECRET);
            params.put("keycard.users.file", TestUsers.write(dir).toString());
            params.putAll(overrides);
            return new ConfigLoader(Map.of(), new Properties(), new SecureRandom()).load(params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeycardConfig defaults() {
        return load(Map.of());
    }
}
