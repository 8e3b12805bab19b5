package dev.keycard.bench;

import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.Setting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every benchmark row and writes {@code BENCHMARKS.md} and {@code benchmarks.png}; run from the repository
 * root by {@code scripts/bench.sh}. Rows that need a feature Keycard does not have yet are reported as pending and
 * fill in by themselves once it exists. All load stays on 127.0.0.1 and every run is bounded in time.
 */
public final class Benchmarks {
    private static final String HASH_BOUND = "keycard.login.maxConcurrentHashes";
    private static final String REDIS_STORE = "keycard.store";

    private final Plan plan;
    private final Path work;
    private final Report report;
    private final HttpRows http;
    private final Wrk wrk;
    private final List<Chart.Panel> panels = new ArrayList<>();

    private Benchmarks(Plan plan, Path work) {
        this.plan = plan;
        this.work = work;
        this.report = new Report(plan, Machine.describe(), Machine.load());
        this.wrk = new Wrk(Path.of("src/bench/wrk"), work);
        this.http = new HttpRows(wrk, plan);
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.parse(args);
        Logger.getLogger("").setLevel(Level.WARNING);
        Path work = Files.createDirectories(Path.of("target/bench"));
        new Benchmarks(plan, work).run();
    }

    private void run() throws Exception {
        try (RedisProcess redis = RedisProcess.startIfInstalled(work)) {
            RedisClient client = redis == null ? null : RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = client == null ? null : client.connect()) {
                RedisCommands<String, String> commands = connection == null ? null : connection.sync();
                if (plan.runs(1) || plan.runs(2) || plan.runs(3)) {
                    try (BenchServer server = BenchServer.start(work.resolve("server"), BenchUsers.CHEAP, Map.of(),
                            commands)) {
                        row("1. Filter overhead", 1, () -> filterOverhead(server));
                        row("2. Authenticating one request", 2, () -> authentication(server, commands));
                        row("3. Refresh rotations", 3, () -> refresh(server, redis));
                    }
                }
            } finally {
                if (client != null) {
                    client.shutdown();
                }
            }
        }
        row("4. Verify path (JMH)", 4, () -> report.jmh(JmhRow.run(plan)));
        row("5. Memory", 5, this::memory);
        row("6. Login flood", 6, this::loginFlood);
        Path chart = plan.out().resolve("benchmarks.png");
        if (!panels.isEmpty()) {
            Chart.write(chart, panels);
        }
        Path md = plan.out().resolve("BENCHMARKS.md");
        report.write(md, chart.getFileName().toString());
        System.out.println("Wrote " + md + " and " + chart);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs one row; a failure is reported in its place and the other rows still run. */
    private void row(String name, int number, Step step) {
        if (!plan.runs(number)) {
            return;
        }
        String load = Machine.load();
        System.out.println("== " + name + " (load average " + load + ")");
        report.load(name, load);
        try {
            step.run();
        } catch (Exception e) {
            e.printStackTrace();
            report.failed(name, e);
        }
    }

    private void filterOverhead(BenchServer server) throws Exception {
        Wrk.Header bearer = bearer(server);
        List<Series> s = http.compare(List.of(
                get("GET /api/profile (guarded)", server.url("/api/profile"), bearer),
                get("GET /api/health (unguarded)", server.url("/api/health"), null)));
        report.filterOverhead(s);
        panels.add(new Chart.Panel("1. Filter overhead", "requests/s (median)", List.of(
                new Chart.Bar("guarded /api/profile", s.get(0).rps(), true),
                new Chart.Bar("unguarded /api/health", s.get(1).rps(), false)),
                "ratio " + String.format("%.2f", s.get(0).rps() / s.get(1).rps()) + " (goal ≥ 0.90)"));
    }

    private void authentication(BenchServer server, RedisCommands<String, String> redis) throws Exception {
        List<HttpRows.Variant> variants = new ArrayList<>();
        variants.add(get("Keycard JWT", server.url("/api/bench/whoami"), bearer(server)));
        variants.add(get("Tomcat HttpSession", server.url("/bench/session/whoami"),
                new Wrk.Header("Cookie", server.httpSessionCookie(), "JSESSIONID=<session id>")));
        if (redis != null) {
            String sid = new IdGenerator(new SecureRandom()).next();
            redis.set(Identities.REDIS_PREFIX + sid, BenchUsers.USER_ID, SetArgs.Builder.ex(3600));
            variants.add(get("Redis session id", server.url("/bench/redis/whoami"),
                    new Wrk.Header("Cookie", Identities.REDIS_COOKIE + "=" + sid, "sid=<opaque id>")));
        }
        variants.add(get("no check", server.url("/bench/open/whoami"), null));
        List<Series> s = http.compare(variants);
        report.authentication(s);
        if (redis == null) {
            report.pending("2. Redis variant", "redis-server installed");
        }
        List<Chart.Bar> bars = new ArrayList<>();
        s.forEach(x -> bars.add(new Chart.Bar(x.label(), x.rps(), x.label().startsWith("Keycard"))));
        panels.add(new Chart.Panel("2. One request, authenticated", "requests/s (median)", bars,
                "same endpoint and server; only the authentication differs"));
    }

