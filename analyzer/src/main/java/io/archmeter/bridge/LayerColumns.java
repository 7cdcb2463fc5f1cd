package io.archmeter.bridge;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchFormatter;

/**
 * The per-layer columns of {@link ScoringSession#trace}: a {@link LayerTable} flattened into arrays
 * a caller in another language reads in one crossing each. The names are those of
 * {@code archmeter summary --format json}; the values come from the engine's
 * {@link LayerMetricsRecord}s unchanged.
 */
final class LayerColumns {
    private static final String[] NAMES = {
        "out_h", "out_w", "out_c", "rf_h", "rf_w", "stride_h", "stride_w", "pad_h", "pad_w",
        "macs", "flops", "params", "act_bytes", "global", "rf_unaligned", "rf_global_branch"};
    private static final int[] FIELDS = {
        LayerMetricsRecord.OUT_H_OFFSET, LayerMetricsRecord.OUT_W_OFFSET, LayerMetricsRecord.OUT_C_OFFSET,
        LayerMetricsRecord.RF_H_OFFSET, LayerMetricsRecord.RF_W_OFFSET, LayerMetricsRecord.STRIDE_H_OFFSET,
        LayerMetricsRecord.STRIDE_W_OFFSET, LayerMetricsRecord.PAD_H_OFFSET, LayerMetricsRecord.PAD_W_OFFSET,
        LayerMetricsRecord.MACS_OFFSET, LayerMetricsRecord.FLOPS_OFFSET, LayerMetricsRecord.PARAMS_OFFSET,
        LayerMetricsRecord.ACT_BYTES_OFFSET, LayerMetricsRecord.GLOBAL_OFFSET};

    private LayerColumns() {
    }

    /** True for the yes/no columns: global, rf_unaligned, rf_global_branch. */
    static boolean isFlag(int k) {
        return k >= FIELDS.length - 1;
    }

    static String[] names() {
        return NAMES.clone();
    }

    /** layers × {@link #names()} longs, row-major. */
    static long[] values(LayerTable t) {
        final int n = NAMES.length;
        long[] v = new long[t.size() * n];
        for (int j = 0; j < t.size(); j++) {
            for (int k = 0; k < FIELDS.length; k++) {
                v[j * n + k] = t.get(j, FIELDS[k]);
            }
            long flags = t.get(j, LayerMetricsRecord.RF_FLAGS_OFFSET);
            v[j * n + FIELDS.length] = (flags & MetricRecord.RF_UNALIGNED) != 0 ? 1 : 0;
            v[j * n + FIELDS.length + 1] = (flags & MetricRecord.RF_GLOBAL_BRANCH) != 0 ? 1 : 0;
        }
        return v;
    }

    static String[] tokens(LayerTable t) {
        int[] records = t.records();
        String[] s = new String[t.size()];
        for (int j = 0; j < s.length; j++) {
            s[j] = ArchFormatter.token(records, LayerRecord.offset(j));
        }
        return s;
    }

    /** Per layer, the 1-based layers its inputs come from (0: the network input; -1: no second input). */
    static int[] inputs(LayerTable t) {
        int[] in = new int[2 * t.size()];
        for (int j = 0; j < t.size(); j++) {
            int in0 = t.record(j, LayerRecord.IN0_OFFSET);
            int in1 = t.record(j, LayerRecord.IN1_OFFSET);
            // layer j + 1 (1-based) reads the layer `back` places before it
            in[2 * j] = j + 1 - in0;
            in[2 * j + 1] = in1 == LayerRecord.NO_INPUT ? -1 : j + 1 - in1;
        }
        return in;
    }
}
