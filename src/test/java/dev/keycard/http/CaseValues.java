package dev.keycard.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keycard.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of one shared case as it runs, and the placeholders of the case format (see
 * {@link SharedCasesTest}): {@code {NAME}} for a variable, {@code {NOW}}/{@code {NOW+N}}/{@code {NOW-N}} for the
 * server clock in epoch seconds, {@code {RANDOM}} for a fresh unique word, {@code {REPEAT:text:N}} and
 * {@code {TOKEN:name}} for a token built from the case's {@code tokens} section. Thread-safe.
 */
final class CaseValues {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(TOKEN:[A-Za-z0-9_./-]+|REPEAT:[^:{}]*:\\d+|NOW[+-]\\d+|[A-Z][A-Z0-9_]*)\\}");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> vars = new ConcurrentHashMap<>();
    private final JsonNode tokens;
    private final LongSupplier now;
    private final AtomicLong unique = new AtomicLong();

    CaseValues(JsonNode tokens, LongSupplier now) {
        this.tokens = tokens;
        this.now = now;
    }

    void put(String name, String value) {
        vars.put(name, value);
    }

    /** {@code text} with every placeholder replaced; an unknown one fails the case. */
    String fill(String text) {
        String current = text;
        for (int pass = 0; pass < 3; pass++) {
            Matcher m = PLACEHOLDER.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
                changed = true;
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private String value(String name) {
        if (name.startsWith("TOKEN:")) {
            return token(name.substring(6));
        }
        if (name.startsWith("REPEAT:")) {
            int last = name.lastIndexOf(':');
            return name.substring(7, last).repeat(Integer.parseInt(name.substring(last + 1)));
        }
        if (name.equals("NOW")) {
            return Long.toString(now.getAsLong());
        }
        if (name.startsWith("NOW")) {
            return Long.toString(now.getAsLong() + Long.parseLong(name.substring(3).replace("+", "")));
        }
        if (name.equals("RANDOM")) {
            return "r" + System.nanoTime() + "x" + unique.incrementAndGet();
        }
        String v = vars.get(name);
        if (v == null) {
            throw new AssertionError("unknown placeholder {" + name + "}");
        }
        return v;
    }

    private String token(String name) {
        JsonNode def = tokens.get(name);
        if (def == null) {
            throw new AssertionError("no token named " + name + " in the case's tokens section");
        }
        String header = segment(def, "header", 0);
        String payload = segment(def, "payload", 1);
        if (def.path("cutPayloadChar").asBoolean(false)) {
            int mid = payload.length() / 2;
            payload = payload.substring(0, mid) + payload.substring(mid + 1);
        }
        if (def.has("insertInPayload")) {
            int mid = payload.length() / 2;
            payload = payload.substring(0, mid) + fill(def.get("insertInPayload").asText()) + payload.substring(mid);
        }
        String input = header + "." + payload;
        String signature = switch (def.path("sign").asText("")) {
            case "ACCESS" -> Jwts.signature(input, TestServer.ACCESS_SECRET);
            case "REFRESH" -> Jwts.signature(input, TestServer.REFRESH_SECRET);
            case "WRONG" -> Jwts.signature(input, "a-wrong-secret-0123456789-abcdefghijklmnop");
            case "" -> fill(def.path("signature").asText(""));
            default -> {
                String sign = def.get("sign").asText();
                if (!sign.startsWith("KEEP:@")) {
                    throw new AssertionError("sign must be ACCESS, REFRESH, WRONG or KEEP:@VAR, not " + sign);
                }
                yield value(sign.substring(6)).split("\\.")[2];
            }
        };
        String token = def.path("twoSegments").asBoolean(false) ? input : input + "." + signature;
        return token + fill(def.path("suffix").asText(""));
    }

    /** A header or payload segment: a literal {@code <part>Segment}, or JSON text / {@code @VAR} with changes. */
    private String segment(JsonNode def, String part, int index) {
        if (def.has(part + "Segment")) {
            return fill(def.get(part + "Segment").asText());
        }
        String source = def.path(part).asText("");
        String json = source.startsWith("@") ? Jwts.segmentJson(value(source.substring(1)), index) : fill(source);
        JsonNode set = def.path(part.equals("payload") ? "set" : "setHeader");
        JsonNode remove = def.path(part.equals("payload") ? "remove" : "removeHeader");
        if (set.isObject() || remove.isArray()) {
            ObjectNode obj = (ObjectNode) read(json);
            for (JsonNode r : remove) {
                obj.remove(r.asText());
            }
            for (Map.Entry<String, JsonNode> e : set.properties()) {
                obj.set(e.getKey(), read(fill(e.getValue().asText())));
            }
            json = Jwts.json(obj);
        }
        return Jwts.b64(json);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON in a case: " + json, e);
        }
    }
}
