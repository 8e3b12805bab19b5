package dev.keycard.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long and how hard the benchmarks run. {@link #full} is what docs/BENCHMARKS.md publishes; {@link #quick}
 * checks the harness in about a minute and writes under {@code target/}.
 */
record Plan(boolean quick, int warmupSeconds, int seconds, int repeats, int threads, int connections,
            int refreshConnections, int floodConnections, int jmhForks, int jmhWarmupIterations,
            int jmhIterations, int memorySessions, int memoryRotations, Set<Integer> rows, Path out) {

    static Plan full(Set<Integer> rows) {
        return new Plan(false, 5, 10, 3, 2, 32, 8, 16, 2, 5, 5, 10_000, 1_000_000, rows, Path.of("docs"));
    }

    static Plan quick(Set<Integer> rows) {
        return new Plan(true, 1, 2, 1, 2, 32, 8, 16, 1, 1, 2, 1_000, 20_000, rows, Path.of("target/bench-quick"));
    }

    /** {@code [--quick] [--rows 1,2,...]}. */
    static Plan parse(String[] args) {
        boolean quick = false;
        Set<Integer> rows = new TreeSet<>(Set.of(1, 2, 3, 4, 5, 6));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rows" -> {
                    rows.clear();
                    for (String r : args[++i].split(",")) {
                        rows.add(Integer.parseInt(r.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("usage: [--quick] [--rows 1,2,3,4,5,6]; not " + args[i]);
            }
        }
        return quick ? quick(rows) : full(rows);
    }

    boolean runs(int row) {
        return rows.contains(row);
    }
}
