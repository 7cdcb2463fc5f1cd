package io.archmeter.engine;

import java.util.Locale;

/**
 * The metric columns of {@code archmeter filter} and the library, by name. Each reads one
 * {@link MetricRecord}; none computes anything of its own.
 */
public enum Metric {
    MACS("macs", false, MetricRecord.MACS_OFFSET),
    FLOPS("flops", false, MetricRecord.FLOPS_OFFSET),
    PARAMS("params", false, MetricRecord.PARAMS_OFFSET),
    WEIGHT_BYTES("weight_bytes", true, MetricRecord.WEIGHT_BYTES_OFFSET),
    ACT_PEAK_BYTES("act_peak_bytes", true, MetricRecord.ACT_PEAK_BYTES_OFFSET),
    ACT_TOTAL_BYTES("act_total_bytes", true, MetricRecord.ACT_TOTAL_BYTES_OFFSET),
    /** Receptive field of the axis where it is smaller (H on a tie). */
    RF("rf", false, Metric.DERIVED),
    RF_H("rf_h", false, MetricRecord.RF_H_OFFSET),
    RF_W("rf_w", false, MetricRecord.RF_W_OFFSET),
    /** Effective stride S of the axis {@link #RF} reports. */
    RF_STRIDE("rf_stride", false, Metric.DERIVED),
    RF_STRIDE_H("rf_stride_h", false, MetricRecord.STRIDE_H_OFFSET),
    RF_STRIDE_W("rf_stride_w", false, MetricRecord.STRIDE_W_OFFSET),
    RF_PAD_H("rf_pad_h", false, MetricRecord.PAD_H_OFFSET),
    RF_PAD_W("rf_pad_w", false, MetricRecord.PAD_W_OFFSET),
    OUT_H("out_h", false, MetricRecord.OUT_H_OFFSET),
    OUT_W("out_w", false, MetricRecord.OUT_W_OFFSET),
    OUT_C("out_c", false, MetricRecord.OUT_C_OFFSET),
    /** The output shape as text, {@code HxWxC}: a column, not a constraint. */
    OUT_SHAPE("out_shape", false, Metric.DERIVED);

    /** The columns {@code filter} appends by default. */
    public static final Metric[] DEFAULT_COLUMNS = {
        MACS, FLOPS, PARAMS, WEIGHT_BYTES, ACT_PEAK_BYTES, ACT_TOTAL_BYTES, RF, RF_STRIDE, OUT_SHAPE};

    /** {@link #recordOffset()} of a metric computed from several fields of the record. */
    public static final int DERIVED = -1;

    private final String column;
    private final boolean bytes;
    private final int offset;

    Metric(String column, boolean bytes, int offset) {
        this.column = column;
        this.bytes = bytes;
        this.offset = offset;
    }

    /**
     * The offset in a {@link MetricRecord} of the field this metric is, or {@link #DERIVED} for
     * {@link #RF}, {@link #RF_STRIDE} (the smaller axis's) and {@link #OUT_SHAPE}: lets a writer of
     * many records read a column with one load per record instead of dispatching per value.
     */
    public int recordOffset() {
        return offset;
    }

    /** The column name, e.g. {@code act_peak_bytes}. */
    public String column() {
        return column;
    }

    /** True for metrics in bytes, which take the KB/KiB/… suffixes. */
    public boolean isBytes() {
        return bytes;
    }

    /** True if the metric is a number (all but {@link #OUT_SHAPE}). */
    public boolean isNumeric() {
        return this != OUT_SHAPE;
    }

    /** The value of this metric in the {@link MetricRecord} at {@code o}. */
    public long get(long[] m, int o) {
        if (offset != DERIVED) {
            return m[o + offset];
        }
        switch (this) {
            case RF: return Math.min(m[o + MetricRecord.RF_H_OFFSET], m[o + MetricRecord.RF_W_OFFSET]);
            case RF_STRIDE: return m[o + MetricRecord.RF_H_OFFSET] <= m[o + MetricRecord.RF_W_OFFSET]
                    ? m[o + MetricRecord.STRIDE_H_OFFSET] : m[o + MetricRecord.STRIDE_W_OFFSET];
            default: throw new IllegalStateException(column + " is not a number");
        }
    }

    /** The value as it appears in a CSV column. */
    public String format(long[] m, int o) {
        return appendTo(new StringBuilder(24), m, o).toString();
    }

    /** Appends the value as it appears in a CSV column, without allocating once {@code sb} has grown. */
    public StringBuilder appendTo(StringBuilder sb, long[] m, int o) {
        if (this == OUT_SHAPE) {
            return sb.append(m[o + MetricRecord.OUT_H_OFFSET]).append('x').append(m[o + MetricRecord.OUT_W_OFFSET]).append('x')
                    .append(m[o + MetricRecord.OUT_C_OFFSET]);
        }
        return sb.append(get(m, o));
    }

    /** The most characters {@link #writeTo} writes: three longs and two {@code x} for {@link #OUT_SHAPE}. */
    public static final int MAX_CHARS = 3 * 20 + 2;

    /**
     * Writes the value as it appears in a CSV column (the text of {@link #appendTo}, which is ASCII)
     * as bytes into {@code buf} at {@code pos}, which has room for {@link #MAX_CHARS}; returns the
     * position after it. For writers that build whole lines of bytes (no {@code StringBuilder} between).
     */
    public int writeTo(byte[] buf, int pos, long[] m, int o) {
        if (this == OUT_SHAPE) {
            int p = writeLong(buf, pos, m[o + MetricRecord.OUT_H_OFFSET]);
            buf[p++] = 'x';
            p = writeLong(buf, p, m[o + MetricRecord.OUT_W_OFFSET]);
            buf[p++] = 'x';
            return writeLong(buf, p, m[o + MetricRecord.OUT_C_OFFSET]);
        }
        return writeLong(buf, pos, get(m, o));
    }

    /** {@code Long.toString(v)} into {@code buf} at {@code pos}, without the String. */
    static int writeLong(byte[] buf, int pos, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] s = Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(s, 0, buf, pos, s.length);
                return pos + s.length;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        int p = pos + digits;
        // two digits per division, from the right (as Long.toString does)
        while (v >= 100) {
            final int r = (int) (v % 100);
            v /= 100;
            buf[--p] = DIGIT_ONES[r];
            buf[--p] = DIGIT_TENS[r];
        }
        final int r = (int) v;
        buf[--p] = DIGIT_ONES[r];
        if (r >= 10) {
            buf[--p] = DIGIT_TENS[r];
        }
        return pos + digits;
    }

    /** 10^i for i = 0 … 18. */
    private static final long[] POWERS_OF_TEN = new long[19];
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** The metric whose column is {@code name}, or null. */
    public static Metric ofColumn(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.column.equals(n)) {
                return m;
            }
        }
        return null;
    }
}
