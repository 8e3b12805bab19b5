package dev.keycard.core.session;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Lettuce connection to Redis, shared by every request (Lettuce connections are thread-safe). Commands time out
 * after the configured timeout; while Redis is unreachable they are rejected at once, so requests answer 503 fast;
 * Lettuce reconnects on its own (at most a second apart) once Redis is back. If Redis is down when Keycard starts,
 * the first connection is made on first use. Thread-safe.
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisLink.class.getName());

    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisLink(URI uri, Duration timeout) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(timeout);
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try {
            connect();
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "Redis is not reachable yet ({0}); Keycard answers 503 until it is",
                    e.getClass().getSimpleName());
        }
    }

    /** The synchronous command interface, connecting first if no connection was made yet. */
    RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        return (c != null ? c : connect()).sync();
    }

    private synchronized StatefulRedisConnection<String, String> connect() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        // Wait for Lettuce's threads to end, so a stopping web application leaves none behind.
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }
}
