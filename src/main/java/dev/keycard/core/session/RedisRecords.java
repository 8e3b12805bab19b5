package dev.keycard.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SessionRecord} is stored as a Redis hash: one field per component, times as epoch milliseconds,
 * {@code previousJti} and {@code rotatedAt} absent until the first rotation, {@code revoked} as 0 or 1. Stateless.
 */
final class RedisRecords {
    private RedisRecords() {
    }

    /** The hash as alternating field names and values. */
    static List<String> fields(SessionRecord r) {
        List<String> kv = new ArrayList<>(List.of(
                "sessionId", r.sessionId(),
                "userId", r.userId(),
                "currentJti", r.currentJti(),
                "currentIssuedAt", millis(r.currentIssuedAt()),
                "expiresAt", millis(r.expiresAt()),
                "createdAt", millis(r.createdAt()),
                "lastUsedAt", millis(r.lastUsedAt()),
                "userAgent", r.userAgent(),
                "revoked", r.revoked() ? "1" : "0"));
        if (r.previousJti() != null) {
            kv.add("previousJti");
            kv.add(r.previousJti());
        }
        if (r.rotatedAt() != null) {
            kv.add("rotatedAt");
            kv.add(millis(r.rotatedAt()));
        }
        return kv;
    }

    /** Reads a record from alternating field names and values starting at {@code from}; null when there are none. */
    static SessionRecord parse(List<?> kv, int from) {
        if (kv.size() <= from) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (int i = from; i + 1 < kv.size(); i += 2) {
            m.put(String.valueOf(kv.get(i)), String.valueOf(kv.get(i + 1)));
        }
        return parse(m);
    }

    static SessionRecord parse(Map<String, String> m) {
        if (m.isEmpty()) {
            return null;
        }
        return new SessionRecord(m.get("sessionId"), m.get("userId"), m.get("currentJti"),
                instant(m.get("currentIssuedAt")), instant(m.get("expiresAt")), m.get("previousJti"),
                instant(m.get("rotatedAt")), instant(m.get("createdAt")), instant(m.get("lastUsedAt")),
                m.get("userAgent"), "1".equals(m.get("revoked")));
    }

    static String millis(Instant t) {
        return Long.toString(t.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
