package dev.keycard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@code redis-server} process for tests: started on a free port of 127.0.0.1 with no persistence, in a
 * temporary folder, and destroyed by {@link #close()}. {@link #stop()} and {@link #start()} take it down and bring it
 * back (empty) on the same port, to simulate an outage. Fails, never skips, when {@code redis-server} is missing.
 * Readiness is Redis's own "Ready to accept connections" line followed by a successful TCP connect. Not thread-safe.
 */
public final class RedisServer implements AutoCloseable {
    private static final String EXECUTABLE = "redis-server";
    private static final long START_TIMEOUT_SECONDS = 15;

    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts redis-server on a free port, trying another port if the chosen one is taken meanwhile. */
    public static RedisServer start(Path dir) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            try {
                return new RedisServer(dir, port, launch(dir, port));
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>/0}, the value for {@code keycard.redis.uri}. */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Kills the process at once, as a crash would (Redis loses all data: nothing is persisted). */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-server did not exit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping redis-server", e);
            }
            process = null;
        }
    }

    /** Freezes the process (SIGSTOP): connections stay open but nothing answers, like a hung server. */
    public void freeze() {
        signal("-STOP");
    }

    /** Lets a frozen process run again (SIGCONT). */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the process again on the same port, empty; returns once it accepts connections. */
    public void start() {
        if (process == null) {
            process = launch(dir, port);
        }
    }

    /** Deletes every key, so each test starts from an empty Redis. */
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!"+OK".equals(reply)) {
            throw new IllegalStateException("FLUSHALL answered " + reply);
        }
    }

    /**
     * Sends one command over a fresh connection and returns the first line of the reply as Redis wrote it, e.g.
     * {@code +OK} or {@code :42} (for a bulk string, the string itself); enough to check integers and statuses.
     */
    public String command(String... args) {
        StringBuilder resp = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            resp.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            return first != null && first.startsWith("$") && !first.equals("$-1") ? in.readLine() : first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Process launch(Path dir, int port) {
        Process p;
        try {
            Files.createDirectories(dir);
            p = new ProcessBuilder(List.of(EXECUTABLE, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no"))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("redis-server is needed for these tests and could not be started "
                    + "(install it: apt-get install -y redis-server): " + e.getMessage(), e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> watch(p.getInputStream(), ready), "redis-server-" + port + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            return p;
        } catch (ExecutionException | TimeoutException | IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("redis-server did not start on port " + port, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }

    /** Completes {@code ready} on Redis's readiness line, or exceptionally if the process ends first. */
    private static void watch(InputStream output, CompletableFuture<Void> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.contains("Ready to accept connections")) {
                    ready.complete(null);
                } else if (!ready.isDone()) {
                    log.append(line).append('\n');
                }
            }
            ready.completeExceptionally(new IllegalStateException("redis-server exited:\n" + log));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
