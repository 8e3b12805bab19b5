package dev.keycard.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One variant of a row as measured: its label, the published command, and the result of every repeat. */
record Series(String label, String command, List<Wrk.Result> runs) {
    Series {
        runs = List.copyOf(runs);
    }

    double median(ToDoubleFunction<Wrk.Result> metric) {
        double[] v = runs.stream().mapToDouble(metric).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double rps() {
        return median(Wrk.Result::requestsPerSecond);
    }

    double p50() {
        return median(r -> r.ms("p50_us"));
    }

    double p99() {
        return median(r -> r.ms("p99_us"));
    }

    /** Requests that failed (non-2xx/3xx answers or socket errors) over every repeat. */
    long failures() {
        return runs.stream().mapToLong(r -> r.get("non2xx") + r.get("socket_errors")).sum();
    }
}
