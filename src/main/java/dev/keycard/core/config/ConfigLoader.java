package dev.keycard.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
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
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

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
        boolean demo = bool(raw, Setting.DEMO);
        KeycardConfig.AccessKeys accessKeys = AccessKeySettings.read(raw, configDir);
        Secret access = accessKeys.isAsymmetric() ? AccessKeySettings.unusedAccessSecret(raw, random)
                : secret(raw, Setting.ACCESS_SECRET, demo);
        Secret refresh = secret(raw, Setting.REFRESH_SECRET, demo);
        if (access.sameValueAs(refresh)) {
            throw new ConfigException(Setting.REFRESH_SECRET.envName(), "must differ from ACCESS_SECRET");
        }
        Duration accessTtl = duration(raw, Setting.ACCESS_TTL, Duration.ofSeconds(10), Duration.ofDays(1));
        Duration refreshTtl = duration(raw, Setting.REFRESH_TTL, Duration.ofMinutes(1), Duration.ofDays(400));
        if (refreshTtl.compareTo(accessTtl) <= 0) {
            throw new ConfigException(Setting.REFRESH_TTL.key(), "must be longer than " + Setting.ACCESS_TTL.key());
        }
        Duration maxLifetime = duration(raw, Setting.SESSION_MAX_LIFETIME, Duration.ofMinutes(1), Duration.ofDays(400));
        if (maxLifetime.compareTo(refreshTtl) < 0) {
            throw new ConfigException(Setting.SESSION_MAX_LIFETIME.key(), "must be at least " + Setting.REFRESH_TTL.key());
        }
        Duration grace = duration(raw, Setting.GRACE_WINDOW, Duration.ZERO, Duration.ofMinutes(1));
        Duration skew = duration(raw, Setting.CLOCK_SKEW, Duration.ZERO, Duration.ofSeconds(30));
        Duration purge = duration(raw, Setting.PURGE_INTERVAL, Duration.ofSeconds(1), Duration.ofDays(1));

        String cookieName = text(raw, Setting.COOKIE_NAME);
        if (!COOKIE_NAME.matcher(cookieName).matches()) {
            throw new ConfigException(Setting.COOKIE_NAME.key(), "is not a valid cookie name");
        }
        String cookiePath = raw.get(Setting.COOKIE_PATH).trim();
        if (!cookiePath.isEmpty() && !COOKIE_PATH.matcher(cookiePath).matches()) {
            throw new ConfigException(Setting.COOKIE_PATH.key(), "must start with / and contain no ';', space or control characters");
        }
        boolean secure = bool(raw, Setting.COOKIE_SECURE);
        String sameSite = sameSite(raw.get(Setting.COOKIE_SAME_SITE));
        if (sameSite.equals("None") && !secure) {
            throw new ConfigException(Setting.COOKIE_SAME_SITE.key(), "None requires keycard.cookie.secure=true");
        }
        StoreSettings store = StoreSettings.of(raw.get(Setting.STORE), raw.get(Setting.REDIS_URI),
                duration(raw, Setting.REDIS_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(1)));
        return new KeycardConfig(text(raw, Setting.ISSUER), text(raw, Setting.AUDIENCE), accessTtl, refreshTtl,
                maxLifetime, grace, skew, purge, access, refresh, demo, usersFile(raw, configDir), cookieName,
                cookiePath, secure, sameSite, origins(raw.get(Setting.ALLOWED_ORIGINS)),
                new KeycardConfig.Argon2Params(integer(raw, Setting.ARGON2_MEMORY_KIB, 1024, 4 * 1024 * 1024),
                        integer(raw, Setting.ARGON2_ITERATIONS, 1, 100), integer(raw, Setting.ARGON2_PARALLELISM, 1, 64)),
                accessKeys, sessionDataDir(raw, configDir), store);
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

    private static String text(Map<Setting, String> raw, Setting s) {
        String v = raw.get(s).trim();
        if (v.isEmpty()) {
            throw new ConfigException(s.key(), "must not be empty");
        }
        return v;
    }

    private static boolean bool(Map<Setting, String> raw, Setting s) {
        String v = raw.get(s).trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new ConfigException(s.key(), "must be true or false");
    }

    private static int integer(Map<Setting, String> raw, Setting s, int min, int max) {
        try {
            int v = Integer.parseInt(raw.get(s).trim());
            if (v < min || v > max) {
                throw new ConfigException(s.key(), "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key(), "must be a whole number");
        }
    }

    /** Accepts ISO-8601 ({@code PT15M}) or a short form ({@code 15m}, {@code 7d}, {@code 30s}, {@code 0}). */
    static Duration duration(Map<Setting, String> raw, Setting s, Duration min, Duration max) {
        String v = raw.get(s).trim();
        Duration d;
        Matcher m = SHORT_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (v.equals("0")) {
                d = Duration.ZERO;
            } else if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(v);
            }
        } catch (DateTimeParseException e) {
            throw new ConfigException(s.key(), "is not a duration (use e.g. PT15M or 15m)");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(s.key(), "must be between " + min + " and " + max);
        }
        return d;
    }

    private static String sameSite(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new ConfigException(Setting.COOKIE_SAME_SITE.key(), "must be Strict, Lax or None");
        };
    }

    private static List<URI> origins(String v) {
        List<URI> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String o = part.trim();
            if (o.isEmpty()) {
                continue;
            }
            out.add(origin(o));
        }
        return out;
    }

    private static URI origin(String o) {
        String key = Setting.ALLOWED_ORIGINS.key();
        try {
            URI u = new URI(o);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null
                    || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))
                    || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new ConfigException(key, "'" + o + "' is not an origin like https://app.example.com");
            }
            return new URI(scheme, null, u.getHost().toLowerCase(Locale.ROOT), u.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "'" + o + "' is not an origin like https://app.example.com");
        }
    }
}
