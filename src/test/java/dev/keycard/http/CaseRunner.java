package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/** Runs one shared case (format in {@link SharedCasesTest}) against a fresh Keycard on embedded Tomcat. */
final class CaseRunner {
    private static final String COOKIE = "refreshToken";
    /** Never in any answer, whatever the case says. */
    private static final List<String> LEAKS = List.of("Exception", "at com.", "at dev.", "com.auth0",
            "Apache Tomcat", "<html", "HTTP Status 500");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode spec;
    private final String where;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    CaseRunner(JsonNode spec, String where) {
        this.spec = spec;
        this.where = where;
    }

    void run() throws InterruptedException {
        TestServer.Builder builder = TestServer.builder();
        spec.path("settings").properties().forEach(e -> builder.setting(e.getKey(), e.getValue().asText()));
        try (TestServer server = builder.start()) {
            RawHttp raw = new RawHttp(server.baseUrl());
            CaseValues values = new CaseValues(spec.path("tokens"), () -> server.clock().instant().getEpochSecond());
            values.put("USER_EMAIL", TestUsers.USER_EMAIL);
            values.put("USER_PASSWORD", TestUsers.USER_PASSWORD);
            values.put("ADMIN_EMAIL", TestUsers.ADMIN_EMAIL);
            values.put("ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
            values.put("LOCKED_EMAIL", TestUsers.LOCKED_EMAIL);
            values.put("LOCKED_PASSWORD", TestUsers.LOCKED_PASSWORD);
            values.put("SECRET", TestServer.ACCESS_SECRET);
            values.put("APP_ORIGIN", TestServer.APP_ORIGIN);
            values.put("ORIGIN", server.baseUrl().replaceAll("(https?://[^/]+).*", "$1"));
            for (JsonNode step : spec.path("steps")) {
                if (step.has("advanceClock")) {
                    server.clock().advance(Duration.parse(step.get("advanceClock").asText()));
                    continue;
                }
                List<String> each = new ArrayList<>();
                step.path("each").forEach(e -> each.add(e.asText()));
                for (String e : each.isEmpty() ? List.of("") : each) {
                    values.put("EACH", e);
                    for (int i = 0; i < step.path("repeat").asInt(1); i++) {
                        runStep(step, values, raw, e);
                    }
                }
            }
        }
    }

    private void runStep(JsonNode step, CaseValues values, RawHttp raw, String each) throws InterruptedException {
        String name = step.path("name").asText("step");
        String label = where + " / " + name + (each.isEmpty() ? "" : " [" + each + "]");
        JsonNode req = step.get("request");
        String method = req.path("method").asText("GET");
        String path = values.fill(req.path("path").asText());
        List<String> headers = new ArrayList<>();
        req.path("headers").forEach(h -> headers.add(values.fill(h.asText())));
        byte[] body = req.has("bodyBase64") ? Base64.getDecoder().decode(req.get("bodyBase64").asText())
                : req.has("body") ? values.fill(req.get("body").asText()).getBytes(StandardCharsets.UTF_8) : null;
        int parallel = step.path("parallel").asInt(1);
        List<RawHttp.Response> responses = parallel == 1 ? List.of(raw.send(method, path, body, headers))
                : sendAtOnce(raw, parallel, method, path, body, headers);
        JsonNode expect = step.path("expect");
        for (RawHttp.Response r : responses) {
            check(label, path, expect, r, values);
        }
        if (expect.has("distinctCookies")) {
            Set<String> distinct = new HashSet<>();
            responses.forEach(r -> distinct.add(cookieValue(r)));
            assertEquals(expect.get("distinctCookies").asInt(), distinct.size(), label + ": distinct cookies " + distinct);
        }
        RawHttp.Response first = responses.get(0);
        bodies.put(name, first.body());
        step.path("capture").properties().forEach(c -> values.put(c.getKey(), capture(label, first, c.getValue().asText())));
    }

    private void check(String label, String path, JsonNode expect, RawHttp.Response r, CaseValues values) {
        String what = label + ": " + r.status() + " " + r.headers() + " " + r.body();
        assertTrue(r.status() > 0 && r.status() < 500, what);
        if (path.startsWith("/api") && !r.body().isEmpty()) {
            assertTrue(String.valueOf(r.header("Content-Type")).startsWith("application/json"), what);
        }
        LEAKS.forEach(leak -> assertFalse(r.body().contains(leak), what));
        JsonNode status = expect.path("status");
        if (!status.isMissingNode()) {
            Set<Integer> allowed = new HashSet<>();
            if (status.isArray()) {
                status.forEach(s -> allowed.add(s.asInt()));
            } else {
                allowed.add(status.asInt());
            }
            assertTrue(allowed.contains(r.status()), "status " + allowed + " expected: " + what);
        }
        expect.path("json").properties().forEach(e -> assertEquals(e.getValue(), json(r).get(e.getKey()), what));
        expect.path("headers").properties().forEach(e -> {
            Pattern p = Pattern.compile(values.fill(e.getValue().asText()));
            assertTrue(r.headers(e.getKey()).stream().anyMatch(v -> p.matcher(v).find()), e.getKey() + " ~ " + p + ": " + what);
        });
        expect.path("absentHeaders").forEach(h -> assertTrue(r.headers(h.asText()).isEmpty(), h.asText() + ": " + what));
        expect.path("bodyExcludes").forEach(x -> {
            String text = values.fill(x.asText());
            assertFalse(r.body().contains(text), "body must not contain " + x.asText() + ": " + what);
        });
        if (expect.has("sameBodyAs")) {
            assertEquals(bodies.get(expect.get("sameBodyAs").asText()), r.body(), what);
        }
        checkCookie(expect, r, what);
    }

    private static void checkCookie(JsonNode expect, RawHttp.Response r, String what) {
        List<String> cookies = r.headers("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).toList();
        String state = expect.path("cookie").asText("");
        if (state.isEmpty()) {
            return;
        }
        if (state.equals("none")) {
            assertTrue(cookies.isEmpty(), "no refresh Set-Cookie: " + what);
            return;
        }
        assertEquals(1, cookies.size(), "exactly one refresh Set-Cookie: " + what);
        String c = cookies.get(0);
        assertEquals(state.equals("cleared"), c.startsWith(COOKIE + "=;") && c.contains("Max-Age=0"), state + ": " + what);
        expect.path("cookieMatches").forEach(m -> assertTrue(Pattern.compile(m.asText()).matcher(c).find(), m + ": " + c));
        expect.path("cookieExcludes").forEach(m -> assertFalse(Pattern.compile(m.asText()).matcher(c).find(), m + ": " + c));
    }

    private static String cookieValue(RawHttp.Response r) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElse(null);
    }

    private String capture(String label, RawHttp.Response r, String from) {
        String v;
        if (from.equals("cookie")) {
            v = cookieValue(r);
        } else if (from.startsWith("json:")) {
            JsonNode n = json(r).get(from.substring(5));
            v = n == null ? null : n.asText();
        } else if (from.startsWith("header:")) {
            v = r.header(from.substring(7));
        } else {
            throw new AssertionError(label + ": capture from cookie, json:<field> or header:<name>, not " + from);
        }
        if (v == null || v.isEmpty()) {
            throw new AssertionError(label + ": nothing to capture from " + from + " in " + r.body());
        }
        return v;
    }

    private JsonNode json(RawHttp.Response r) {
        try {
            return mapper.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static List<RawHttp.Response> sendAtOnce(RawHttp raw, int n, String method, String path, byte[] body,
                                                     List<String> headers) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<RawHttp.Response> out = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    out.add(raw.send(method, path, body, headers));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(n, out.size(), "every parallel request was answered");
        return out;
    }
}
