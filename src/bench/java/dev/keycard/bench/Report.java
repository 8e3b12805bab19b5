package dev.keycard.bench;

import static dev.keycard.bench.Fmt.count;
import static dev.keycard.bench.Fmt.fmt;
import static dev.keycard.bench.Fmt.ms;
import static dev.keycard.bench.Fmt.ns;
import static dev.keycard.bench.Fmt.num;
import static dev.keycard.bench.Fmt.ratio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects every row's results and writes {@code BENCHMARKS.md}. Each row method also fills the summary table. */
final class Report {
    /** Keycloak's published sizing guidance: one vCPU per 120 refresh token requests per second. */
    static final double KEYCLOAK_REFRESH_PER_VCPU = 120;

    private static final List<String> JMH_ORDER = List.of("keycardVerifyPath", "resolveHeader",
            "accessTokensVerify", "javaJwtVerify", "javaJwtVerifySameChecks", "issueAccessToken", "rotateInMemory");
    private static final List<String> VERIFY_PARTS = JMH_ORDER.subList(0, 5);

    private record Summary(String row, String result, String ratio, String goal) {
    }

    private final Plan plan;
    private final Machine machine;
    private final String loadAtStart;
    private final List<Summary> summary = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private final List<String> loads = new ArrayList<>();

    Report(Plan plan, Machine machine, String loadAtStart) {
        this.plan = plan;
        this.machine = machine;
        this.loadAtStart = loadAtStart;
    }

    void filterOverhead(List<Series> s) {
        Series guarded = s.get(0);
        Series open = s.get(1);
        double ratio = guarded.rps() / open.rps();
        summary.add(new Summary("1. Filter overhead", fmt(guarded.rps()) + " req/s guarded vs " + fmt(open.rps())
                + " unguarded; p99 " + ms(guarded.p99()) + " vs " + ms(open.p99()),
                ratio(ratio), "≥ 0.90: " + (ratio >= 0.90 ? "met" : "**not met**")));
        section("1. Filter overhead", """
                `GET /api/profile` with a valid access token (Keycard's JwtAuthFilter verifies it) against `GET \
                /api/health` (unguarded) on the same embedded Keycard, in the same run. Both pass the same /api \
                filters and write a small JSON body, so the difference is the filter's work: resolve the bearer \
                header, verify the HS256 token, wrap the request (and Tomcat reading the ~0.4 KB header).""");
        httpTable(s, 0);
        details.append("\nThroughput ratio guarded/unguarded (medians): **").append(ratio(ratio))
                .append("** (goal ≥ 0.90). Per round: ").append(roundRatios(guarded, open)).append(".\n");
    }

    void authentication(List<Series> s) {
        Series keycard = s.get(0);
        StringBuilder result = new StringBuilder(keycard.label() + " " + fmt(keycard.rps()) + " req/s");
        StringBuilder ratios = new StringBuilder();
        for (Series x : s.subList(1, s.size())) {
            result.append(", ").append(x.label()).append(" ").append(fmt(x.rps()));
            ratios.append(ratios.length() == 0 ? "Keycard ÷ " : "; ÷ ").append(x.label()).append(" ")
                    .append(ratio(keycard.rps() / x.rps()));
        }
        summary.add(new Summary("2. Authenticating one request", result.toString(), ratios.toString(),
                "comparison only"));
        section("2. Authenticating one request three ways", """
                One small endpoint answering `{"userId": ...}`, authenticated three ways on the same server: \
                Keycard's JWT filter (bearer header, no lookup), a Tomcat HttpSession (cookie `JSESSIONID`, \
                in-memory session manager), and an opaque session id in a cookie looked up in Redis (Lettuce, one \
                shared connection, `GET` per request; redis-server on loopback). A fourth variant with no check \
                shows what authentication costs at all. The Keycard variant is mapped under `/api` and so also \
                passes Keycard's API-headers filter.""");
        httpTable(s, 0);
    }

