package dev.keycard.core.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One Lua script, which Redis runs as one atomic step. Runs by SHA-1 ({@code EVALSHA}) and falls back to
 * {@code EVAL} (which caches it again) when Redis does not know it, for instance after a restart. Immutable and
 * thread-safe.
 */
public final class RedisScript {
    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            this.sha = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /**
     * The script made of the resources {@code <part>.lua} beside {@code owner}, joined in order (shared functions
     * first); it is named after the last part.
     *
     * @throws IllegalStateException when a part is missing
     */
    public static RedisScript load(Class<?> owner, String... parts) {
        Objects.requireNonNull(owner, "owner");
        if (parts.length == 0) {
            throw new IllegalArgumentException("a script needs at least one part");
        }
        StringBuilder source = new StringBuilder();
        for (String part : parts) {
            source.append(resource(owner, part)).append('\n');
        }
        return new RedisScript(parts[parts.length - 1], source.toString());
    }

    /** Runs the script; Lettuce's {@link io.lettuce.core.RedisException}s pass through to the caller. */
    public <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, type, keys, args);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "RedisScript[" + name + "]";
    }

    private static String resource(Class<?> owner, String part) {
        try (InputStream in = owner.getResourceAsStream(part + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script " + part + ".lua beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
