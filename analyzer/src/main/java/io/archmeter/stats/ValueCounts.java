package io.archmeter.stats;

/**
 * A sorted view of a {@link QuantileSketch}: ascending values with their counts, the distinct
 * values themselves when {@link #exact()}, else one value per bucket (each within
 * {@link #relativeAccuracy()} of every value it stands for). Quantiles and histograms are read
 * from it.
 *
 * <pre>{@code
 * ValueCounts v = sketch.valueCounts();
 * v.quantile(0.5);   // the median, nearest rank
 * }</pre>
 *
 * @param values           ascending (non-decreasing in bucket mode, where values are clamped to [min, max])
 * @param counts           occurrences of each value, all positive
 * @param exact            true if every value is a value of the stream
 * @param relativeAccuracy α of the sketch
 */
public record ValueCounts(double[] values, long[] counts, boolean exact, double relativeAccuracy) {

    public ValueCounts {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
    }

    /** Number of entries (distinct values or buckets). */
    public int size() {
        return values.length;
    }

    /** Total count. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The value of 1-based rank {@code k}: the entry whose cumulative count first reaches k. */
    public double valueOfRank(long k) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= k) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("rank " + k + " beyond the " + seen + " values");
    }

    /** The q-quantile, nearest rank ({@link QuantileSketch#rank}); NaN if there are no values. */
    public double quantile(double q) {
        long n = total();
        return n == 0 ? Double.NaN : valueOfRank(QuantileSketch.rank(q, n));
    }
}
