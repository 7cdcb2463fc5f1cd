package io.archmeter.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** The results of one run, with the look-ups the report needs. */
public final class ResultSet {
    private final List<BenchmarkResult> results;

    public ResultSet(List<BenchmarkResult> results) {
        this.results = List.copyOf(results);
    }

    public List<BenchmarkResult> all() {
        return results;
    }

    /**
     * The result of {@code shortName} (e.g. {@code ScoringBenchmark.scoreAll}) whose parameters
     * include all of {@code params}.
     */
    public Optional<BenchmarkResult> find(String shortName, Map<String, String> params) {
        for (BenchmarkResult r : results) {
            if (r.shortName().equals(shortName) && r.params().entrySet().containsAll(params.entrySet())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The primary score of {@link #find}, or NaN. */
    public double score(String shortName, Map<String, String> params) {
        return find(shortName, params).map(r -> r.primary().value()).orElse(Double.NaN);
    }

    /** Every result of {@code shortName}, in file order. */
    public List<BenchmarkResult> of(String shortName) {
        List<BenchmarkResult> list = new ArrayList<>();
        for (BenchmarkResult r : results) {
            if (r.shortName().equals(shortName)) {
                list.add(r);
            }
        }
        return list;
    }

    /** True if any result's class name starts with {@code prefix}. */
    public boolean hasClass(String prefix) {
        return results.stream().anyMatch(r -> r.className().startsWith(prefix));
    }

    /** The distinct integer values of parameter {@code name} among {@code shortName}'s results, ascending. */
    public List<Integer> intParams(String shortName, String name) {
        return distinct(shortName, name, Integer::valueOf);
    }

    /** The distinct values of parameter {@code name} among {@code shortName}'s results, sorted. */
    public List<String> params(String shortName, String name) {
        return distinct(shortName, name, Function.identity());
    }

    private <T extends Comparable<T>> List<T> distinct(String shortName, String name, Function<String, T> parse) {
        TreeSet<T> values = new TreeSet<>();
        for (BenchmarkResult r : of(shortName)) {
            String v = r.param(name);
            if (v != null) {
                values.add(parse.apply(v));
            }
        }
        return new ArrayList<>(values);
    }
}
