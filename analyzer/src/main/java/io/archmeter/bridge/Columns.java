package io.archmeter.bridge;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns the bridge writes for each scored candidate, in order: every numeric {@link Metric}
 * (the columns of {@code archmeter filter}: macs, flops, params, weight_bytes, act_peak_bytes,
 * act_total_bytes, rf, rf_h, …, out_c), then the receptive-field qualifiers of a graph as 0 or 1:
 *
 * <pre>
 *   column  0      1       2        …   16      17             18
 *         +------+-------+--------+---+-------+--------------+------------------+
 *         | macs | flops | params | … | out_c | rf_unaligned | rf_global_branch |
 *         +------+-------+--------+---+-------+--------------+------------------+
 * </pre>
 *
 * One candidate's columns are {@link #COUNT} consecutive longs (single scoring); a batch of n is
 * column-major, column k of row i at {@code k·n + i}, so that each column is one contiguous array
 * (a NumPy view without a copy). Every value is read from the engine's {@link MetricRecord} by
 * {@link Metric#get}: nothing is computed here.
 */
public final class Columns {
    private static final Metric[] METRICS = numericMetrics();
    /** Index of {@code rf_unaligned}. */
    public static final int RF_UNALIGNED = METRICS.length;
    /** Index of {@code rf_global_branch}. */
    public static final int RF_GLOBAL_BRANCH = METRICS.length + 1;
    /** Longs per candidate. */
    public static final int COUNT = METRICS.length + 2;

    private static final String[] NAMES = columnNames();

    private Columns() {
    }

    private static Metric[] numericMetrics() {
        List<Metric> numeric = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.isNumeric()) {
                numeric.add(m);
            }
        }
        return numeric.toArray(new Metric[0]);
    }

    private static String[] columnNames() {
        String[] n = new String[METRICS.length + 2];
        for (int k = 0; k < METRICS.length; k++) {
            n[k] = METRICS[k].column();
        }
        n[RF_UNALIGNED] = "rf_unaligned";
        n[RF_GLOBAL_BRANCH] = "rf_global_branch";
        return n;
    }

    /** The column names, in order (a copy). */
    public static String[] names() {
        return NAMES.clone();
    }

    /** Name of column {@code k}. */
    public static String name(int k) {
        return NAMES[k];
    }

    /**
     * The {@link MetricRecord} offset column {@code k} is read from, or {@link Metric#DERIVED} when it is
     * computed from several fields ({@link #get} then gives it): a batch writer's fast path.
     */
    public static int recordOffset(int k) {
        return k < METRICS.length ? METRICS[k].recordOffset() : Metric.DERIVED;
    }

    /** Column {@code k} of the {@link MetricRecord} at {@code values[o]}. */
    public static long get(long[] values, int o, int k) {
        if (k < METRICS.length) {
            return METRICS[k].get(values, o);
        }
        long flags = values[o + MetricRecord.RF_FLAGS_OFFSET];
        long bit = k == RF_UNALIGNED ? MetricRecord.RF_UNALIGNED : MetricRecord.RF_GLOBAL_BRANCH;
        return (flags & bit) != 0 ? 1 : 0;
    }
}
