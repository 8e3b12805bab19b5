package dev.keycard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher as a user runs it, in its own process: it starts in demo mode on the port it reports, and what
 * Tomcat rejects before Keycard sees it (a malformed cookie header, an invalid request line) never puts the
 * request's credentials into the log.
 */
class LauncherProcessTest {
    private static final String MARKER = "eyJsecretMarker.eyJneverLogged.c2lnbmF0dXJl";
    private static final Pattern RUNNING = Pattern.compile("Keycard is running at http://localhost:(\\d+)/");

    @Test
    void launcherWhenRequestsAreMalformedThenCredentialsNeverReachTheLog() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--conf", "conf").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KEYCARD_") || k.endsWith("_SECRET") || k.equals("PORT"));
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        int[] port = new int[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        port[0] = Integer.parseInt(m.group(1));
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.start();
        try {
            assertTrue(running.await(60, TimeUnit.SECONDS), "launcher started: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("DEMO MODE")), "demo mode announced");
            send(port[0], "POST /api/auth/refresh HTTP/1.1\r\nHost: localhost\r\nCookie: refreshToken=" + MARKER
                    + " x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            send(port[0], "GET /api/profile?access_token=" + MARKER + "{ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher stopped on SIGTERM");
            reader.join(10_000);
        }
        assertFalse(lines.stream().anyMatch(l -> l.contains(MARKER)), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("\tat ")), "no stack trace: " + String.join("\n", lines));
    }

    private static void send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertEquals(true, status != null && status.startsWith("HTTP/1.1 4"), "a 4xx answer: " + status);
        }
    }
}
