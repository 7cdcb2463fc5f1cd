package io.archmeter.engine;

/**
 * Descriptor of the fixed-stride record of one candidate's metrics in a {@code long[]}: what the
 * engine writes for each candidate it scores.
 *
 * <pre>
 *  long offset 0      1       2        3              4                5                 6      7
 *            +------+-------+--------+--------------+----------------+-----------------+------+------+
 *            | macs | flops | params | weight_bytes | act_peak_bytes | act_total_bytes | rf_h | rf_w |
 *            +------+-------+--------+--------------+----------------+-----------------+------+------+
 *              8          9          10      11      12      13      14      15         16
 *            +----------+----------+-------+-------+-------+-------+-------+----------+--------+
 *            | stride_h | stride_w | pad_h | pad_w | out_h | out_w | out_c | rf_flags | status |
 *            +----------+----------+-------+-------+-------+-------+-------+----------+--------+
 * </pre>
 *
 * <p>{@code rf_flags} qualifies the receptive field of a graph: {@link #RF_UNALIGNED} when two
 * joined paths differ in effective stride or centre (r, S, P then describe the union of their
 * fields), {@link #RF_GLOBAL_BRANCH} when a branch that sees the whole input (the gate of a
 * squeeze-excite block) was joined in and left out of r.
 *
 * <p>{@code rf_*}, {@code stride_*} and {@code pad_*} are the receptive field r, effective stride
 * S (the "jump") and effective padding P of the last spatial feature map, per axis. {@code status}
 * is {@link #STATUS_OK}, or {@link #STATUS_INVALID} when the candidate's shapes are invalid (the
 * other fields are then zero and the reason is in {@link BatchResults#error(int)}).
 */
public final class MetricRecord {
    public static final int MACS_OFFSET = 0;
    public static final int FLOPS_OFFSET = 1;
    public static final int PARAMS_OFFSET = 2;
    public static final int WEIGHT_BYTES_OFFSET = 3;
    public static final int ACT_PEAK_BYTES_OFFSET = 4;
    public static final int ACT_TOTAL_BYTES_OFFSET = 5;
    public static final int RF_H_OFFSET = 6;
    public static final int RF_W_OFFSET = 7;
    public static final int STRIDE_H_OFFSET = 8;
    public static final int STRIDE_W_OFFSET = 9;
    public static final int PAD_H_OFFSET = 10;
    public static final int PAD_W_OFFSET = 11;
    public static final int OUT_H_OFFSET = 12;
    public static final int OUT_W_OFFSET = 13;
    public static final int OUT_C_OFFSET = 14;
    public static final int RF_FLAGS_OFFSET = 15;
    public static final int STATUS_OFFSET = 16;

    /** Longs per record. */
    public static final int LENGTH = 17;

    /** {@code rf_flags} bit: joined paths differ in effective stride or centre. */
    public static final long RF_UNALIGNED = 2;
    /** {@code rf_flags} bit: a global branch (squeeze-excite) was joined in and is not counted in r. */
    public static final long RF_GLOBAL_BRANCH = 4;

    public static final long STATUS_OK = 0;
    public static final long STATUS_INVALID = 1;

    private MetricRecord() {
    }

    /** Offset of candidate {@code i}'s record. */
    public static int offset(int i) {
        return i * LENGTH;
    }

    /**
     * Checks a scored record's invariants, as far as the record alone shows them: every field but
     * the flags not negative, r ≥ 1 and S ≥ 1 on both axes, FLOPs ≥ MACs, the weight bytes a whole
     * number of bytes per parameter; nothing for an invalid record. (That the peak is at most the
     * input plus the total cannot be checked here: the input is not in the record.)
     *
     * @throws IllegalStateException naming the field that breaks an invariant
     */
    public static void validate(long[] m, int offset) {
        if (m[offset + STATUS_OFFSET] != STATUS_OK) {
            return;
        }
        for (int f = 0; f < RF_FLAGS_OFFSET; f++) {
            if (m[offset + f] < 0) {
                throw new IllegalStateException("metric field " + f + " is negative: " + m[offset + f]);
            }
        }
        if (m[offset + RF_H_OFFSET] < 1 || m[offset + RF_W_OFFSET] < 1 || m[offset + STRIDE_H_OFFSET] < 1
                || m[offset + STRIDE_W_OFFSET] < 1) {
            throw new IllegalStateException("receptive field and stride must be at least 1");
        }
        if (m[offset + FLOPS_OFFSET] < m[offset + MACS_OFFSET]) {
            throw new IllegalStateException("FLOPs " + m[offset + FLOPS_OFFSET] + " < MACs " + m[offset + MACS_OFFSET]);
        }
        final long params = m[offset + PARAMS_OFFSET];
        final long weightBytes = m[offset + WEIGHT_BYTES_OFFSET];
        if (params == 0 ? weightBytes != 0 : weightBytes % params != 0) {
            throw new IllegalStateException("weight bytes " + weightBytes + " are not a whole number of bytes per parameter ("
                    + params + " parameters)");
        }
    }
}
