package io.archmeter.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference, per benchmark and parameters, between two result files: B's score against A's
 * in percent (positive = B is faster, every score here being a throughput). A change smaller than
 * the two errors together is marked {@code ~} (within noise); results present in one file only
 * are listed as such.
 */
public final class ResultComparison {
    private ResultComparison() {
    }

    /** The comparison as a fixed-width text table. */
    public static String compare(List<BenchmarkResult> a, List<BenchmarkResult> b, String nameA, String nameB) {
        Map<String, BenchmarkResult> before = byKey(a);
        Map<String, BenchmarkResult> after = byKey(b);
        int width = 20;
        for (String k : before.keySet()) {
            width = Math.max(width, k.length());
        }
        for (String k : after.keySet()) {
            width = Math.max(width, k.length());
        }
        StringBuilder out = new StringBuilder();
        out.append("A = ").append(nameA).append('\n').append("B = ").append(nameB).append('\n');
        String row = "%-" + width + "s  %16s  %16s  %9s  %s%n";
        out.append(String.format(Locale.ROOT, row, "benchmark", "A", "B", "B vs A", ""));
        for (Map.Entry<String, BenchmarkResult> e : before.entrySet()) {
            BenchmarkResult ra = e.getValue();
            BenchmarkResult rb = after.get(e.getKey());
            if (rb == null) {
                out.append(String.format(Locale.ROOT, row, e.getKey(), Formats.number(ra.primary().value()), "-", "", "only in A"));
                continue;
            }
            double va = ra.primary().value();
            double vb = rb.primary().value();
            double change = (vb - va) / va;
            double noise = nanToZero(ra.primary().error()) + nanToZero(rb.primary().error());
            String mark = Math.abs(vb - va) <= noise ? "~ within error" : "";
            out.append(String.format(Locale.ROOT, row, e.getKey(), Formats.number(va), Formats.number(vb),
                    String.format(Locale.ROOT, "%+.1f%%", 100 * change), mark));
        }
        for (Map.Entry<String, BenchmarkResult> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                out.append(String.format(Locale.ROOT, row, e.getKey(), "-", Formats.number(e.getValue().primary().value()), "", "only in B"));
            }
        }
        return out.toString();
    }

    /** The percentage change of B over A for each key both files have. */
    public static Map<String, Double> changes(List<BenchmarkResult> a, List<BenchmarkResult> b) {
        Map<String, BenchmarkResult> after = byKey(b);
        Map<String, Double> changes = new LinkedHashMap<>();
        byKey(a).forEach((k, ra) -> {
            BenchmarkResult rb = after.get(k);
            if (rb != null) {
                changes.put(k, 100 * (rb.primary().value() - ra.primary().value()) / ra.primary().value());
            }
        });
        return changes;
    }

    private static Map<String, BenchmarkResult> byKey(List<BenchmarkResult> results) {
        Map<String, BenchmarkResult> map = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            map.put(r.key(), r);
        }
        return map;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
