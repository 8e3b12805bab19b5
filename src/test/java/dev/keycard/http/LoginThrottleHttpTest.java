package dev.keycard.http;

import static dev.keycard.http.ThrottledLogins.assertTooMany;
import static dev.keycard.http.ThrottledLogins.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed-login budgets over HTTP: per account (known or unknown email alike) and per client address, checked
 * before the password, with 429 and Retry-After. One server trusts {@code X-Forwarded-For} from a local proxy
 * (Tomcat's RemoteIpValve), so each test acts from its own client address; the other shows that without that
 * valve the header is ignored.
 */
class LoginThrottleHttpTest {
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);
    private static TestServer behindProxy;
    private static TestServer direct;

    @BeforeAll
    static void start() {
        behindProxy = throttled().remoteIpHeader("X-Forwarded-For").start();
        direct = throttled().start();
    }

    private static TestServer.Builder throttled() {
        return TestServer.builder()
                .setting("keycard.login.maxFailuresPerAccount", "3")
                .setting("keycard.login.maxFailuresPerClient", "6")
                .setting("keycard.login.failureWindow", "PT10M");
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        direct.close();
    }

    private static String newClient() {
        return "203.0.113." + NEXT_CLIENT.getAndIncrement();
    }

    @Test
    void loginWhenAccountBudgetSpentThenEvenCorrectPasswordGets429UntilWindowEnds() {
        String email = TestUsers.ADMIN_EMAIL;
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(behindProxy, newClient(), email, "wrong-" + i).status());
        }
        assertTooMany(login(behindProxy, newClient(), email, TestUsers.ADMIN_PASSWORD));
        assertTooMany(login(behindProxy, newClient(), "  ADMIN@example.test ", TestUsers.ADMIN_PASSWORD));
        behindProxy.clock().advance(Duration.ofMinutes(10));
        assertEquals(200, login(behindProxy, newClient(), email, TestUsers.ADMIN_PASSWORD).status());
    }

    @Test
    void loginWhenUnknownEmailThenSameBudgetAndSameAnswerAsKnownEmail() {
        String unknown = "nobody-" + System.nanoTime() + "@example.test";
        String known = TestUsers.LOCKED_EMAIL;
        for (int i = 0; i < 3; i++) {
            RawHttp.Response u = login(behindProxy, newClient(), unknown, "wrong");
            RawHttp.Response k = login(behindProxy, newClient(), known, "wrong");
            assertEquals(401, u.status());
            assertEquals(u.body(), k.body());
        }
        RawHttp.Response u = login(behindProxy, newClient(), unknown, "wrong");
        RawHttp.Response k = login(behindProxy, newClient(), known, "wrong");
        assertTooMany(u);
        assertTooMany(k);
        assertEquals(u.header("Retry-After"), k.header("Retry-After"));
    }

    @Test
    void loginWhenClientBudgetSpentThen429ForEveryEmailFromThatClientOnly() {
        String client = newClient();
        for (int i = 0; i < 6; i++) {
            assertEquals(401, login(behindProxy, client, "guess" + i + "-" + System.nanoTime() + "@example.test", "pw").status());
        }
        assertTooMany(login(behindProxy, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD));
        assertEquals(200, login(behindProxy, newClient(), TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status(),
                "another client behind the same proxy is not affected");
    }

    @Test
    void loginWhenSuccessfulThenAccountFailuresForgiven() {
        String client = newClient();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(401, login(behindProxy, client, TestUsers.USER_EMAIL, "wrong").status());
            }
            assertEquals(200, login(behindProxy, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status());
        }
    }

    @Test
    void loginWhenNoTrustedProxyThenForwardedForIsIgnored() {
        for (int i = 0; i < 6; i++) {
            assertEquals(401, login(direct, newClient(), "guess" + i + "-" + System.nanoTime() + "@example.test", "pw").status());
        }
        // the address in X-Forwarded-For changes with every request, yet all six counted against the real peer
        assertTooMany(login(direct, newClient(), TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD));
    }

    @Test
    void loginWhenBodyMalformedThenNotCountedAsFailure() {
        String client = newClient();
        for (int i = 0; i < 10; i++) {
            RawHttp.Response r = new RawHttp(behindProxy.baseUrl()).post("/api/login",
                    "{\"email\":".getBytes(StandardCharsets.UTF_8), "Content-Type: application/json",
                    "X-Forwarded-For: " + client);
            assertEquals(400, r.status());
        }
        assertEquals(200, login(behindProxy, client, TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).status());
    }
}
