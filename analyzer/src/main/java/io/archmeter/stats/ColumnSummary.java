package io.archmeter.stats;

import java.util.List;

/**
 * The finished numbers of one column (see {@link ColumnStats}). Values are {@link Keys} of the
 * column's {@link #kind()}: use {@link #value(long)} for a double, or print an INTEGER key as it is.
 *
 * @param name             the column
 * @param kind             INTEGER (metrics) or DECIMAL (pass-through numbers)
 * @param count            values counted
 * @param missing          rows whose value was missing or not a number
 * @param min              exact minimum (key; {@link Keys#MISSING} if count is 0)
 * @param max              exact maximum (key)
 * @param quantiles        the keys of p1, p10, median, p90, p99 ({@link #QUANTILE_LABELS}), nearest rank
 * @param mean             the mean (NaN if count is 0)
 * @param exactQuantiles   true if the quantiles and histogram are exact
 * @param relativeAccuracy α of the sketch: when not exact, each quantile is within α·|exact| (+0.5 for integers)
 * @param accurateFrom     0, or the magnitude below which the bound fails after a bucket collapse
 * @param histogram        the histogram
 */
public record ColumnSummary(String name, ValueKind kind, long count, long missing, long min, long max, long[] quantiles,
                            double mean, boolean exactQuantiles, double relativeAccuracy, double accurateFrom,
                            Histogram histogram) {
    /** The quantiles of {@link #quantiles()}, by name. */
    public static final List<String> QUANTILE_LABELS = List.of("p1", "p10", "median", "p90", "p99");
    /** Their levels. */
    public static final List<Double> QUANTILE_LEVELS = List.of(0.01, 0.10, 0.50, 0.90, 0.99);

    /** The double of a key of this column. */
    public double value(long key) {
        return Keys.toDouble(key, kind);
    }

    /** The median's key. */
    public long median() {
        return quantiles[2];
    }
}
