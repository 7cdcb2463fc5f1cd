package io.archmeter.bench.baseline;

import io.archmeter.engine.MetricRecord;

/**
 * The metrics of one candidate as the object baseline returns them: one object per candidate.
 * {@link #toRecord()} lays them out as the engine's {@link MetricRecord}, to compare field by
 * field (and checksum) with the engine's results.
 */
public record ObjectMetrics(long macs, long flops, long params, long weightBytes, long activationPeakBytes,
                            long activationTotalBytes, long receptiveFieldH, long receptiveFieldW,
                            long strideH, long strideW, long padH, long padW,
                            long outHeight, long outWidth, long outChannels) {

    /**
     * The fields of an engine {@code MetricRecord} ({@link MetricRecord#LENGTH} longs), each at its
     * offset; fields the baseline does not compute ({@code rf_flags}, which only graphs set) are
     * 0, and status is OK.
     */
    public long[] toRecord() {
        long[] r = new long[MetricRecord.LENGTH];
        r[MetricRecord.MACS_OFFSET] = macs;
        r[MetricRecord.FLOPS_OFFSET] = flops;
        r[MetricRecord.PARAMS_OFFSET] = params;
        r[MetricRecord.WEIGHT_BYTES_OFFSET] = weightBytes;
        r[MetricRecord.ACT_PEAK_BYTES_OFFSET] = activationPeakBytes;
        r[MetricRecord.ACT_TOTAL_BYTES_OFFSET] = activationTotalBytes;
        r[MetricRecord.RF_H_OFFSET] = receptiveFieldH;
        r[MetricRecord.RF_W_OFFSET] = receptiveFieldW;
        r[MetricRecord.STRIDE_H_OFFSET] = strideH;
        r[MetricRecord.STRIDE_W_OFFSET] = strideW;
        r[MetricRecord.PAD_H_OFFSET] = padH;
        r[MetricRecord.PAD_W_OFFSET] = padW;
        r[MetricRecord.OUT_H_OFFSET] = outHeight;
        r[MetricRecord.OUT_W_OFFSET] = outWidth;
        r[MetricRecord.OUT_C_OFFSET] = outChannels;
        r[MetricRecord.STATUS_OFFSET] = MetricRecord.STATUS_OK;
        return r;
    }
}