    void refresh(List<Series> s, String redisNote) {
        section("3. Refresh rotations over HTTP", """
                `POST /api/auth/refresh` in a loop. Each wrk thread owns one connection and one session: it logs \
                in once, then presents the refresh cookie that the previous answer set (rotation on every request; \
                a refused refresh would log in again and count as failed). Per vCPU = refreshes/s ÷ %d cores; wrk \
                runs on the same cores, so this understates the server. Per server CPU-second = refreshes ÷ CPU \
                time the server's JVM used during the run. Keycloak's published sizing guidance (Keycloak High \
                Availability guide, "Concepts for sizing CPU and memory resources") allocates one vCPU per 120 \
                refresh token requests per second; that figure is for a Keycloak cluster with TLS and its own \
                caches, so the ratio is a rough orientation, not a like-for-like race.""".formatted(machine.cores()));
        details.append("\n| store | refreshes/s | per vCPU | per server CPU-second | vs Keycloak 120/s/vCPU "
                + "| p50 ms | p99 ms | failed refreshes | refreshes/s per run |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Series x : s) {
            double rps = x.median(r -> r.perSecond("refreshed"));
            double perCpuSecond = x.median(r -> r.get("refreshed") / (r.get("server_cpu_us") / 1e6));
            double perVcpu = rps / machine.cores();
            details.append("| ").append(x.label()).append(" | ").append(fmt(rps)).append(" | ").append(fmt(perVcpu))
                    .append(" | ").append(fmt(perCpuSecond)).append(" | ")
                    .append(ratio(perVcpu / KEYCLOAK_REFRESH_PER_VCPU)).append("× | ").append(num(x.p50()))
                    .append(" | ").append(num(x.p99())).append(" | ")
                    .append(x.runs().stream().mapToLong(r -> r.get("failed")).sum()).append(" | ")
                    .append(perRun(x, r -> r.perSecond("refreshed"))).append(" |\n");
            summary.add(new Summary("3. Refresh, " + x.label(), fmt(rps) + " refreshes/s = " + fmt(perVcpu)
                    + " per vCPU", ratio(perVcpu / KEYCLOAK_REFRESH_PER_VCPU) + "× Keycloak's 120/s/vCPU",
                    "comparison only"));
        }
        if (redisNote != null) {
            details.append("| Redis | pending: ").append(redisNote).append(" | | | | | | | |\n");
            summary.add(new Summary("3. Refresh, Redis store", "pending: " + redisNote, "", ""));
        }
        commands(s);
    }

    void jmh(Map<String, JmhRow.Score> scores) {
        JmhRow.Score path = scores.get("keycardVerifyPath");
        JmhRow.Score bare = scores.get("javaJwtVerify");
        double ratio = path.median() / bare.median();
        summary.add(new Summary("4. Verify path (JMH)", ns(path.median()) + " Keycard header→principal vs "
                + ns(bare.median()) + " bare java-jwt", ratio(ratio) + "×", "≤ 1.2×: " + (ratio <= 1.2 ? "met"
                : "**not met**")));
        section("4. Token path in isolation (JMH)", """
                JMH %s, average time, one thread, %d fork(s) × (%d × 1 s warm-up, %d × 1 s measured). \
                `keycardVerifyPath` is what JwtAuthFilter does per request: the Authorization header of a real \
                Tomcat request → BearerTokenResolver → AccessTokens.verify (signature, pinned algorithm, typ, \
                iss, aud, exp/nbf, claim shapes) → KeycardPrincipal. `javaJwtVerify` is a bare java-jwt \
                `JWTVerifier.verify` (HS256, default checks) of the same token; `javaJwtVerifySameChecks` adds the \
                issuer/audience/claim checks Keycard asks java-jwt for; `resolveHeader` and `accessTokensVerify` \
                are the two halves of Keycard's path on their own. `rotateInMemory` is one refresh as the \
                refresh servlet runs it, minus HTTP: verify the refresh token, rotate the record in \
                InMemorySessionStore, sign the new refresh and access tokens.""".formatted(
                org.openjdk.jmh.util.Version.getPlainVersion(), plan.jmhForks(), plan.jmhWarmupIterations(),
                plan.jmhIterations()));
        details.append("\n| benchmark | median ns/op | mean ± 99.9% error | vs bare java-jwt verify |\n"
                + "|---|---|---|---|\n");
        for (String name : JMH_ORDER) {
            JmhRow.Score s = scores.get(name);
            if (s == null) {
                continue;
            }
            details.append("| `").append(s.name()).append("` | ").append(fmt(s.median())).append(" | ")
                    .append(fmt(s.mean())).append(Double.isNaN(s.error()) ? "" : " ± " + fmt(s.error()))
                    .append(" | ")
                    .append(VERIFY_PARTS.contains(s.name()) ? ratio(s.median() / bare.median()) + "×" : "")
                    .append(" |\n");
        }
        JmhRow.Score resolve = scores.get("resolveHeader");
        JmhRow.Score verify = scores.get("accessTokensVerify");
        details.append("\nWhere the verify path's time goes (medians): header → token (`resolveHeader`) ")
                .append(ns(resolve.median())).append(", token → claims (`accessTokensVerify`) ")
                .append(ns(verify.median())).append("; a bare java-jwt verify of the same token ")
                .append(ns(bare.median())).append(".\n");
        details.append("\nCommand (what the script runs in-process): `").append(JmhRow.command(plan)).append("`\n");
    }

