package dev.keycard.core.config;

import java.util.Locale;

/**
 * Every setting Keycard reads, with its default. The property key is used in {@code keycard.properties}, servlet
 * context parameters and system properties; the environment variable name is derived from it
 * ({@code keycard.refresh.graceWindow} becomes {@code KEYCARD_REFRESH_GRACE_WINDOW}) except for the two secrets,
 * which use the conventional {@code ACCESS_SECRET} and {@code REFRESH_SECRET}.
 */
public enum Setting {
    ISSUER("keycard.issuer", "keycard"),
    AUDIENCE("keycard.audience", "keycard-api"),
    ACCESS_TTL("keycard.access.ttl", "PT15M"),
    REFRESH_TTL("keycard.refresh.ttl", "P7D"),
    SESSION_MAX_LIFETIME("keycard.session.maxLifetime", "P30D"),
    GRACE_WINDOW("keycard.refresh.graceWindow", "PT10S"),
    CLOCK_SKEW("keycard.clockSkew", "PT30S"),
    PURGE_INTERVAL("keycard.session.purgeInterval", "PT1M"),
    ACCESS_SECRET("keycard.access.secret", "", "ACCESS_SECRET"),
    REFRESH_SECRET("keycard.refresh.secret", "", "REFRESH_SECRET"),
    DEMO("keycard.demo", "false"),
    USERS_FILE("keycard.users.file", ""),
    COOKIE_NAME("keycard.cookie.name", "refreshToken"),
    COOKIE_PATH("keycard.cookie.path", ""),
    COOKIE_SECURE("keycard.cookie.secure", "true"),
    COOKIE_SAME_SITE("keycard.cookie.sameSite", "Strict"),
    ALLOWED_ORIGINS("keycard.allowedOrigins", ""),
    ARGON2_MEMORY_KIB("keycard.password.argon2.memoryKiB", "19456"),
    ARGON2_ITERATIONS("keycard.password.argon2.iterations", "2"),
    ARGON2_PARALLELISM("keycard.password.argon2.parallelism", "1"),
    ACCESS_ALGORITHM("keycard.access.algorithm", "HS256"),
    ACCESS_KEYS("keycard.access.keys", ""),
    SESSION_DATA_DIR("keycard.session.dataDir", ""),
    STORE("keycard.store", "memory"),
    REDIS_URI("keycard.redis.uri", "redis://127.0.0.1:6379/0"),
    REDIS_TIMEOUT("keycard.redis.timeout", "PT2S");

    private final String key;
    private final String defaultValue;
    private final String envName;

    Setting(String key, String defaultValue) {
        this(key, defaultValue, envNameOf(key));
    }

    Setting(String key, String defaultValue, String envName) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.envName = envName;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String envName() {
        return envName;
    }

    public boolean isSecret() {
        return this == ACCESS_SECRET || this == REFRESH_SECRET;
    }

    /** The setting with this property key, or {@code null}. */
    public static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    static String envNameOf(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
