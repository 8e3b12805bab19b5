package dev.keycard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One Keycard server and one Chromium per test class (a browser start costs seconds); each test starts from a
 * single tab and no cookies. After each test the browser console must hold nothing but the 401s the test declared
 * with {@link #expect401From}: Chromium logs "Failed to load resource" for every 401 a fetch receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {
    private static final Pattern FAILED_RESOURCE = Pattern.compile(
            "(\\S+) - Failed to load resource: the server responded with a status of 401 \\(.*\\)");

    protected PageServer server;
    protected Chromium chromium;
    protected ChromeDriver driver;
    protected KeycardPage page;
    private final Set<String> expected401 = new HashSet<>();
    private final Set<String> expectedMessages = new HashSet<>();

    protected abstract PageServer startServer();

    @BeforeAll
    void startServerAndBrowser() {
        server = startServer();
        chromium = Chromium.start();
        driver = chromium.driver();
        page = new KeycardPage(driver);
    }

    @AfterAll
    void stopBrowserAndServer() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBrowserState() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().logs().get(LogType.BROWSER); // drain what earlier tests left
        expected401.clear();
        expectedMessages.clear();
    }

    @AfterEach
    void consoleHoldsOnlyWhatTheTestExpects() {
        List<String> unexpected = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            Matcher m = FAILED_RESOURCE.matcher(e.getMessage());
            boolean expected = m.matches() && expected401.stream().anyMatch(p -> URI.create(m.group(1)).getPath().endsWith(p))
                    || expectedMessages.stream().anyMatch(e.getMessage()::contains);
            if (!expected && e.getLevel().intValue() >= Level.WARNING.intValue()) {
                unexpected.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertEquals(List.of(), unexpected, "console errors or warnings the test did not expect");
    }

    /** Declares that a 401 from this API path (e.g. {@code api/auth/refresh}) is part of the test's flow. */
    protected void expect401From(String... apiPaths) {
        expected401.addAll(List.of(apiPaths));
    }

    /** Declares a console error the test provokes on purpose (matched as a substring). */
    protected void expectConsoleMessage(String fragment) {
        expectedMessages.add(fragment);
    }

    /** Opens the page in a new tab of the same browser (same origin: shared cookie, locks and channel). */
    protected String openTab(URI uri) {
        driver.switchTo().newWindow(WindowType.TAB);
        page.open(uri);
        return driver.getWindowHandle();
    }
}
