package dev.keycard.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket that sends header lines exactly as given (repeated names, odd
 * spacing, tabs, non-ASCII bytes, oversize values), for the hostile inputs a well-behaved client library would
 * refuse to send or would normalise. One request per connection ({@code Connection: close}). Thread-safe.
 */
final class RawHttp {
    private final String host;
    private final int port;
    private final String contextPath;

    RawHttp(String baseUrl) {
        URI u = URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort();
        this.contextPath = u.getRawPath() == null ? "" : u.getRawPath();
    }

    /** A response; {@code status} is -1 when the server closed or reset the connection without answering. */
    record Response(int status, List<Map.Entry<String, String>> headers, String body) {
        List<String> headers(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        String header(String name) {
            List<String> v = headers(name);
            return v.isEmpty() ? null : v.get(0);
        }
    }

    /**
     * Sends {@code method path} with {@code headerLines} ("Name: value", sent verbatim as ISO-8859-1) and a body,
     * with a Content-Length unless a Transfer-Encoding line is given (then the body is sent as already encoded).
     */
    Response send(String method, String path, byte[] body, List<String> headerLines) {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(contextPath).append(path)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        boolean chunkedBody = headerLines.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:"));
        if (body != null && !chunkedBody) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        req.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            req.writeBytes(body);
        }
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(req.toByteArray());
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before reading everything: read what it said
            }
            byte[] raw;
            try (InputStream in = s.getInputStream()) {
                raw = readAll(in);
            }
            return parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path, String... headerLines) {
        return send("GET", path, null, List.of(headerLines));
    }

    Response post(String path, byte[] body, String... headerLines) {
        return send("POST", path, body, List.of(headerLines));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                b.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the answer: keep what arrived
        }
        return b.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, List.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            chunked |= name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked");
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Response(status, List.copyOf(headers),
                new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(body, lineEnd + 2, n);
            i = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
