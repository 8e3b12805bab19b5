package dev.keycard.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and range-checks single setting values; every problem is a {@link ConfigException} naming the key. */
final class SettingValues {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private SettingValues() {
    }

    static String text(Map<Setting, String> raw, Setting s) {
        String v = raw.get(s).trim();
        if (v.isEmpty()) {
            throw new ConfigException(s.key(), "must not be empty");
        }
        return v;
    }

    static boolean bool(Map<Setting, String> raw, Setting s) {
        String v = raw.get(s).trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new ConfigException(s.key(), "must be true or false");
    }

    static int integer(Map<Setting, String> raw, Setting s, int min, int max) {
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

    static String sameSite(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new ConfigException(Setting.COOKIE_SAME_SITE.key(), "must be Strict, Lax or None");
        };
    }

    static List<URI> origins(String v) {
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

    static URI origin(String o) {
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
