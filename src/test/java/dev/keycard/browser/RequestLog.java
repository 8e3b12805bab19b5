package dev.keycard.browser;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What the server saw: every {@code /api/*} request of one test server, recorded by {@link RecordingFilter} in
 * front of Keycard's own filters. This is how the browser tests count refresh requests: on the server, across
 * every tab and origin, whatever the page believes it sent. Thread-safe.
 */
final class RequestLog {
    private static final Map<String, RequestLog> LOGS = new ConcurrentHashMap<>();

    /**
     * One request: context-relative path, the bearer token sent (or null), whether a refresh cookie came, and the
     * status once answered (0 until then; {@link #awaitIdle()} first).
     */
    static final class Entry {
        final String method;
        final String path;
        final String bearer;
        final boolean refreshCookie;
        final String origin;
        private volatile int status;

        Entry(String method, String path, String bearer, boolean refreshCookie, String origin) {
            this.method = method;
            this.path = path;
            this.bearer = bearer;
            this.refreshCookie = refreshCookie;
            this.origin = origin;
        }

        boolean is(String method, String path) {
            return this.method.equals(method) && this.path.equals(path);
        }

        int status() {
            return status;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + (refreshCookie ? " (cookie)" : "");
        }
    }

    static final Predicate<Entry> REFRESH = e -> e.is("POST", "/api/auth/refresh");
    static final Predicate<Entry> PROFILE = e -> e.is("GET", "/api/profile");

    private final String id = UUID.randomUUID().toString();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private int inFlight; // guarded by this

    /** A new log, findable by the filter through {@link #id()} (an init parameter in the test web.xml). */
    static RequestLog create() {
        RequestLog log = new RequestLog();
        LOGS.put(log.id, log);
        return log;
    }

    String id() {
        return id;
    }

    void discard() {
        LOGS.remove(id);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** Entries recorded since {@code mark} (a value of {@link #size()} taken earlier) that match. */
    List<Entry> since(int mark, Predicate<Entry> which) {
        List<Entry> snapshot = List.copyOf(entries);
        return snapshot.subList(mark, snapshot.size()).stream().filter(which).toList();
    }

    /**
     * Waits until every recorded request has been answered. A request is recorded before Keycard sees it, so
     * counts are exact as soon as the browser has its answer; only the status may still be settling.
     */
    synchronized void awaitIdle() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(inFlight + " request(s) still unanswered after 5 s");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private synchronized void started(Entry e) {
        entries.add(e);
        inFlight++;
    }

    private synchronized void answered(Entry e, int status) {
        e.status = status;
        inFlight--;
        notifyAll();
    }

    List<Entry> all(Predicate<Entry> which) {
        return since(0, which);
    }

    /** The servlet filter the test web.xml declares; Tomcat creates it, {@code log-id} ties it to a log. */
    public static final class RecordingFilter implements Filter {
        private RequestLog log;

        @Override
        public void init(FilterConfig config) {
            log = Objects.requireNonNull(LOGS.get(config.getInitParameter("log-id")), "log-id");
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            String auth = req.getHeader("Authorization");
            String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            Entry entry = new Entry(req.getMethod(), path, bearer, hasRefreshCookie(req), req.getHeader("Origin"));
            log.started(entry);
            try {
                chain.doFilter(request, response);
            } finally {
                log.answered(entry, ((HttpServletResponse) response).getStatus());
            }
        }

        private static boolean hasRefreshCookie(HttpServletRequest req) {
            Cookie[] cookies = req.getCookies();
            if (cookies == null) {
                return false;
            }
            for (Cookie c : cookies) {
                if (c.getName().equals("refreshToken") && !c.getValue().isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }
}
