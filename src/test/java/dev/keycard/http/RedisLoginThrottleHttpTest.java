package dev.keycard.http;

import static dev.keycard.http.ThrottledLogins.assertTooMany;
import static dev.keycard.http.ThrottledLogins.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.Await;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.RedisServer;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed-login budgets held per cluster: two Keycard servers on one Redis (same secrets, same clock) count
 * failures against the same budgets, so spreading guesses over servers gains nothing; and with Redis gone, a
 * login answers 503 rather than being decided. Both servers trust {@code X-Forwarded-For} from a local proxy, so
 * each attempt can come from its own client address.
 */
class RedisLoginThrottleHttpTest {
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);
    @TempDir
    static Path dir;
    private static RedisServer redis;
    private static MutableClock clock;
    private static TestServer serverA;
    private static TestServer serverB;

    @BeforeAll
    static void start() {
        redis = RedisServer.start(dir.resolve("redis"));
        clock = MutableClock.startingNow();
        serverA = node(redis).clock(clock).start();
        serverB = node(redis).clock(clock).start();
    }

    private static TestServer.Builder node(RedisServer redis) {
        return TestServer.builder()
                .setting("keycard.store", "redis")
                .setting("keycard.redis.uri", redis.uri())
                .setting("keycard.redis.timeout", "1s")
                .setting("keycard.login.maxFailuresPerAccount", "3")
                .setting("keycard.login.maxFailuresPerClient", "6")
                .setting("keycard.login.failureWindow", "PT10M")
                .remoteIpHeader("X-Forwarded-For");
    }

    @AfterAll
    static void stop() {
        if (serverA != null) {
            serverA.close();
        }
        if (serverB != null) {
            serverB.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        redis.flushAll();
    }

    private static String newClient() {
        return "203.0.113." + NEXT_CLIENT.getAndIncrement();
    }

    @Test
    void loginWhenAccountFailuresSpreadOverBothServersThenOneBudgetAndBothRefuseTheRightPassword() {
        String email = TestUsers.ADMIN_EMAIL;
        assertEquals(401, login(serverA, newClient(), email, "wrong-1").status());
        assertEquals(401, login(serverA, newClient(), email, "wrong-2").status());
        assertEquals(401, login(serverB, newClient(), email, "wrong-3").status());

        assertTooMany(login(serverA, newClient(), email, TestUsers.ADMIN_PASSWORD));
        assertTooMany(login(serverB, newClient(), email, TestUsers.ADMIN_PASSWORD));
        clock.advance(Duration.ofMinutes(4));
        RawHttp.Response later = login(serverB, newClient(), email, TestUsers.ADMIN_PASSWORD);
        assertTooMany(later);
        assertEquals("360", later.header("Retry-After"), "the window started at the first failure, on server A");

        clock.advance(Duration.ofMinutes(6));
        assertEquals(200, login(serverB, newClient(), email, TestUsers.ADMIN_PASSWORD).status());
    }

    @Test
    void loginWhenClientFailuresSpreadOverBothServersThen429ForEveryEmailFromThatClientOnly() {
        String client = newClient();
        for (int i = 0; i < 6; i++) {
            TestServer server = i % 2 == 0 ? serverA : serverB;
            assertEquals(401, login(server, client, "guess" + i + "@example.test", "pw").status());
        }
        assertTooMany(login(serverA, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD));
        assertTooMany(login(serverB, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD));
        assertEquals(200, login(serverB, newClient(), TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status());
    }

    @Test
    void loginWhenSuccessfulOnOneServerThenAccountFailuresForgivenOnBoth() {
        String client = newClient();
        assertEquals(401, login(serverA, client, TestUsers.USER_EMAIL, "wrong").status());
        assertEquals(401, login(serverA, client, TestUsers.USER_EMAIL, "wrong").status());
        assertEquals(200, login(serverB, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status());
        assertEquals(401, login(serverA, client, TestUsers.USER_EMAIL, "wrong").status());
        assertEquals(401, login(serverB, client, TestUsers.USER_EMAIL, "wrong").status());
        assertEquals(200, login(serverA, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status(),
                "two failures since the success: the account's budget is not spent");
    }

    @Test
    void loginWhenRedisStoppedThen503WhateverThePasswordAndWhenBackThenCountingAgain() {
        try (RedisServer own = RedisServer.start(dir.resolve("own-redis"));
             TestServer server = node(own).start()) {
            String client = newClient();
            assertEquals(401, login(server, client, TestUsers.USER_EMAIL, "wrong").status());

            own.stop();

            for (String password : new String[] {"wrong", TestUsers.USER_PASSWORD}) {
                RawHttp.Response r = login(server, client, TestUsers.USER_EMAIL, password);
                assertEquals(503, r.status(), r.body());
                assertTrue(r.body().contains("\"error\":\"temporarily_unavailable\""), r.body());
                assertTrue(r.header("Retry-After").matches("[1-9][0-9]*"), r.header("Retry-After"));
                assertTrue(r.headers("Set-Cookie").isEmpty(), "no cookie");
            }

            own.start();

            Await.until("logins are decided again", Duration.ofSeconds(15),
                    () -> login(server, newClient(), "probe@example.test", "pw").status() == 401);
            // Redis came back empty (no persistence here): the budgets start afresh and count again.
            for (int i = 0; i < 3; i++) {
                assertEquals(401, login(server, client, TestUsers.USER_EMAIL, "wrong").status());
            }
            assertTooMany(login(server, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD));
        }
    }
}
