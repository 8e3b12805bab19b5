package dev.keycard.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where sessions are kept: in this server's memory ({@code keycard.store=memory}, one server) or in Redis
 * ({@code keycard.store=redis}, any number of servers sharing {@code keycard.redis.uri}). The URI may carry a
 * password, so {@link #toString()} and {@link #describe()} leave out its user-info. Immutable and thread-safe.
 *
 * @param redisUri {@code redis://[user:password@]host[:port][/database]} or {@code rediss://...} for TLS
 * @param redisTimeout how long one Redis command may take before the request answers 503
 */
public record StoreSettings(Kind kind, URI redisUri, Duration redisTimeout) {

    /** The session store implementations Keycard can use. */
    public enum Kind {
        MEMORY, REDIS
    }

    public StoreSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(redisTimeout, "redisTimeout");
    }

    /** Parses and checks the raw values; errors name the key and never repeat the URI (it may hold a password). */
    static StoreSettings of(String kind, String redisUri, Duration redisTimeout) {
        Kind k = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "memory" -> Kind.MEMORY;
            case "redis" -> Kind.REDIS;
            default -> throw new ConfigException(Setting.STORE.key(), "must be memory or redis");
        };
        return new StoreSettings(k, redis(redisUri.trim()), redisTimeout);
    }

    private static URI redis(String value) {
        String key = Setting.REDIS_URI.key();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a URI like redis://host:6379/0");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null) {
            throw new ConfigException(key, "must be redis://host[:port][/database] or rediss://... for TLS");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,2}")) {
            throw new ConfigException(key, "the path may only name a database number, like /0");
        }
        if (uri.getRawFragment() != null) {
            throw new ConfigException(key, "must not have a #fragment");
        }
        return uri;
    }

    /** The store for the start-up log: {@code memory}, or {@code redis (redis://host:port/db, timeout PT2S)}. */
    public String describe() {
        if (kind == Kind.MEMORY) {
            return "memory";
        }
        String port = redisUri.getPort() < 0 ? "" : ":" + redisUri.getPort();
        String path = redisUri.getRawPath() == null ? "" : redisUri.getRawPath();
        String auth = redisUri.getRawUserInfo() == null ? "" : "<credentials>@";
        return "redis (" + redisUri.getScheme() + "://" + auth + redisUri.getHost() + port + path
                + ", timeout " + redisTimeout + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
