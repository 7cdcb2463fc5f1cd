package io.archmeter.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the file JMH writes with {@code -rf json -rff FILE}: a JSON array of results. */
public final class ResultsFile {
    private ResultsFile() {
    }

    public static List<BenchmarkResult> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The results in {@code json}, in file order. */
    @SuppressWarnings("unchecked")
    public static List<BenchmarkResult> parse(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException("a JMH result file is a JSON array, this one is not");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (Object e : entries) {
            Map<String, Object> entry = (Map<String, Object>) e;
            Map<String, String> params = new LinkedHashMap<>();
            Object p = entry.get("params");
            if (p instanceof Map<?, ?> map) {
                map.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            }
            Map<String, Score> secondary = new LinkedHashMap<>();
            Object s = entry.get("secondaryMetrics");
            if (s instanceof Map<?, ?> map) {
                map.forEach((k, v) -> secondary.put(String.valueOf(k), score((Map<String, Object>) v)));
            }
            results.add(new BenchmarkResult(
                    String.valueOf(entry.get("benchmark")),
                    String.valueOf(entry.getOrDefault("mode", "")),
                    (int) Json.number(entry.getOrDefault("threads", 1.0)),
                    params,
                    score((Map<String, Object>) entry.get("primaryMetric")),
                    secondary,
                    String.valueOf(entry.getOrDefault("jdkVersion", "?")),
                    String.valueOf(entry.getOrDefault("vmName", "?"))));
        }
        return results;
    }

    private static Score score(Map<String, Object> metric) {
        if (metric == null) {
            return new Score(Double.NaN, Double.NaN, "?");
        }
        return new Score(Json.number(metric.get("score")), Json.number(metric.get("scoreError")),
                String.valueOf(metric.getOrDefault("scoreUnit", "?")));
    }
}
