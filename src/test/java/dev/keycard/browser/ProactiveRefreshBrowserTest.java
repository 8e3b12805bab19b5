package dev.keycard.browser;

import static dev.keycard.browser.RequestLog.REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keycard.browser.RequestLog.Entry;
import dev.keycard.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proactive refresh: the page refreshes shortly before its access token expires, timed by the browser from the
 * login response's {@code expiresIn} (here 10 s, the shortest Keycard allows), so API calls never meet a 401.
 */
class ProactiveRefreshBrowserTest extends BrowserTestSupport {
    @Override
    protected PageServer startServer() {
        return PageServer.start("", null, Map.of("keycard.access.ttl", "PT10S"));
    }

    @Test
    void signedInWhenAccessTokenNearsExpiryThenRefreshedWithoutAnyApiCall() {
        expect401From("api/auth/refresh"); // the bootstrap refresh before signing in
        page.open(server.page("127.0.0.1")).signIn(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
        RequestLog requests = server.requests();
        requests.awaitIdle();
        int mark = requests.size();
        String before = page.text("token-preview");

        // Waits on the server seeing the refresh (up to 15 s; the page schedules it 7.5 s after sign-in).
        page.await(d -> !requests.since(mark, REFRESH).isEmpty(), "a proactive refresh", 15);
        requests.awaitIdle();
        List<Entry> seen = requests.since(mark, e -> true);
        assertEquals(List.of("POST /api/auth/refresh -> 200 (cookie)"), seen.stream().map(Entry::toString).toList(),
                "the refresh came on its own, before any API call");
        page.await(d -> !page.text("token-preview").equals(before), "the panel to show the new token");
        assertEquals("signed-in", page.state());
        page.assertNothingReadableByScript();
        assertNotEquals(before, page.text("token-preview"));
    }
}
