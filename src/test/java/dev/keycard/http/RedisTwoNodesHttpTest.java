package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keycard.testing.MutableClock;
import dev.keycard.testing.RedisServer;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Keycard servers sharing one Redis (and the same secrets and clock): any server rotates, detects theft in and
 * revokes any session, and concurrent refreshes spread over both converge on one rotation.
 */
class RedisTwoNodesHttpTest {
    @TempDir
    static Path dir;
    private static RedisServer redis;
    private static TestServer serverA;
    private static TestServer serverB;
    private static MutableClock clock;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void start() {
        redis = RedisServer.start(dir.resolve("redis"));
        clock = MutableClock.startingNow();
        serverA = node();
        serverB = node();
        a = new Api(serverA.baseUrl());
        b = new Api(serverB.baseUrl());
    }

    private static TestServer node() {
        return TestServer.builder().clock(clock)
                .setting("keycard.store", "redis")
                .setting("keycard.redis.uri", redis.uri())
                .start();
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

    @Test
    void refreshWhenLoggedInOnAThenBRotatesAndAContinues() {
        Response login = a.loginUser();
        String r0 = Api.refreshToken(login);
        Response onB = b.refresh(r0);
        onB.then().statusCode(200);
        String r1 = Api.refreshToken(onB);
        assertNotEquals(r0, r1);
        a.profile(Api.accessToken(onB)).then().statusCode(200).body("userId", equalTo("u-user"));
        a.refresh(r1).then().statusCode(200);
    }

    @Test
    void refreshWhenSpentTokenReplayedOnOtherNodeThenGraceThenTheftRevokesOnBoth() {
        String r0 = Api.refreshToken(a.loginUser());
        String r1 = Api.refreshToken(a.refresh(r0));
        Response withinGrace = b.refresh(r0);
        withinGrace.then().statusCode(200);
        assertEquals(r1, Api.refreshToken(withinGrace), "B re-issues the successor A set, byte for byte");

        clock.advance(Duration.ofSeconds(11));
        b.refresh(r0).then().statusCode(401).body("error", equalTo("invalid_token"));
        a.refresh(r1).then().statusCode(401).body("error", equalTo("invalid_token"));
        b.refresh(r1).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void refreshWhenLoggedOutOnBThenRefusedOnA() {
        String r0 = Api.refreshToken(a.loginUser());
        b.logout(r0).then().statusCode(204);
        a.refresh(r0).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void logoutAllWhenCalledOnBThenEverySessionRefusedOnA() {
        Response first = a.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        Response second = a.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        String access = Api.accessToken(second);
        b.request().header("Authorization", "Bearer " + access).get("/api/auth/sessions")
                .then().statusCode(200).body("$", hasSize(2));
        b.request().header("Authorization", "Bearer " + access).post("/api/auth/logout-all").then().statusCode(204);
        a.refresh(Api.refreshToken(first)).then().statusCode(401);
        a.refresh(Api.refreshToken(second)).then().statusCode(401);
    }

    @Test
    void refreshWhen40ConcurrentCallsOverBothNodesThenOneRotationAndEveryCallerServed() throws Exception {
        String r0 = Api.refreshToken(a.loginUser());
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Api node = i % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> {
                    go.await();
                    return node.refresh(r0);
                }));
            }
            go.countDown();
            Set<String> cookies = new HashSet<>();
            for (Future<Response> call : calls) {
                Response r = call.get();
                r.then().statusCode(200);
                cookies.add(Api.refreshToken(r));
                a.profile(Api.accessToken(r)).then().statusCode(200);
            }
            assertEquals(1, cookies.size(), "every caller gets the one successor");
            String r1 = cookies.iterator().next();
            assertNotEquals(r0, r1);
            b.refresh(r1).then().statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