    void memory(List<Map<String, Long>> points, String command) {
        section("5. Memory per live session", """
                %,d sessions in InMemorySessionStore, refreshed round-robin through Sessions.refresh %,d times in \
                total, in a JVM of its own (`-XX:+UseSerialGC`, compressed oops). At each checkpoint: heap in use \
                after repeated full GCs minus the heap before the sessions existed, and JOL's size of the store's \
                object graph (records, keys, strings, the per-user index), each divided by the number of \
                sessions.""".formatted(plan.memorySessions(), plan.memoryRotations()));
        details.append("\n| rotations | records held | heap bytes per session | JOL bytes per session |\n"
                + "|---|---|---|---|\n");
        for (Map<String, Long> p : points) {
            details.append("| ").append(count(p.get("rotations"))).append(" | ").append(count(p.get("records")))
                    .append(" | ").append(fmt((double) p.get("heap_bytes") / plan.memorySessions())).append(" | ")
                    .append(p.get("jol_bytes") < 0 ? "n/a" : fmt((double) p.get("jol_bytes") / plan.memorySessions()))
                    .append(" |\n");
        }
        Map<String, Long> mid = points.get(points.size() - 2);
        Map<String, Long> last = points.get(points.size() - 1);
        String key = last.get("jol_bytes") < 0 ? "heap_bytes" : "jol_bytes";
        double growth = (double) last.get(key) / mid.get(key) - 1;
        details.append("\nFrom ").append(count(mid.get("rotations"))).append(" to ").append(count(last.get("rotations")))
                .append(" rotations the size changed by ").append(String.format(Locale.ROOT, "%+.2f%%", growth * 100))
                .append(". The first rotation of a session adds the spent token id and rotation time to its record; "
                        + "after that a record only changes, never grows.\n\nCommand: `").append(command)
                .append("`\n");
        summary.add(new Summary("5. Memory", fmt((double) last.get(key) / plan.memorySessions())
                + " bytes per live session (" + (key.equals("jol_bytes") ? "JOL; heap after GC: "
                + fmt((double) last.get("heap_bytes") / plan.memorySessions()) : "heap after GC") + ") after "
                + count(last.get("rotations")) + " rotations over " + count(plan.memorySessions()) + " sessions",
                String.format(Locale.ROOT, "%+.2f%%", growth * 100) + " from " + count(mid.get("rotations")),
                "flat: " + (Math.abs(growth) < 0.02 ? "met" : "**not met**")));
    }

    void flood(List<Series> s, String pendingNote, String settings) {
        Series alone = s.get(0);
        Series flooded = s.get(1);
        Series flood = s.get(2);
        double ratio = flooded.p99() / alone.p99();
        section("6. Guarded GETs during a login flood", """
                `GET /api/profile` (1 wrk thread, 8 connections) alone, then the same while a second wrk sends \
                wrong-password logins for one account (%d connections) with Keycard's default Argon2id cost \
                (19 MiB, t=2). Before each round the harness waits until the server is idle again (logins already accepted \
                keep hashing after wrk stops). During the flood the server's CPU per GET includes the hashing. \
                Settings: %s.""".formatted(plan.floodConnections(), settings));
        if (pendingNote != null) {
            details.append("\n**Pending: ").append(pendingNote).append(".** The numbers below are the reference "
                    + "without that bound: every login hashes at once.\n");
        }
        httpTable(s.subList(0, 2), 0);
        details.append("\nLogin flood: ").append(fmt(flood.rps())).append(" answers/s; statuses over all runs: 401 ")
                .append(sum(flood, "s401")).append(", 429 ").append(sum(flood, "s429")).append(", 503 ")
                .append(sum(flood, "s503")).append(", other ").append(sum(flood, "other"))
                .append(". Flood command: `").append(flood.command()).append("`\n");
        summary.add(new Summary("6. Login flood", (pendingNote != null ? "pending: " + pendingNote
                + "; without the bound: " : "") + "GET p99 " + ms(flooded.p99()) + " during the flood vs "
                + ms(alone.p99()) + " alone", ratio(ratio) + "× p99", "comparison only"));
    }

    /** The machine's load average as a row starts. */
    void load(String row, String load) {
        loads.add(row + ": " + load);
    }

    void pending(String row, String needs) {
        summary.add(new Summary(row, "pending: needs " + needs, "", ""));
    }

    void failed(String row, Exception e) {
        summary.add(new Summary(row, "not measured: " + e, "", ""));
        section(row, "Not measured: `" + e + "`");
    }

