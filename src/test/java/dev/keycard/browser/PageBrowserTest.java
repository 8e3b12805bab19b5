package dev.keycard.browser;

import static dev.keycard.browser.RequestLog.PROFILE;
import static dev.keycard.browser.RequestLog.REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.browser.RequestLog.Entry;
import dev.keycard.testing.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * The page in real headless Chromium against Keycard on embedded Tomcat: sign-in, reload, transparent refresh,
 * tabs, sign-out and revocation. Refresh requests are counted on the server by {@link RequestLog}.
 */
class PageBrowserTest extends BrowserTestSupport {
    /** Past the 15-minute access token lifetime and its 30 s clock skew; well within the refresh token's 7 days. */
    private static final Duration PAST_ACCESS_TTL = Duration.ofMinutes(16);

    private URI home;

    @Override
    protected PageServer startServer() {
        PageServer s = PageServer.start("", null);
        home = s.page("127.0.0.1");
        return s;
    }

    private RequestLog requests() {
        return server.requests();
    }

    private void signInUser() {
        expect401From("api/auth/refresh"); // the bootstrap refresh of a browser without a cookie
        page.open(home).signIn(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
    }

    @Test
    void signInWhenCorrectPasswordThenProfileSessionsAndNothingReadableByScript() {
        expect401From("api/auth/refresh");
        int mark = requests().size();
        page.open(home).awaitState("signed-out");
        page.assertNothingReadableByScript();

        page.signIn(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
        assertTrue(page.text("profile").contains(TestUsers.USER_EMAIL), page.text("profile"));
        assertTrue(page.listedSessionIds().contains(page.currentSessionId()));
        page.assertNothingReadableByScript();

        String json = page.callApi();
        assertTrue(json.contains("\"userId\": \"u-user\""), json);
        page.assertNothingReadableByScript();
        requests().awaitIdle();
        String origin = "http://127.0.0.1:" + home.getPort();
        List<Entry> posts = requests().since(mark, e -> e.method.equals("POST"));
        assertEquals(2, posts.size(), posts.toString()); // the bootstrap refresh and the login
        assertTrue(posts.stream().allMatch(e -> origin.equals(e.origin)),
                "every POST carried the page's real Origin, not null, despite Referrer-Policy: no-referrer");
    }

    @Test
    void signInWhenWrongPasswordThenServerMessageShownAndStillSignedOut() {
        expect401From("api/auth/refresh", "api/login");
        page.open(home).awaitState("signed-out");
        page.click("email");
        driver.findElement(By.id("email")).sendKeys(TestUsers.USER_EMAIL);
        driver.findElement(By.id("password")).sendKeys("not the password");
        page.click("sign-in");
        page.await(d -> !page.text("sign-in-error").isEmpty(), "the error message");
        assertEquals("signed-out", page.state());
        assertEquals("none", page.text("token-preview"));
        page.assertNothingReadableByScript();
    }

    @Test
    void refreshWhenCalledOverAndOverThenCappedAndSignedOut() {
        signInUser();
        requests().awaitIdle();
        int mark = requests().size();

        // A runaway caller (a bug, say) asking the page's own client module for refresh after refresh.
        Object outcome = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./js/keycard-client.js').then(async (keycard) => {
                  for (let i = 0; i < 25; i++) {
                    try { await keycard.refresh(); } catch (e) { return done(i + ': ' + e.error); }
                  }
                  done('never stopped');
                });
                """);
        page.awaitState("signed-out");
        requests().awaitIdle();
        List<Entry> refreshes = requests().since(mark, REFRESH);
        assertTrue(refreshes.size() <= 10 && refreshes.stream().allMatch(e -> e.status() == 200),
                "at most 10 refreshes a minute, then the client stops by itself: " + refreshes);
        assertTrue(String.valueOf(outcome).endsWith("too_many_refreshes"), String.valueOf(outcome));
    }

    @Test
    void reloadWhenSignedInThenSignedInAgainWithNewAccessToken() {
        signInUser();
        requests().awaitIdle();
        String before = last(requests().all(PROFILE)).bearer;
        int mark = requests().size();

        page.reload().awaitState("signed-in");
        page.assertNothingReadableByScript();

        requests().awaitIdle();
        List<Entry> refreshes = requests().since(mark, REFRESH);
        assertEquals(1, refreshes.size(), "one refresh on load: " + refreshes);
        assertTrue(refreshes.get(0).refreshCookie && refreshes.get(0).status() == 200, refreshes.toString());
        String after = last(requests().since(mark, PROFILE)).bearer;
        assertNotEquals(before, after, "the reloaded page holds a new access token");
    }

    @Test
    void apiCallWhenAccessTokenExpiredThenExactlyOneRefreshAndRetry() {
        signInUser();
        page.assertNothingReadableByScript();
        server.clock().advance(PAST_ACCESS_TTL);
        expect401From("api/profile", "api/auth/sessions");
        int mark = requests().size();

        String json = page.callApi(); // two requests at once: GET api/profile and GET api/auth/sessions
        assertTrue(json.contains(TestUsers.USER_EMAIL), json);
        assertEquals("signed-in", page.state());
        page.assertNothingReadableByScript();

        requests().awaitIdle();
        assertEquals(1, requests().since(mark, REFRESH).size(), "both 401s shared one refresh");
        List<Integer> profileStatuses = requests().since(mark, PROFILE).stream().map(Entry::status).toList();
        assertEquals(List.of(401, 200), profileStatuses, "refused once, then retried once with the new token");
    }

    @Test
    void twoTabsWhenRefreshingAtTheSameMomentThenBothStaySignedIn() {
        signInUser();
        String first = driver.getWindowHandle();
        String second = openTab(home);
        page.awaitState("signed-in");
        server.clock().advance(PAST_ACCESS_TTL);
        expect401From("api/profile", "api/auth/sessions");
        int mark = requests().size();

        // Start both tabs' API calls together: the first tab clicks when the second posts on a test channel.
        driver.switchTo().window(first);
        int firstCalls = page.counter("api-result", "data-calls");
        driver.executeScript("const go = new BroadcastChannel('test-go');"
                + "go.onmessage = () => document.getElementById('call-api').click();");
        driver.switchTo().window(second);
        int secondCalls = page.counter("api-result", "data-calls");
        driver.executeScript("new BroadcastChannel('test-go').postMessage('go');"
                + "document.getElementById('call-api').click();");

        page.await(d -> page.counter("api-result", "data-calls") > secondCalls, "the second tab's call");
        assertTrue(page.text("api-result").contains(TestUsers.USER_EMAIL));
        driver.switchTo().window(first);
        page.await(d -> page.counter("api-result", "data-calls") > firstCalls, "the first tab's call");
        assertTrue(page.text("api-result").contains(TestUsers.USER_EMAIL));
        assertEquals("signed-in", page.state());
        page.assertNothingReadableByScript();

        requests().awaitIdle();
        List<Entry> refreshes = requests().since(mark, REFRESH);
        assertEquals(2, refreshes.size(), "one refresh per tab: " + refreshes);
        assertTrue(refreshes.stream().allMatch(e -> e.status() == 200), refreshes.toString());
        // No theft was detected on the way: the cookie both tabs share still refreshes.
        page.reload().awaitState("signed-in");
    }

    @Test
    void signOutWhenTwoTabsThenOtherTabSignsOutWithoutAskingTheServer() {
        signInUser();
        String first = driver.getWindowHandle();
        String second = openTab(home);
        page.awaitState("signed-in");
        driver.switchTo().window(first);
        requests().awaitIdle();
        int mark = requests().size();

        page.click("sign-out");
        page.awaitState("signed-out");
        driver.switchTo().window(second);
        page.awaitState("signed-out");
        assertEquals("none", page.text("token-preview"), "the second tab dropped its access token");
        page.assertNothingReadableByScript();

        requests().awaitIdle();
        List<Entry> calls = requests().since(mark, e -> true);
        assertEquals(1, calls.size(), "only the first tab's logout reached the server: " + calls);
        assertTrue(calls.get(0).is("POST", "/api/auth/logout") && calls.get(0).status() == 204, calls.toString());

        page.reload().awaitState("signed-out"); // the cookie is gone for every tab
    }

    @Test
    void signOutEverywhereWhenTwoTabsThenBothSignedOutAndSessionRevoked() {
        signInUser();
        String second = openTab(home);
        page.awaitState("signed-in");
        int mark = requests().size();

        page.click("sign-out-all");
        page.awaitState("signed-out");
        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(second)).findFirst()
                .orElseThrow());
        page.awaitState("signed-out");
        page.assertNothingReadableByScript();

        requests().awaitIdle();
        assertEquals(List.of("POST /api/auth/logout-all -> 204 (cookie)"),
                requests().since(mark, e -> true).stream().map(Entry::toString).toList());
        page.reload().awaitState("signed-out"); // the shared cookie's session is revoked on the server
    }

    @Test
    void revokedSessionWhenNextApiCallThenSignedOutWithoutRefreshLoop() {
        // Two "devices": the same browser on two origins (127.0.0.1 and localhost) keeps two cookie jars.
        signInUser();
        String victimSession = page.currentSessionId();
        String victim = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        page.open(server.page("localhost")).signIn(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD);
        assertNotEquals(victimSession, page.currentSessionId());
        page.revoke(victimSession);

        driver.switchTo().window(victim);
        server.clock().advance(PAST_ACCESS_TTL);
        expect401From("api/profile", "api/auth/sessions", "api/auth/refresh");
        requests().awaitIdle();
        int mark = requests().size();

        page.click("call-api");
        page.awaitState("signed-out");
        page.assertNothingReadableByScript();
        requests().awaitIdle();
        List<Entry> refreshes = requests().since(mark, REFRESH);
        assertEquals(1, refreshes.size(), "one refresh, refused, and no retry of it: " + refreshes);
        assertEquals(401, refreshes.get(0).status());

        // Loading the page again asks exactly once more, now without a cookie (the 401 cleared it).
        page.reload().awaitState("signed-out");
        requests().awaitIdle();
        List<Entry> after = requests().since(mark, REFRESH);
        assertEquals(2, after.size(), after.toString());
        assertTrue(!after.get(1).refreshCookie && after.get(1).status() == 401, after.toString());
    }

    @Test
    void inlineScriptWhenInjectedThenBlockedByTheCspAndCountedOnThePage() {
        expect401From("api/auth/refresh");
        expectConsoleMessage("Executing inline script violates the following Content Security Policy directive");
        page.open(home).awaitState("signed-out");
        assertEquals("true", driver.findElement(By.id("check-csp")).getDomAttribute("data-ok"));

        // What an XSS payload would try: the served policy blocks it, and the page's listener counts it.
        driver.executeScript("const s = document.createElement('script');"
                + "s.textContent = 'window.injected = true'; document.body.append(s);");
        page.await(d -> page.counter("csp-violations", "data-count") == 1, "the violation to be counted");
        assertEquals(false, page.script("return window.injected === true"));
        page.await(d -> "false".equals(driver.findElement(By.id("check-csp")).getDomAttribute("data-ok")),
                "the on-screen check to turn red");
    }

    private static Entry last(List<Entry> entries) {
        assertTrue(!entries.isEmpty(), "no such request");
        return entries.get(entries.size() - 1);
    }
}
