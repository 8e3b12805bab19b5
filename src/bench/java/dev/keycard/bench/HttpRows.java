package dev.keycard.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk loads against a server in this JVM: every variant warms up once, then the repeats run in interleaved
 * rounds (A B C, A B C, ...) so that drift in the machine's load hits every variant alike. Each result also gets
 * {@code server_cpu_us}, the CPU time this JVM (the server) used during the run.
 */
final class HttpRows {
    /** A labelled load. */
    record Variant(String label, Wrk.Load load) {
    }

    private final Wrk wrk;
    private final Plan plan;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    HttpRows(Wrk wrk, Plan plan) {
        this.wrk = wrk;
        this.plan = plan;
    }

    List<Series> compare(List<Variant> variants) throws IOException, InterruptedException {
        for (Variant v : variants) {
            wrk.run(v.load(), plan.warmupSeconds());
        }
        List<List<Wrk.Result>> results = new ArrayList<>();
        variants.forEach(v -> results.add(new ArrayList<>()));
        for (int round = 0; round < plan.repeats(); round++) {
            for (int i = 0; i < variants.size(); i++) {
                long cpu = os.getProcessCpuTime();
                Wrk.Result r = wrk.run(variants.get(i).load(), plan.seconds());
                results.get(i).add(withCpu(r, os.getProcessCpuTime() - cpu));
            }
        }
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            out.add(new Series(variants.get(i).label(), wrk.shown(variants.get(i).load(), plan.seconds()),
                    results.get(i)));
        }
        return out;
    }

    /**
     * {@code probe} alone and {@code probe} while {@code flood} runs, interleaved; returns the probe alone, the
     * probe under flood, and the flood.
     */
    List<Series> underFlood(Variant probe, Variant flood) throws IOException, InterruptedException {
        wrk.run(probe.load(), plan.warmupSeconds());
        Wrk.Running warmFlood = wrk.start(flood.load(), plan.warmupSeconds());
        wrk.run(probe.load(), plan.warmupSeconds());
        warmFlood.await();
        List<Wrk.Result> alone = new ArrayList<>();
        List<Wrk.Result> flooded = new ArrayList<>();
        List<Wrk.Result> floods = new ArrayList<>();
        for (int round = 0; round < plan.repeats(); round++) {
            awaitIdle();
            long cpu = os.getProcessCpuTime();
            Wrk.Result a = wrk.run(probe.load(), plan.seconds());
            alone.add(withCpu(a, os.getProcessCpuTime() - cpu));
            cpu = os.getProcessCpuTime();
            Wrk.Running f = wrk.start(flood.load(), plan.seconds());
            Wrk.Result p = wrk.run(probe.load(), plan.seconds());
            Wrk.Result fr = f.await();
            long used = os.getProcessCpuTime() - cpu;
            flooded.add(withCpu(p, used));
            floods.add(withCpu(fr, used));
        }
        String probeCmd = wrk.shown(probe.load(), plan.seconds());
        return List.of(new Series(probe.label() + " alone", probeCmd, alone),
                new Series(probe.label() + " during the flood", probeCmd, flooded),
                new Series(flood.label(), wrk.shown(flood.load(), plan.seconds()), floods));
    }

    /**
     * Waits until the server has finished what a flood left behind (logins already accepted keep hashing after
     * wrk stops): at most 60 s, until this JVM uses less than a tenth of a core over half a second.
     */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long cpu = os.getProcessCpuTime();
            Thread.sleep(500);
            if (os.getProcessCpuTime() - cpu < 50_000_000L) {
                return;
            }
        }
    }

    private static Wrk.Result withCpu(Wrk.Result r, long cpuNanos) {
        Map<String, Long> values = new HashMap<>(r.values());
        values.put("server_cpu_us", cpuNanos / 1000);
        return new Wrk.Result(values);
    }
}
