package dev.keycard.core.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Failures per key in fixed windows that start at a key's first failure. Bounded: at most {@code capacity} keys,
 * kept in the order their windows started, so expired and then oldest windows are dropped first. Keys are stored
 * as SHA-256 digests, so a long key costs no more memory than a short one. Thread-safe (one lock; it is held for
 * map operations only, never during a password check).
 */
final class FailureCounts {
    private record Window(int failures, Instant start) {
    }

    private final int maxFailures;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    FailureCounts(int maxFailures, Duration window, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.capacity = capacity;
    }

    /** How long {@code key} is still refused; zero when it is not. */
    synchronized Duration blockedFor(String key, Instant now) {
        String k = digest(key);
        Window w = windows.get(k);
        if (w == null) {
            return Duration.ZERO;
        }
        Instant end = w.start().plus(window);
        if (!now.isBefore(end)) {
            windows.remove(k);
            return Duration.ZERO;
        }
        return w.failures() >= maxFailures ? Duration.between(now, end) : Duration.ZERO;
    }

    /** Counts a failure; true when it is the one that spends the key's budget. */
    synchronized boolean recordFailure(String key, Instant now) {
        String k = digest(key);
        Window w = windows.get(k);
        if (w != null && now.isBefore(w.start().plus(window))) {
            windows.put(k, new Window(w.failures() + 1, w.start()));
            return w.failures() + 1 == maxFailures;
        }
        windows.remove(k);
        windows.put(k, new Window(1, now));
        evict(now);
        return maxFailures == 1;
    }

    synchronized void clear(String key) {
        windows.remove(digest(key));
    }

    synchronized int size() {
        return windows.size();
    }

    private void evict(Instant now) {
        Iterator<Window> it = windows.values().iterator();
        while (it.hasNext()) {
            Window w = it.next();
            if (windows.size() > capacity || !now.isBefore(w.start().plus(window))) {
                it.remove();
            } else {
                return;
            }
        }
    }

    /** The form in which a key is stored: its SHA-256, Base64 without padding. */
    static String digest(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
