package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A login flood cannot starve the server: with one password-check slot and an expensive hash, the logins that find
 * the slot taken get 503 {@code temporarily_unavailable} with Retry-After at once, and the guarded API keeps
 * answering while the flood goes on. Only statuses are asserted, never timings.
 */
class LoginFloodHttpTest {
    private static final int FLOODERS = 4;

    @Test
    void loginFloodWhenSlotsTakenThen503AndGuardedApiKeepsAnswering() throws InterruptedException {
        try (TestServer server = TestServer.builder()
                .setting("keycard.login.maxConcurrentHashes", "1")
                .setting("keycard.login.maxFailuresPerAccount", "1000000")
                .setting("keycard.login.maxFailuresPerClient", "1000000")
                // unknown emails are checked against a dummy hash of this (deliberately slow) cost
                .setting("keycard.password.argon2.memoryKiB", "8192")
                .setting("keycard.password.argon2.iterations", "2")
                .start()) {
            Api api = new Api(server.baseUrl());
            String access = Api.accessToken(api.loginUser());
            RawHttp raw = new RawHttp(server.baseUrl());
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch refused = new CountDownLatch(1);
            Set<String> outcomes = ConcurrentHashMap.newKeySet();
            byte[] body = "{\"email\":\"nobody@example.test\",\"password\":\"guess\"}".getBytes(StandardCharsets.UTF_8);
            List<Thread> flood = new java.util.ArrayList<>();
            for (int i = 0; i < FLOODERS; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        RawHttp.Response r = raw.post("/api/login", body, "Content-Type: application/json");
                        outcomes.add(r.status() + " " + r.body() + " retry-after=" + r.header("Retry-After"));
                        if (r.status() == 503) {
                            refused.countDown();
                        }
                    }
                }, "login-flood-" + i);
                flood.add(t);
                t.start();
            }
            try {
                assertTrue(refused.await(120, TimeUnit.SECONDS), "some login found every slot taken: " + outcomes);
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, raw.get("/api/profile", "Authorization: Bearer " + access).status(),
                            "the guarded API answers during the flood");
                }
                assertTrue(refused.getCount() == 0 && !stop.get() && flood.stream().allMatch(Thread::isAlive),
                        "the flood was still going on");
            } finally {
                stop.set(true);
                for (Thread t : flood) {
                    t.join();
                }
            }
            assertEquals(Set.of(
                    "401 {\"error\":\"invalid_credentials\",\"error_description\":\"Invalid email or password\"} retry-after=null",
                    "503 {\"error\":\"temporarily_unavailable\",\"error_description\":"
                            + "\"Too many logins are being checked right now; try again shortly\"} retry-after=1"),
                    outcomes);
        }
    }
}
