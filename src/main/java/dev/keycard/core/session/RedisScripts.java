package dev.keycard.core.session;

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

/**
 * The Lua scripts of {@link RedisSessionStore}, each one atomic step on the Redis server. Runs a script by its
 * SHA-1 ({@code EVALSHA}) and falls back to {@code EVAL} (which caches it again) when Redis does not know it, for
 * instance after a restart. Immutable and thread-safe.
 */
final class RedisScripts {
    /** One script: its source (with the shared functions prepended) and SHA-1. */
    record Script(String name, String source, String sha) {
    }

    final Script create = load("create");
    final Script rotate = load("rotate");
    final Script revoke = load("revoke");
    final Script revokeAll = load("revoke_all");
    final Script list = load("list");
    final Script purge = load("purge");

    <T> T run(RedisCommands<String, String> redis, Script script, ScriptOutputType type, String[] keys,
              String... args) {
        try {
            return redis.evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(script.source(), type, keys, args);
        }
    }

    private static Script load(String name) {
        String source = resource("common") + "\n" + resource(name);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new Script(name, source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RedisScripts.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
