package io.archmeter.engine;

/**
 * Descriptor of the per-layer record the engine writes when asked for a trace (the table of
 * {@code archmeter summary}): one fixed-stride run of longs per layer.
 *
 * <pre>
 *  long offset 0       1       2       3      4      5          6          7       8
 *            +-------+-------+-------+------+------+----------+----------+-------+-------+
 *            | out_h | out_w | out_c | rf_h | rf_w | stride_h | stride_w | pad_h | pad_w |
 *            +-------+-------+-------+------+------+----------+----------+-------+-------+
 *              9      10      11       12          13       14         15
 *            +------+-------+--------+-----------+--------+----------+------------+
 *            | macs | flops | params | act_bytes | global | rf_flags | live_bytes |
 *            +------+-------+--------+-----------+--------+----------+------------+
 * </pre>
 *
 * <p>{@code act_bytes} is the size of the tensor the layer allocates (0 for in-place layers).
 * {@code global} is 1 for a layer that sees the whole input (global pooling, flatten, fully
 * connected and everything after them); its r, S and P are those of the last spatial map.
 * {@code rf_flags} are the {@link MetricRecord#RF_UNALIGNED} and {@link MetricRecord#RF_GLOBAL_BRANCH}
 * bits of the layer's output. {@code live_bytes} is what is alive while the layer allocates its
 * output: its input and output in a chain; in a graph every tensor still needed, the output
 * included (0 for in-place layers). The activation peak is the largest of them, or the input
 * alone when no layer allocates; the first layer whose {@code live_bytes} equals the peak is
 * where the peak occurs.
 */
public final class LayerMetricsRecord {
    public static final int OUT_H_OFFSET = 0;
    public static final int OUT_W_OFFSET = 1;
    public static final int OUT_C_OFFSET = 2;
    public static final int RF_H_OFFSET = 3;
    public static final int RF_W_OFFSET = 4;
    public static final int STRIDE_H_OFFSET = 5;
    public static final int STRIDE_W_OFFSET = 6;
    public static final int PAD_H_OFFSET = 7;
    public static final int PAD_W_OFFSET = 8;
    public static final int MACS_OFFSET = 9;
    public static final int FLOPS_OFFSET = 10;
    public static final int PARAMS_OFFSET = 11;
    public static final int ACT_BYTES_OFFSET = 12;
    public static final int GLOBAL_OFFSET = 13;
    public static final int RF_FLAGS_OFFSET = 14;
    public static final int LIVE_BYTES_OFFSET = 15;

    /** Longs per layer. */
    public static final int LENGTH = 16;

    private LayerMetricsRecord() {
    }

    /** Offset of layer {@code j}'s record. */
    public static int offset(int j) {
        return j * LENGTH;
    }
}
