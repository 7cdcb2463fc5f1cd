package io.archmeter.engine;

/**
 * The metrics of one candidate, a reusable holder over one {@link MetricRecord}: score into it
 * again and again without allocating ({@link Engine#score(io.archmeter.encoding.CandidateBatch, int, Metrics)}).
 * Not thread-safe: one per thread.
 */
public final class Metrics {
    private final long[] v = new long[MetricRecord.LENGTH];
    private long[] scratch;

    long[] values() {
        return v;
    }

    long[] scratch() {
        return scratch;
    }

    void keepScratch(long[] s) {
        scratch = s;
    }

    /**
     * {@link MetricRecord#RF_UNALIGNED} and {@link MetricRecord#RF_GLOBAL_BRANCH} bits that qualify
     * the receptive field of a graph; 0 for a chain.
     */
    public long receptiveFieldFlags() {
        return v[MetricRecord.RF_FLAGS_OFFSET];
    }

    /** Multiply-accumulates of convolutions and fc layers, bias not counted. */
    public long macs() {
        return v[MetricRecord.MACS_OFFSET];
    }

    /** FLOPs under the engine's {@link io.archmeter.model.FlopsConvention}. */
    public long flops() {
        return v[MetricRecord.FLOPS_OFFSET];
    }

    /** Parameters, as PyTorch's {@code sum(p.numel() for p in model.parameters())}. */
    public long params() {
        return v[MetricRecord.PARAMS_OFFSET];
    }

    /** Parameters × bytes of the weight dtype: the model size, in bytes. */
    public long weightBytes() {
        return v[MetricRecord.WEIGHT_BYTES_OFFSET];
    }

    /** Largest input + output of one layer, in bytes of the activation dtype (batch 1). */
    public long activationPeakBytes() {
        return v[MetricRecord.ACT_PEAK_BYTES_OFFSET];
    }

    /** Sum of every allocated layer output, in bytes of the activation dtype (batch 1). */
    public long activationTotalBytes() {
        return v[MetricRecord.ACT_TOTAL_BYTES_OFFSET];
    }

    /** Receptive field r along the height of the last spatial map, in input pixels. */
    public long receptiveFieldH() {
        return v[MetricRecord.RF_H_OFFSET];
    }

    /** Receptive field r along the width of the last spatial map, in input pixels. */
    public long receptiveFieldW() {
        return v[MetricRecord.RF_W_OFFSET];
    }

    /** Effective stride S (jump) along the height, in input pixels. */
    public long strideH() {
        return v[MetricRecord.STRIDE_H_OFFSET];
    }

    /** Effective stride S (jump) along the width, in input pixels. */
    public long strideW() {
        return v[MetricRecord.STRIDE_W_OFFSET];
    }

    /** Effective padding P along the height, in input pixels. */
    public long padH() {
        return v[MetricRecord.PAD_H_OFFSET];
    }

    /** Effective padding P along the width, in input pixels. */
    public long padW() {
        return v[MetricRecord.PAD_W_OFFSET];
    }

    /** Height of the network's output, in elements (1 after global pooling or fc). */
    public long outHeight() {
        return v[MetricRecord.OUT_H_OFFSET];
    }

    /** Width of the network's output, in elements. */
    public long outWidth() {
        return v[MetricRecord.OUT_W_OFFSET];
    }

    /** Channels of the network's output (the classes after the last fc). */
    public long outChannels() {
        return v[MetricRecord.OUT_C_OFFSET];
    }

    /** Field {@code field} (a {@link MetricRecord} offset). */
    public long get(int field) {
        return v[field];
    }

    @Override
    public String toString() {
        return "Metrics{macs=" + macs() + ", flops=" + flops() + ", params=" + params() + ", weightBytes=" + weightBytes()
                + ", actPeakBytes=" + activationPeakBytes() + ", actTotalBytes=" + activationTotalBytes()
                + ", rf=" + receptiveFieldH() + "x" + receptiveFieldW() + ", stride=" + strideH() + "x" + strideW()
                + ", pad=" + padH() + "x" + padW() + ", out=" + outHeight() + "x" + outWidth() + "x" + outChannels() + "}";
    }
}