    void write(Path file, String chart) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Keycard benchmarks\n\nWritten by `scripts/bench.sh`").append(plan.quick() ? " --quick" : "")
                .append(" at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("; do not edit by hand. Timing never decides a test: these numbers are published, "
                        + "not asserted.\n\n## Machine\n\n| | |\n|---|---|\n")
                .append("| CPU | ").append(machine.cores()).append(" vCPU, ").append(machine.cpu()).append(" |\n")
                .append("| memory | ").append(machine.memoryGiB()).append(" GiB |\n")
                .append("| JDK | ").append(machine.jdk()).append(" |\n")
                .append("| OS | ").append(machine.os()).append(" |\n")
                .append("| load generator | ").append(machine.wrk()).append(", on the same machine (loopback) |\n")
                .append("| Redis | ").append(machine.redis()).append(" |\n")
                .append("| load average (1/5/15 min) | ").append(loadAtStart).append(" → ").append(Machine.load())
                .append(" |\n| load average as each row started | ").append(String.join("; ", loads))
                .append(" |\n\n## Method\n\nEvery HTTP row runs against Keycard on embedded Tomcat (default "
                        + "connector settings: 200 threads, keep-alive for 100 requests) in the JVM that drives "
                        + "the run (default heap and GC), on 127.0.0.1. Each variant is "
                        + "warmed up once for ").append(plan.warmupSeconds()).append(" s; then ")
                .append(plan.repeats()).append(" rounds run every variant for ").append(plan.seconds())
                .append(" s each, interleaved (A, B, A, B, ...) so that drift in the machine's load hits every "
                        + "variant alike. Tables give the median of the rounds; ratios compare medians taken in "
                        + "the same run. Unless a row says otherwise wrk uses ").append(plan.threads())
                .append(" threads and ").append(plan.connections()).append(" connections. wrk and the server "
                        + "share the same ").append(machine.cores()).append(" cores, so absolute numbers are "
                        + "lower than on a dedicated server: read the ratios. A load average above the number of cores means "
                        + "other processes competed for the CPU as well; interleaving keeps the ratios fair, the "
                        + "absolute numbers and tail latencies suffer (the benchmark's own wrk and server threads count in the "
                        + "load average too). Failed requests (non-2xx/3xx or "
                        + "socket errors) are counted and shown.\n\n## Summary\n\n![Rows 1 to 3](")
                .append(chart).append(")\n\n| row | result (medians) | ratio | goal |\n|---|---|---|---|\n");
        for (Summary s : summary) {
            md.append("| ").append(s.row()).append(" | ").append(s.result()).append(" | ").append(s.ratio())
                    .append(" | ").append(s.goal()).append(" |\n");
        }
        md.append(details);
        Files.createDirectories(file.getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private void section(String title, String text) {
        details.append("\n## ").append(title).append("\n\n").append(text).append('\n');
    }

    private void httpTable(List<Series> s, int reference) {
        details.append("\n| variant | req/s | vs ").append(s.get(reference).label()).append(" | p50 ms | p99 ms "
                + "| server CPU µs/req | failed | req/s per run |\n|---|---|---|---|---|---|---|---|\n");
        for (Series x : s) {
            details.append("| ").append(x.label()).append(" | ").append(fmt(x.rps())).append(" | ")
                    .append(ratio(x.rps() / s.get(reference).rps())).append(" | ").append(num(x.p50()))
                    .append(" | ").append(num(x.p99())).append(" | ")
                    .append(fmt(x.median(r -> (double) r.get("server_cpu_us") / r.get("requests"))))
                    .append(" | ").append(x.failures()).append(" | ")
                    .append(perRun(x, Wrk.Result::requestsPerSecond)).append(" |\n");
        }
        commands(s);
    }

    private void commands(List<Series> s) {
        details.append("\nCommands (one round):\n\n```sh\n");
        s.stream().map(Series::command).distinct().forEach(c -> details.append(c).append('\n'));
        details.append("```\n");
    }

    private static String roundRatios(Series a, Series b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.runs().size(); i++) {
            out.add(ratio(a.runs().get(i).requestsPerSecond() / b.runs().get(i).requestsPerSecond()));
        }
        return String.join(", ", out);
    }

    private static String perRun(Series x, java.util.function.ToDoubleFunction<Wrk.Result> metric) {
        return String.join(", ", x.runs().stream().map(r -> fmt(metric.applyAsDouble(r))).toList());
    }

    private static long sum(Series s, String key) {
        return s.runs().stream().mapToLong(r -> r.get(key)).sum();
    }
}
