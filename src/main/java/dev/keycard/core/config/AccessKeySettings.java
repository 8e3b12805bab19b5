package dev.keycard.core.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code keycard.access.algorithm} and {@code keycard.access.keys} for {@link ConfigLoader}: the algorithm is
 * one of HS256, RS256, ES256; RS256/ES256 need at least one existing key file (relative paths are resolved against
 * the configuration file's folder), HS256 takes none. The key files are parsed later, by the token layer.
 */
final class AccessKeySettings {
    static final String HS256 = "HS256";
    private static final Set<String> ALGORITHMS = Set.of(HS256, "RS256", "ES256");

    private AccessKeySettings() {
    }

    static KeycardConfig.AccessKeys read(Map<Setting, String> raw, Path configDir) {
        String algorithm = raw.get(Setting.ACCESS_ALGORITHM).trim().toUpperCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            throw new ConfigException(Setting.ACCESS_ALGORITHM.key(), "must be HS256, RS256 or ES256");
        }
        String key = Setting.ACCESS_KEYS.key();
        List<Path> files = new ArrayList<>();
        for (String part : raw.get(Setting.ACCESS_KEYS).split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            Path file = path(key, name);
            if (!file.isAbsolute() && configDir != null) {
                file = configDir.resolve(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(key, "key file not found: " + file);
            }
            if (files.contains(file)) {
                throw new ConfigException(key, "names " + file + " twice");
            }
            files.add(file);
        }
        if (algorithm.equals(HS256) && !files.isEmpty()) {
            throw new ConfigException(key, "is only used with keycard.access.algorithm RS256 or ES256 "
                    + "(HS256 signs with ACCESS_SECRET)");
        }
        if (!algorithm.equals(HS256) && files.isEmpty()) {
            throw new ConfigException(key, "must name at least one PEM private-key file for " + algorithm);
        }
        return new KeycardConfig.AccessKeys(algorithm, files);
    }

    /**
     * The access secret when access tokens are signed with key files: it signs nothing then, so it is validated
     * when given and otherwise replaced by a random value that is never used.
     */
    static Secret unusedAccessSecret(Map<Setting, String> raw, SecureRandom random) {
        String v = raw.get(Setting.ACCESS_SECRET);
        if (v != null && !v.isBlank()) {
            return Secret.of(Setting.ACCESS_SECRET.envName(), v);
        }
        byte[] b = new byte[48];
        random.nextBytes(b);
        return Secret.of(Setting.ACCESS_SECRET.envName(), Base64.getEncoder().encodeToString(b));
    }

    private static Path path(String key, String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "'" + name + "' is not a valid file name");
        }
    }
}
