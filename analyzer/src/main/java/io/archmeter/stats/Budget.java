package io.archmeter.stats;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code --budget} option: a column and its limits, {@code NAME=V1,V2,…} (rows with
 * NAME ≤ each limit) or {@code NAME>=V1,V2,…} (rows with NAME ≥ each limit, e.g. {@code rf>=224}).
 * Every limit is read as {@code filter}'s {@code --max}/{@code --min} reads it ({@link Constraint},
 * so {@link io.archmeter.io.Quantity}'s suffixes: {@code 100M}, {@code 256KiB}; metric limits whole).
 *
 * <pre>{@code
 * Budget b = Budget.parse("act_peak_bytes=256KiB,512KiB");   // limits 262144, 524288, at most
 * Budget r = Budget.parse("rf>=128,224");                     // at least
 * }</pre>
 *
 * @param name   the column
 * @param atMost true for {@code =} (≤ each limit), false for {@code >=}
 * @param limits the limits, exact, in the order given
 * @param labels the limits as written
 */
public record Budget(String name, boolean atMost, List<BigDecimal> limits, List<String> labels) {

    public Budget {
        Objects.requireNonNull(name, "name");
        limits = List.copyOf(limits);
        labels = List.copyOf(labels);
    }

    /**
     * Parses {@code NAME=V1,V2,…} or {@code NAME>=V1,V2,…}.
     *
     * @throws IllegalArgumentException for a malformed option or limit
     */
    public static Budget parse(String text) {
        int ge = text.indexOf(">=");
        int eq = text.indexOf('=');
        // NAME>=…: the first '=' is the one of '>='
        boolean atMost = !(ge >= 0 && ge == eq - 1);
        int cut = atMost ? eq : ge;
        int valuesFrom = atMost ? eq + 1 : ge + 2;
        if (cut <= 0 || valuesFrom >= text.length()) {
            throw new IllegalArgumentException("--budget '" + text + "' is not NAME=V1,V2,... or NAME>=V1,V2,..."
                    + " (e.g. --budget macs=100M,200M,400M)");
        }
        String name = text.substring(0, cut).trim();
        List<BigDecimal> limits = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Constraint.Bound bound = atMost ? Constraint.Bound.MAX : Constraint.Bound.MIN;
        for (String v : text.substring(valuesFrom).split(",", -1)) {
            try {
                Constraint c = Constraint.parse(bound, name + "=" + v.trim());
                limits.add(c.limit());
                labels.add(v.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--budget " + text + ": " + e.getMessage(), e);
            }
        }
        Metric metric = Metric.ofColumn(name);
        return new Budget(metric != null ? metric.column() : name, atMost, limits, labels);
    }

    /** The limits as keys of a column of {@code kind} (INTEGER limits must be whole). */
    public long[] keys(ValueKind kind) {
        long[] k = new long[limits.size()];
        for (int i = 0; i < k.length; i++) {
            BigDecimal l = limits.get(i);
            if (kind == ValueKind.INTEGER) {
                try {
                    k[i] = l.stripTrailingZeros().longValueExact();
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("--budget " + name + ": " + labels.get(i) + " is not a whole number", e);
                }
            } else {
                k[i] = Keys.ofDouble(l.doubleValue());
            }
        }
        return k;
    }

    /** The option as written: {@code macs=100M,200M} or {@code rf>=128,224}. */
    @Override
    public String toString() {
        return name + (atMost ? "=" : ">=") + String.join(",", labels);
    }
}
