package io.archmeter.engine;

import java.util.Arrays;

/**
 * The metrics of a scored {@link io.archmeter.encoding.CandidateBatch}: one {@link MetricRecord}
 * per candidate in a single {@code long[]}, and the reason for each invalid candidate. Read them
 * by name:
 * <pre>{@code
 * BatchResults r = engine.scoreAll(batch, new BatchResults());
 * for (int i = 0; i < r.size(); i++) {
 *     if (r.isValid(i) && r.get(i, Metric.MACS) <= 300_000_000L && r.get(i, Metric.RF) >= 224) { ... }
 * }
 * }</pre>
 * Reusable: {@link Engine#scoreAll} grows it to the batch's size and overwrites it, so a
 * pipeline that scores chunk after chunk allocates only while its chunks grow. Every index is
 * checked against the size of the last run ({@link IndexOutOfBoundsException}): a reused
 * instance never answers for a candidate of an earlier, larger run.
 */
public final class BatchResults {
    private long[] values = new long[0];
    private String[] errors = new String[0];
    private int size;
    private int invalid;

    /** Makes room for {@code n} candidates and forgets the previous results. */
    void reset(int n) {
        if (values.length < n * MetricRecord.LENGTH) {
            values = new long[n * MetricRecord.LENGTH];
            errors = new String[n];
        } else {
            Arrays.fill(errors, 0, Math.min(size, errors.length), null);
        }
        size = n;
        invalid = 0;
    }

    void setInvalid(int i, String reason) {
        int o = MetricRecord.offset(i);
        Arrays.fill(values, o, o + MetricRecord.LENGTH, 0L);
        values[o + MetricRecord.STATUS_OFFSET] = MetricRecord.STATUS_INVALID;
        errors[i] = reason;
    }

    void setInvalidCount(int n) {
        invalid = n;
    }

    /** Number of candidates scored. */
    public int size() {
        return size;
    }

    /** Number of candidates whose shapes were invalid. */
    public int invalidCount() {
        return invalid;
    }

    /** True if candidate {@code i} scored; false if its shapes are invalid. */
    public boolean isValid(int i) {
        return values[MetricRecord.offset(check(i)) + MetricRecord.STATUS_OFFSET] == MetricRecord.STATUS_OK;
    }

    /** Why candidate {@code i} is invalid, or {@code null} if it is valid. */
    public String error(int i) {
        return errors[check(i)];
    }

    /** Field {@code field} (a {@link MetricRecord} offset) of candidate {@code i}; {@link #get(int, Metric)} reads by name. */
    public long get(int i, int field) {
        if (field < 0 || field >= MetricRecord.LENGTH) {
            throw new IndexOutOfBoundsException("field " + field + " of a metric record of " + MetricRecord.LENGTH);
        }
        return values[MetricRecord.offset(check(i)) + field];
    }

    /**
     * Metric {@code metric} of candidate {@code i}, e.g. {@code results.get(i, Metric.MACS)}: counts
     * as numbers (MACs, FLOPs under the engine's convention, parameters), sizes in bytes
     * ({@code WEIGHT_BYTES}, {@code ACT_PEAK_BYTES}, {@code ACT_TOTAL_BYTES}, in the engine's dtypes),
     * receptive field, stride and padding in input pixels, output sizes in elements. 0 for an
     * invalid candidate (check {@link #isValid(int)} first).
     *
     * @throws IllegalStateException for {@link Metric#OUT_SHAPE}, which is text: read OUT_H, OUT_W and OUT_C
     */
    public long get(int i, Metric metric) {
        return metric.get(values, MetricRecord.offset(check(i)));
    }

    /**
     * The raw records, {@link MetricRecord#LENGTH} longs per candidate. The array may be longer than
     * {@link #size()} records (it is kept across runs): only the first {@code size()} are this run's.
     */
    public long[] values() {
        return values;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("candidate " + i + " of results for " + size + " candidates");
        }
        return i;
    }
}
