package dev.keycard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk against a loopback URL with one of the Lua scripts in {@code src/bench/wrk} (each prefixed with
 * {@code common.lua}) and reads the RESULT line the script prints. Bounded: every run has a fixed duration.
 */
final class Wrk {
    /** A header sent on every request; {@code shown} replaces the value in the published command. */
    record Header(String name, String value, String shown) {
    }

    /** One load: which script, how many threads and connections, which URL. */
    record Load(String script, int threads, int connections, String url, List<Header> headers, List<String> args) {
        Load {
            headers = List.copyOf(headers);
            args = List.copyOf(args);
        }
    }

    /** What one wrk run measured. */
    record Result(Map<String, Long> values) {
        long get(String key) {
            Long v = values.get(key);
            if (v == null) {
                throw new IllegalStateException("wrk printed no " + key);
            }
            return v;
        }

        double seconds() {
            return get("duration_us") / 1e6;
        }

        double perSecond(String counter) {
            return get(counter) / seconds();
        }

        double requestsPerSecond() {
            return perSecond("requests");
        }

        double ms(String percentile) {
            return get(percentile) / 1000.0;
        }
    }

    /** A wrk run in progress. */
    final class Running {
        private final Process process;
        private final Path output;
        private final int seconds;

        private Running(Process process, Path output, int seconds) {
            this.process = process;
            this.output = output;
            this.seconds = seconds;
        }

        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("wrk did not finish; output in " + output);
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("wrk failed (exit " + process.exitValue() + "): " + out);
            }
            return parse(out);
        }
    }

    private final Path scripts;
    private final Path workDir;
    private int runs;

    Wrk(Path scripts, Path workDir) {
        this.scripts = scripts;
        this.workDir = workDir;
    }

    Result run(Load load, int seconds) throws IOException, InterruptedException {
        return start(load, seconds).await();
    }

    Running start(Load load, int seconds) throws IOException {
        Path script = workDir.resolve("wrk-" + load.script());
        Files.writeString(script, Files.readString(scripts.resolve("common.lua")) + "\n"
                + Files.readString(scripts.resolve(load.script())));
        List<String> cmd = command(load, seconds, script.toString(), false);
        Path output = workDir.resolve("wrk-" + (++runs) + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Running(p, output, seconds);
    }

    /** The command as published: script path relative to the repository, secret header values replaced. */
    String shown(Load load, int seconds) {
        List<String> cmd = command(load, seconds, "src/bench/wrk/" + load.script(), true);
        StringBuilder sb = new StringBuilder();
        for (String part : cmd) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(part.matches("[A-Za-z0-9_./:=@%-]+") ? part : "'" + part + "'");
        }
        return sb.toString();
    }

    private static List<String> command(Load load, int seconds, String script, boolean shown) {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(),
                "-d" + seconds + "s", "--timeout", "5s", "--latency", "-s", script));
        for (Header h : load.headers()) {
            cmd.add("-H");
            cmd.add(h.name() + ": " + (shown ? h.shown() : h.value()));
        }
        cmd.add(load.url());
        if (!load.args().isEmpty()) {
            cmd.add("--");
            cmd.addAll(load.args());
        }
        return cmd;
    }

    static Result parse(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Map<String, Long> values = new HashMap<>();
                for (String kv : line.substring(7).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    values.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                }
                return new Result(values);
            }
        }
        throw new IllegalStateException("wrk printed no RESULT line:\n" + output);
    }
}
