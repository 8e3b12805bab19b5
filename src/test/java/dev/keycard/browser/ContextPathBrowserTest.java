package dev.keycard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.browser.RequestLog.Entry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

/**
 * The page deployed as a WAR would be at {@code /keycard}, signed in with the shipped demo user: every URL the page
 * uses is relative, so the whole flow works there, and the refresh cookie's path includes the context path.
 *
 * <p>Also saves a screenshot of the signed-in page to {@code target/screenshots/signed-in.png}; run with
 * {@code -Dbrowser.screenshot=docs/screenshot-signed-in.png} to refresh the one the README shows.
 */
class ContextPathBrowserTest extends BrowserTestSupport {
    private static final String DEMO_EMAIL = "demo@keycard.dev";
    private static final String DEMO_PASSWORD = "correct horse battery staple";

    @Override
    protected PageServer startServer() {
        return PageServer.start("/keycard", Path.of("conf/users.json"));
    }

    @Test
    void pageWhenServedUnderContextPathThenSignInReloadApiAndSignOutWork() throws IOException {
        expect401From("api/auth/refresh");
        URI withoutSlash = URI.create(server.page("127.0.0.1").toString().replaceAll("/$", ""));
        page.open(withoutSlash).signIn(DEMO_EMAIL, DEMO_PASSWORD); // Tomcat redirects /keycard to /keycard/
        assertTrue(driver.getCurrentUrl().endsWith("/keycard/"), driver.getCurrentUrl());
        page.reload().awaitState("signed-in");
        String json = page.callApi();
        assertTrue(json.contains("\"email\": \"" + DEMO_EMAIL + "\""), json);
        page.assertNothingReadableByScript();
        saveScreenshot();

        page.click("sign-out");
        page.awaitState("signed-out");
        page.reload().awaitState("signed-out");
        page.assertNothingReadableByScript();

        // Every call reached this context (the log sees only /keycard/api/*), in its place in the flow.
        RequestLog requests = server.requests();
        requests.awaitIdle();
        assertEquals(List.of(
                "POST /api/auth/refresh -> 401",            // first load: no cookie yet
                "POST /api/login -> 200",
                "POST /api/auth/refresh -> 200 (cookie)",   // reload: the cookie's path covers /keycard/api/auth
                "POST /api/auth/logout -> 204 (cookie)",
                "POST /api/auth/refresh -> 401"),           // the cookie is gone
                requests.all(e -> e.method.equals("POST")).stream().map(Entry::toString).toList());
        // profile and sessions, fetched in parallel after sign-in, after the reload and by "Call the API"
        assertEquals(List.of(200, 200, 200), requests.all(RequestLog.PROFILE).stream().map(Entry::status).toList());
        assertEquals(3, requests.all(e -> e.is("GET", "/api/auth/sessions") && e.status() == 200).size());
    }

    private void saveScreenshot() throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target/screenshots/signed-in.png");
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        String wanted = System.getProperty("browser.screenshot");
        if (wanted != null && !wanted.isBlank()) {
            Path docs = Path.of(wanted);
            Files.createDirectories(docs.toAbsolutePath().getParent());
            Files.write(docs, png);
        }
    }
}