    private void refresh(BenchServer memoryServer, RedisProcess redis) throws Exception {
        List<HttpRows.Variant> variants = new ArrayList<>();
        variants.add(refreshLoad("in-memory store", memoryServer));
        String redisNote = null;
        BenchServer redisServer = null;
        if (Setting.byKey(REDIS_STORE) == null) {
            redisNote = "needs the Redis session store (" + REDIS_STORE + "=redis)";
        } else if (redis == null) {
            redisNote = "needs redis-server installed";
        } else {
            redisServer = BenchServer.start(work.resolve("server-redis"), BenchUsers.CHEAP,
                    Map.of(REDIS_STORE, "redis", "keycard.redis.uri", redis.uri()), null);
            variants.add(refreshLoad("Redis store", redisServer));
        }
        try {
            List<Series> s = http.compare(variants);
            report.refresh(s, redisNote);
            int cores = Runtime.getRuntime().availableProcessors();
            List<Chart.Bar> bars = new ArrayList<>();
            s.forEach(x -> bars.add(new Chart.Bar("Keycard, " + x.label(),
                    x.median(r -> r.perSecond("refreshed")) / cores, true)));
            if (redisNote != null) {
                bars.add(new Chart.Bar("Keycard, Redis store", Double.NaN, true));
            }
            bars.add(new Chart.Bar("Keycloak sizing guidance", Report.KEYCLOAK_REFRESH_PER_VCPU, false));
            panels.add(new Chart.Panel("3. Refresh rotations", "refreshes/s per vCPU (median)", bars,
                    "per vCPU = total ÷ " + cores + " cores shared with the load generator"));
        } finally {
            if (redisServer != null) {
                redisServer.close();
            }
        }
    }

    private void loginFlood() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        // Let the flood through the failure throttle so that it reaches the bound on concurrent hashing.
        putIfKnown(settings, "keycard.login.maxFailuresPerAccount", "1000000");
        putIfKnown(settings, "keycard.login.maxFailuresPerClient", "1000000");
        String pending = Setting.byKey(HASH_BOUND) == null
                ? "needs the bound on concurrent password hashing (" + HASH_BOUND + ")" : null;
        try (BenchServer server = BenchServer.start(work.resolve("server-flood"), BenchUsers.DEFAULT, settings,
                null)) {
            Wrk.Header bearer = bearer(server);
            HttpRows.Variant probe = new HttpRows.Variant("GET /api/profile", new Wrk.Load("get.lua", 1, 8,
                    server.url("/api/profile"), List.of(bearer), List.of()));
            HttpRows.Variant flood = new HttpRows.Variant("wrong-password login flood", new Wrk.Load(
                    "login-flood.lua", 1, plan.floodConnections(), server.url("/api/login"), List.of(),
                    List.of(BenchUsers.EMAIL)));
            report.flood(http.underFlood(probe, flood), pending, settings.isEmpty()
                    ? "Keycard's defaults" : settings + ", the rest Keycard's defaults");
        }
    }

    private static void putIfKnown(Map<String, String> settings, String key, String value) {
        if (Setting.byKey(key) != null) {
            settings.put(key, value);
        }
    }

    private void memory() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx2g", "-Djdk.attach.allowAttachSelf=true", "-cp", System.getProperty("java.class.path"),
                SessionMemory.class.getName(), Integer.toString(plan.memorySessions()),
                Integer.toString(plan.memoryRotations()));
        Path out = work.resolve("memory.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("the memory benchmark failed; see " + out);
        }
        List<Map<String, Long>> points = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("RESULT ")) {
                points.add(new HashMap<>(Wrk.parse(line).values()));
            }
        }
        report.memory(points, "java -XX:+UseSerialGC -Xmx2g -Djdk.attach.allowAttachSelf=true -cp <bench classpath> " + SessionMemory.class.getName()
                + " " + plan.memorySessions() + " " + plan.memoryRotations());
    }

    private HttpRows.Variant get(String label, String url, Wrk.Header header) {
        return new HttpRows.Variant(label, new Wrk.Load("get.lua", plan.threads(), plan.connections(), url,
                header == null ? List.of() : List.of(header), List.of()));
    }

    private HttpRows.Variant refreshLoad(String label, BenchServer server) {
        return new HttpRows.Variant(label, new Wrk.Load("refresh.lua", plan.refreshConnections(),
                plan.refreshConnections(), server.url("/"), List.of(), List.of(BenchUsers.EMAIL, BenchUsers.PASSWORD)));
    }

    private static Wrk.Header bearer(BenchServer server) throws IOException, InterruptedException {
        return new Wrk.Header("Authorization", "Bearer " + server.accessToken(), "Bearer <access token>");
    }
}
