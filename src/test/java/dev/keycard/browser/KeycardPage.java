package dev.keycard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Keycard page in the driver's current tab, through the stable element ids the page promises. Every wait is on
 * a condition the page exposes ({@code #status[data-state]}, counters in {@code data-*} attributes); none sleeps.
 */
final class KeycardPage {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebDriver driver;

    KeycardPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Loads the page and waits until its bootstrap refresh has decided: signed in or signed out. */
    KeycardPage open(URI page) {
        driver.get(page.toString());
        return awaitSettled();
    }

    KeycardPage reload() {
        driver.navigate().refresh();
        return awaitSettled();
    }

    private KeycardPage awaitSettled() {
        await(d -> !state().equals("loading"), "the page to leave the loading state");
        return this;
    }

    String state() {
        return driver.findElement(By.id("status")).getDomAttribute("data-state");
    }

    KeycardPage awaitState(String expected) {
        await(d -> state().equals(expected), "#status[data-state=" + expected + "]");
        return this;
    }

    KeycardPage signIn(String email, String password) {
        awaitState("signed-out");
        type("email", email);
        type("password", password);
        driver.findElement(By.id("sign-in")).click();
        return awaitState("signed-in");
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks "Call the API" and waits for that click's result; returns the JSON shown. */
    String callApi() {
        int before = counter("api-result", "data-calls");
        driver.findElement(By.id("call-api")).click();
        await(d -> counter("api-result", "data-calls") > before, "the API call to finish");
        return text("api-result");
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    int counter(String id, String attribute) {
        return Integer.parseInt(driver.findElement(By.id(id)).getDomAttribute(attribute));
    }

    /** This tab's own session id, from the sessions list. */
    String currentSessionId() {
        return (String) script("return document.querySelector('#sessions li[data-current=\"true\"]')"
                + "?.dataset.sessionId ?? null");
    }

    /** Read in one script so a list being redrawn cannot go stale half-way. */
    @SuppressWarnings("unchecked")
    List<String> listedSessionIds() {
        return (List<String>) script("return [...document.querySelectorAll('#sessions li')]"
                + ".map((li) => li.dataset.sessionId)");
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** Clicks the revoke button of one session and waits for the list to drop it. */
    void revoke(String sessionId) {
        driver.findElement(By.cssSelector("#sessions button.revoke[data-session-id='" + sessionId + "']")).click();
        await(d -> !listedSessionIds().contains(sessionId), "session " + sessionId + " to leave the list");
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /**
     * What script could see of the pattern's secrets: web storage, IndexedDB, document.cookie, plus the page's own
     * on-screen checks and its CSP/error counters. Asserts that none of it holds a token.
     */
    void assertNothingReadableByScript() {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => ({
                  local: localStorage.length,
                  session: sessionStorage.length,
                  indexedDb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
                  cookie: document.cookie,
                  failedChecks: [...document.querySelectorAll('.checks li')]
                      .filter((li) => li.dataset.ok === 'false').map((li) => li.id),
                  csp: document.getElementById('csp-violations').dataset.count,
                  errors: document.getElementById('page-errors').dataset.count,
                }))().then(done, (e) => done({ failure: String(e) }));
                """);
        assertEquals(Map.of("local", 0L, "session", 0L, "indexedDb", 0L, "cookie", "", "failedChecks", List.of(),
                "csp", "0", "errors", "0"), seen, "what script can read, and the page's own checks");
    }

    void await(Function<WebDriver, Boolean> condition, String what) {
        await(condition, what, TIMEOUT.toSeconds());
    }

    void await(Function<WebDriver, Boolean> condition, String what, long seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage("waiting for " + what).until(condition);
    }
}
