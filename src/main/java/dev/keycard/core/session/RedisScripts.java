package dev.keycard.core.session;

import dev.keycard.core.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Lua scripts of {@link RedisSessionStore}, each one atomic step on the Redis server, with the shared functions
 * of {@code common.lua} prepended. Immutable and thread-safe.
 */
final class RedisScripts {
    final RedisScript create = load("create");
    final RedisScript rotate = load("rotate");
    final RedisScript revoke = load("revoke");
    final RedisScript revokeAll = load("revoke_all");
    final RedisScript list = load("list");
    final RedisScript purge = load("purge");

    <T> T run(RedisCommands<String, String> redis, RedisScript script, ScriptOutputType type, String[] keys,
              String... args) {
        return script.run(redis, type, keys, args);
    }

    private static RedisScript load(String name) {
        return RedisScript.load(RedisScripts.class, "common", name);
    }
}
