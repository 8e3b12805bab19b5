package dev.keycard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/** What the numbers were taken on, and how busy the machine was. */
record Machine(int cores, String cpu, long memoryGiB, String jdk, String os, String wrk, String redis) {

    static Machine describe() {
        String cpu = "unknown CPU";
        long memKiB = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the defaults
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, Math.round(memKiB / 1048576.0),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                firstLine("wrk", "-v"), firstLine("redis-server", "--version"));
    }

    /** {@code /proc/loadavg}'s three averages and the time, e.g. "1.52 1.20 0.90 at 14:35:02Z". */
    static String load() {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " at " + time;
        } catch (IOException e) {
            return "unknown at " + time;
        }
    }

    private static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            String line = out.isEmpty() ? "" : out.lines().findFirst().orElse("");
            return line.replaceAll("Copyright.*", "").trim();
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
