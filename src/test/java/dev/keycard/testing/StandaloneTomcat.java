package dev.keycard.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A standalone Apache Tomcat run from its distribution with {@code bin/catalina.sh start} on a
 * {@link CatalinaBase}, as a separate process: started and waited for by polling {@code GET /keycard/api/health},
 * stopped gracefully with SIGTERM (Tomcat's shutdown hook; the shutdown port is disabled) or killed with SIGKILL.
 * It can be started again on the same base. Not thread-safe.
 */
public final class StandaloneTomcat implements AutoCloseable {
    /** The context path of {@code webapps/keycard.war}. */
    public static final String CONTEXT_PATH = "/keycard";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final CatalinaBase base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ProcessHandle process;

    public StandaloneTomcat(CatalinaBase base) {
        this.base = base;
    }

    public CatalinaBase base() {
        return base;
    }

    /** {@code http://127.0.0.1:<port>/keycard}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + base.port() + CONTEXT_PATH;
    }

    /** Starts Tomcat and waits until Keycard answers its health check. */
    public StandaloneTomcat start() {
        launch();
        awaitCondition("GET " + CONTEXT_PATH + "/api/health to answer 200", () -> healthStatus() == 200);
        return this;
    }

    /** Starts Tomcat and waits until it has finished deploying, whether or not Keycard started. */
    public StandaloneTomcat startExpectingFailure() {
        launch();
        awaitCondition("Tomcat to log 'Server startup in'", () -> logs().contains("Server startup in"));
        return this;
    }

    private void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Path pidFile = base.base().resolve("tomcat.pid");
        try {
            Files.deleteIfExists(pidFile);
            ProcessBuilder pb = new ProcessBuilder("bash", base.home().resolve("bin/catalina.sh").toString(), "start")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(base.base().resolve("logs/launcher.log").toFile()));
            Map<String, String> env = pb.environment();
            // only what setenv.sh exports may configure Keycard or the JVM
            env.keySet().removeIf(k -> k.startsWith("KEYCARD_") || k.startsWith("CATALINA_") || k.startsWith("JPDA_")
                    || k.endsWith("_SECRET") || k.equals("JAVA_OPTS") || k.equals("JRE_HOME"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("CATALINA_HOME", base.home().toString());
            env.put("CATALINA_BASE", base.base().toString());
            env.put("CATALINA_PID", pidFile.toString());
            Process launcher = pb.start();
            if (!launcher.waitFor(60, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
                launcher.destroyForcibly();
                throw new IllegalStateException("catalina.sh start failed; see " + base.base().resolve("logs"));
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Tomcat exited at once"));
            ProcessHandle started = process;
            // should the test JVM itself be stopped, leave no Tomcat behind
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.destroyForcibly(), "kill-tomcat-" + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Graceful stop: SIGTERM, then waits for the JVM to exit (Keycard's context is destroyed on the way). */
    public void stop() {
        end(false);
    }

    /** A crash: SIGKILL, nothing runs on the way out. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        boolean signalled = forcibly ? process.destroyForcibly() : process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Tomcat did not stop within " + STOP_TIMEOUT + " (signalled: " + signalled + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Never leaves a Tomcat behind: stops gracefully, and kills if that fails. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Status of {@code GET /keycard/api/health}, or -1 when nothing answers. */
    public int healthStatus() {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Everything Tomcat logged so far in {@code logs/} (catalina.out, catalina.*.log, localhost.*.log). */
    public String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(base.base().resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                b.append("==> ").append(f.getFileName()).append(" <==\n")
                        .append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** Log lines that are SEVERE or belong to a stack trace through Keycard's code. */
    public List<String> severeOrKeycardStackTraceLines() {
        List<String> bad = new ArrayList<>();
        for (String line : logs().split("\n")) {
            if (line.contains("SEVERE") || line.matches("\\s+at dev\\.keycard\\..*")) {
                bad.add(line);
            }
        }
        return bad;
    }

    private void awaitCondition(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("Tomcat exited while waiting for " + what + "\n" + logs());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what + "\n" + logs());
            }
            try {
                process.onExit().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still running: poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
