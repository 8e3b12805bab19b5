package dev.keycard.core.config;

import dev.keycard.core.throttle.LoginLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads Keycard's settings from its sources and validates them once. Later sources win: defaults, then the
 * properties file (named by {@code KEYCARD_CONFIG} / {@code keycard.config}), then servlet context parameters,
 * then Java system properties, then environment variables. Unknown {@code keycard.*} keys are rejected so a typo
 * cannot silently fall back to a default. Every problem is a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    /** Names the properties file: context parameter / system property key; the environment uses KEYCARD_CONFIG. */
    public static final String CONFIG_FILE_KEY = "keycard.config";

    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern COOKIE_PATH = Pattern.compile("/[\\x21-\\x3A\\x3C-\\x7E]*");

    private final Map<String, String> env;
    private final Properties systemProperties;
    private final SecureRandom random;

    public ConfigLoader(Map<String, String> env, Properties systemProperties, SecureRandom random) {
        this.env = Map.copyOf(env);
        this.systemProperties = (Properties) systemProperties.clone();
        this.random = random;
    }

    /** Loads and validates; {@code contextParams} are the web application's {@code keycard.*} init parameters. */
    public KeycardConfig load(Map<String, String> contextParams) {
        Path configFile = configFile(contextParams);
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            raw.put(s, s.defaultValue());
        }
        if (configFile != null) {
            overlay(raw, readProperties(configFile), "file " + configFile.getFileName());
        }
        overlay(raw, contextParams, "context parameter");
        Map<String, String> sys = new java.util.HashMap<>();
        systemProperties.stringPropertyNames().forEach(k -> sys.put(k, systemProperties.getProperty(k)));
        overlay(raw, sys, "system property");
        for (Setting s : Setting.values()) {
            String v = env.get(s.envName());
            if (v != null) {
                raw.put(s, v);
            }
        }
        rejectUnknownEnvironment();
        return validate(raw, configFile == null ? null : configFile.toAbsolutePath().getParent());
    }

    private Path configFile(Map<String, String> contextParams) {
        String named = env.get("KEYCARD_CONFIG");
        if (named == null) {
            named = systemProperties.getProperty(CONFIG_FILE_KEY);
        }
        if (named == null) {
            named = contextParams.get(CONFIG_FILE_KEY);
        }
        if (named == null || named.isBlank()) {
            return null;
        }
        Path path = Path.of(named.trim());
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(CONFIG_FILE_KEY, "file not found: " + path);
        }
        return path;
    }

    /** A misspelled KEYCARD_* variable must not fall back to a default silently, as with properties. */
    private void rejectUnknownEnvironment() {
        for (String name : env.keySet()) {
            if (name.startsWith("KEYCARD_") && !name.equals("KEYCARD_CONFIG")
                    && java.util.Arrays.stream(Setting.values()).noneMatch(s -> s.envName().equals(name))) {
                throw new ConfigException(name, "unknown setting (environment)");
            }
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(CONFIG_FILE_KEY, "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static void overlay(Map<Setting, String> raw, Map<String, String> source, String where) {
        for (Map.Entry<String, String> e : source.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("keycard.") || key.equals(CONFIG_FILE_KEY)) {
                continue;
            }
            Setting s = Setting.byKey(key);
            if (s == null) {
                throw new ConfigException(key, "unknown setting (" + where + ")");
            }
            raw.put(s, e.getValue());
        }
    }

    private KeycardConfig validate(Map<Setting, String> raw, Path configDir) {
        boolean demo = SettingValues.bool(raw, Setting.DEMO);
        KeycardConfig.AccessKeys accessKeys = AccessKeySettings.read(raw, configDir);
        Secret access = accessKeys.isAsymmetric() ? AccessKeySettings.unusedAccessSecret(raw, random)
                : secret(raw, Setting.ACCESS_SECRET, demo);
        Secret refresh = secret(raw, Setting.REFRESH_SECRET, demo);
        if (access.isEphemeral() != refresh.isEphemeral() && !accessKeys.isAsymmetric()) {
            // one secret given and the other missing is a mistake, not a request for demo mode
            Setting missing = access.isEphemeral() ? Setting.ACCESS_SECRET : Setting.REFRESH_SECRET;
            throw new ConfigException(missing.envName(), "is not set while the other secret is; set both");
        }
        if (access.sameValueAs(refresh)) {
            throw new ConfigException(Setting.REFRESH_SECRET.envName(), "must differ from ACCESS_SECRET");
        }
        Duration accessTtl = SettingValues.duration(raw, Setting.ACCESS_TTL, Duration.ofSeconds(10), Duration.ofDays(1));
        Duration refreshTtl = SettingValues.duration(raw, Setting.REFRESH_TTL, Duration.ofMinutes(1), Duration.ofDays(400));
        if (refreshTtl.compareTo(accessTtl) <= 0) {
            throw new ConfigException(Setting.REFRESH_TTL.key(), "must be longer than " + Setting.ACCESS_TTL.key());
        }
        Duration maxLifetime = SettingValues.duration(raw, Setting.SESSION_MAX_LIFETIME, Duration.ofMinutes(1), Duration.ofDays(400));
        if (maxLifetime.compareTo(refreshTtl) < 0) {
            throw new ConfigException(Setting.SESSION_MAX_LIFETIME.key(), "must be at least " + Setting.REFRESH_TTL.key());
        }
        Duration grace = SettingValues.duration(raw, Setting.GRACE_WINDOW, Duration.ZERO, Duration.ofMinutes(1));
        Duration skew = SettingValues.duration(raw, Setting.CLOCK_SKEW, Duration.ZERO, Duration.ofSeconds(30));
        Duration purge = SettingValues.duration(raw, Setting.PURGE_INTERVAL, Duration.ofSeconds(1), Duration.ofDays(1));

        String cookieName = SettingValues.text(raw, Setting.COOKIE_NAME);
        if (!COOKIE_NAME.matcher(cookieName).matches()) {
            throw new ConfigException(Setting.COOKIE_NAME.key(), "is not a valid cookie name");
        }
        String cookiePath = raw.get(Setting.COOKIE_PATH).trim();
        if (!cookiePath.isEmpty() && !COOKIE_PATH.matcher(cookiePath).matches()) {
            throw new ConfigException(Setting.COOKIE_PATH.key(), "must start with / and contain no ';', space or control characters");
        }
        boolean secure = SettingValues.bool(raw, Setting.COOKIE_SECURE);
        String sameSite = SettingValues.sameSite(raw.get(Setting.COOKIE_SAME_SITE));
        if (sameSite.equals("None") && !secure) {
            throw new ConfigException(Setting.COOKIE_SAME_SITE.key(), "None requires keycard.cookie.secure=true");
        }
        StoreSettings store = StoreSettings.of(raw.get(Setting.STORE), raw.get(Setting.REDIS_URI),
                SettingValues.duration(raw, Setting.REDIS_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(1)));
        if (store.kind() == StoreSettings.Kind.REDIS && refresh.isEphemeral()) {
            throw new ConfigException(Setting.STORE.key(), "redis shares sessions between servers, so every server "
                    + "needs the same ACCESS_SECRET and REFRESH_SECRET; demo mode's ephemeral secrets cannot be shared");
        }
        return new KeycardConfig(SettingValues.text(raw, Setting.ISSUER), SettingValues.text(raw, Setting.AUDIENCE), accessTtl, refreshTtl,
                maxLifetime, grace, skew, purge, access, refresh, demo, usersFile(raw, configDir), cookieName,
                cookiePath, secure, sameSite, SettingValues.origins(raw.get(Setting.ALLOWED_ORIGINS)),
                new KeycardConfig.Argon2Params(SettingValues.integer(raw, Setting.ARGON2_MEMORY_KIB, 1024, 4 * 1024 * 1024),
                        SettingValues.integer(raw, Setting.ARGON2_ITERATIONS, 1, 100), SettingValues.integer(raw, Setting.ARGON2_PARALLELISM, 1, 64)),
                accessKeys, sessionDataDir(raw, configDir), store, loginLimits(raw));
    }

    private static LoginLimits loginLimits(Map<Setting, String> raw) {
        int hashes = SettingValues.integer(raw, Setting.LOGIN_MAX_CONCURRENT_HASHES, 0, 1024);
        return new LoginLimits(SettingValues.integer(raw, Setting.LOGIN_MAX_FAILURES_PER_ACCOUNT, 1, 1_000_000),
                SettingValues.integer(raw, Setting.LOGIN_MAX_FAILURES_PER_CLIENT, 1, 1_000_000),
                SettingValues.duration(raw, Setting.LOGIN_FAILURE_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1)),
                SettingValues.integer(raw, Setting.LOGIN_MAX_TRACKED_KEYS, 100, 10_000_000),
                hashes == 0 ? Runtime.getRuntime().availableProcessors() : hashes);
    }

    private Secret secret(Map<Setting, String> raw, Setting s, boolean demo) {
        String v = raw.get(s);
        if ((v == null || v.isEmpty()) && demo) {
            return Secret.ephemeral(random);
        }
        return Secret.of(s.envName(), v);
    }

    private static Path usersFile(Map<Setting, String> raw, Path configDir) {
        String v = raw.get(Setting.USERS_FILE).trim();
        if (v.isEmpty()) {
            if (configDir == null) {
                throw new ConfigException(Setting.USERS_FILE.key(), "is not set and no keycard.config file names a folder to find users.json in");
            }
            v = "users.json";
        }
        Path p = Path.of(v);
        if (!p.isAbsolute() && configDir != null) {
            p = configDir.resolve(p);
        }
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(Setting.USERS_FILE.key(), "file not found: " + p);
        }
        return p;
    }

    /** Empty means no persistence; a relative folder is resolved like the users file. It is created on start. */
    private static Path sessionDataDir(Map<Setting, String> raw, Path configDir) {
        String v = raw.get(Setting.SESSION_DATA_DIR).trim();
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        if (!p.isAbsolute() && configDir != null) {
            p = configDir.resolve(p);
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new ConfigException(Setting.SESSION_DATA_DIR.key(), "is not a folder: " + p);
        }
        return p.toAbsolutePath();
    }
}
