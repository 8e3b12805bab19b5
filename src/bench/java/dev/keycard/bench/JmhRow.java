package dev.keycard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Row 4: runs the JMH benchmarks (forked JVMs, one thread, average time) and keeps every iteration's score. */
final class JmhRow {
    static final String INCLUDE = "dev\\.keycard\\.(web\\.VerifyPath|bench\\.Session)Benchmark";

    /** One benchmark: its method name, every measured iteration (ns/op), and JMH's mean and 99.9% error. */
    record Score(String name, List<Double> iterations, double mean, double error) {
        double median() {
            double[] v = iterations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
    }

    private JmhRow() {
    }

    static String command(Plan plan) {
        return "java -cp <bench classpath> org.openjdk.jmh.Main '" + INCLUDE + "' -bm avgt -tu ns -t 1 -f "
                + plan.jmhForks() + " -wi " + plan.jmhWarmupIterations() + " -w 1s -i " + plan.jmhIterations()
                + " -r 1s";
    }

    static Map<String, Score> run(Plan plan) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(INCLUDE)
                .forks(plan.jmhForks())
                .warmupIterations(plan.jmhWarmupIterations())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(plan.jmhIterations())
                .measurementTime(TimeValue.seconds(1))
                .threads(1)
                .build();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String benchmark = r.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            List<Double> iterations = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    iterations.add(i.getPrimaryResult().getScore());
                }
            }
            scores.put(name, new Score(name, iterations, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()));
        }
        return scores;
    }
}
