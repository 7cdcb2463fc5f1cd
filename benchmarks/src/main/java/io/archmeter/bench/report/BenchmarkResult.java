package io.archmeter.bench.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result file: a benchmark method with one combination of parameters.
 *
 * @param benchmark the fully qualified method, e.g. {@code io.archmeter.bench.ScoringBenchmark.scoreAll}
 * @param mode      JMH's mode, e.g. {@code thrpt}
 * @param threads   benchmark threads
 * @param params    the {@code @Param} values, sorted by name (empty if none)
 * @param primary   the primary score
 * @param secondary secondary scores by name: {@code gc.alloc.rate.norm} with {@code -prof gc},
 *                  {@code bytes} for the aux counter of {@code ParseBenchmark}, …
 * @param jdkVersion the JDK that ran it
 * @param vmName    the VM that ran it
 */
public record BenchmarkResult(String benchmark, String mode, int threads, Map<String, String> params,
                              Score primary, Map<String, Score> secondary, String jdkVersion, String vmName) {

    public BenchmarkResult {
        params = new TreeMap<>(params);
        secondary = new TreeMap<>(secondary);
    }

    /** The class's simple name and the method, e.g. {@code ScoringBenchmark.scoreAll}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int cls = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(cls + 1);
    }

    /** The class's simple name, e.g. {@code ScoringBenchmark}. */
    public String className() {
        String s = shortName();
        return s.substring(0, s.indexOf('.'));
    }

    /** The method name, e.g. {@code scoreAll}. */
    public String method() {
        String s = shortName();
        return s.substring(s.indexOf('.') + 1);
    }

    /** A parameter's value, or {@code null}. */
    public String param(String name) {
        return params.get(name);
    }

    /** The parameters as {@code name=value} joined by spaces, or "" when none. */
    public String paramsLabel() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** Identifies the measurement across files: the short name and the parameters. */
    public String key() {
        String p = paramsLabel();
        return p.isEmpty() ? shortName() : shortName() + " [" + p + "]";
    }

    /**
     * What one JMH operation is in this suite: every benchmark reports a fixed amount of work per
     * invocation through {@code @OperationsPerInvocation}, so ops/s are candidates/s or rows/s.
     */
    public String operationUnit() {
        String cls = className();
        String per = primary.unit().endsWith("/s") ? "/s" : "";
        if (!per.isEmpty() && (cls.startsWith("CsvRead") || cls.startsWith("FilterPipeline") || cls.equals("WholeProcess"))) {
            return "rows/s";
        }
        if (!per.isEmpty() && primary.unit().equals("ops/s")) {
            return "candidates/s";
        }
        return primary.unit();
    }
}
