package io.archmeter.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * Streaming statistics of one column: count, missing values, exact minimum and maximum, mean,
 * and a {@link QuantileSketch} for quantiles and the histogram. Memory is independent of the
 * number of values; two {@code ColumnStats} of the same column {@link #merge} into the
 * statistics of both streams.
 *
 * <p>Values arrive as {@link Keys}: an {@link ValueKind#INTEGER} column's key is the value, a
 * {@link ValueKind#DECIMAL} column's key is its double's order-preserving bits, and
 * {@link Keys#MISSING} counts as missing.
 *
 * <ul>
 *   <li><b>min, max</b>: exact (compared as keys).</li>
 *   <li><b>mean</b>: INTEGER columns sum exactly in 128 bits (no overflow below 2⁶⁴ values) and
 *       divide once at the end; DECIMAL columns sum doubles with Neumaier's compensation.</li>
 *   <li><b>quantiles</b>: see {@link QuantileSketch}: exact up to 4,096 distinct values (by default), else
 *       within 0.1% of the exact value; an INTEGER quantile is the sketch's value rounded to the
 *       nearest integer, so within {@code 0.001·|v| + 0.5} (and exact below 500). Integers beyond
 *       ±2⁵³ are not exact doubles: such a column's quantiles are flagged inexact.</li>
 * </ul>
 *
 * <pre>{@code
 * ColumnStats macs = new ColumnStats("macs", ValueKind.INTEGER);
 * macs.add(300_000_000L);
 * macs.add(Keys.MISSING);
 * ColumnSummary s = macs.summary(Histogram.DEFAULT_BINS);   // count 1, missing 1, min = max = median = 3e8
 * }</pre>
 */
public final class ColumnStats {
    /** Integers of larger magnitude are not all exact doubles. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private final String name;
    private final ValueKind kind;
    private final QuantileSketch sketch;
    private long count;
    private long missing;
    private long minKey = Long.MAX_VALUE;
    private long maxKey = Long.MIN_VALUE;
    // INTEGER: the exact sum as a 128-bit two's complement number (sumHigh:sumLow)
    private long sumLow;
    private long sumHigh;
    // DECIMAL: Neumaier-compensated sum
    private double sum;
    private double compensation;
    private boolean inexactValues;

    public ColumnStats(String name, ValueKind kind) {
        this(name, kind, new QuantileSketch());
    }

    /** With a sketch of other accuracy or exact limit (tests, memory-tight callers). */
    public ColumnStats(String name, ValueKind kind, QuantileSketch emptySketch) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sketch = Objects.requireNonNull(emptySketch, "sketch");
        if (emptySketch.count() != 0) {
            throw new IllegalArgumentException("the sketch must be empty");
        }
    }

    public String name() {
        return name;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Values counted (missing ones not included). */
    public long count() {
        return count;
    }

    /** Missing or non-numeric values. */
    public long missing() {
        return missing;
    }

    /** Adds a value by its key, or counts a missing one ({@link Keys#MISSING}). */
    public void add(long key) {
        if (key == Keys.MISSING) {
            missing++;
            return;
        }
        count++;
        if (key < minKey) {
            minKey = key;
        }
        if (key > maxKey) {
            maxKey = key;
        }
        if (kind == ValueKind.INTEGER) {
            addToSum(key);
            if (key > EXACT_DOUBLE_LIMIT || key < -EXACT_DOUBLE_LIMIT) {
                inexactValues = true;
            }
            sketch.add(key);
        } else {
            double v = Keys.toDouble(key);
            addToSum(v);
            sketch.add(v);
        }
    }

    /** Counts {@code n} more missing values. */
    public void addMissing(long n) {
        missing += n;
    }

    private void addToSum(long v) {
        long low = sumLow + v;
        // sign-extend v to 128 bits and carry out of the low word (an unsigned overflow)
        sumHigh += (v >> 63) + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
    }

    private void addToSum(double v) {
        double t = sum + v;
        if (Math.abs(sum) >= Math.abs(v)) {
            compensation += (sum - t) + v;
        } else {
            compensation += (v - t) + sum;
        }
        sum = t;
    }

    /**
     * Adds the values of {@code other}, a column of the same name and kind.
     *
     * @throws IllegalArgumentException if name or kind differ
     */
    public void merge(ColumnStats other) {
        if (!name.equals(other.name) || kind != other.kind) {
            throw new IllegalArgumentException("cannot merge column " + other.name + " (" + other.kind + ") into " + name
                    + " (" + kind + ")");
        }
        count += other.count;
        missing += other.missing;
        minKey = Math.min(minKey, other.minKey);
        maxKey = Math.max(maxKey, other.maxKey);
        long low = sumLow + other.sumLow;
        sumHigh += other.sumHigh + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
        addToSum(other.sum);
        compensation += other.compensation;
        inexactValues |= other.inexactValues;
        sketch.merge(other.sketch);
    }

    /** The exact sum of an INTEGER column. */
    BigInteger integerSum() {
        return BigInteger.valueOf(sumHigh).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(sumLow)));
    }

    /** The mean, or NaN with no values. */
    public double mean() {
        if (count == 0) {
            return Double.NaN;
        }
        if (kind == ValueKind.INTEGER) {
            return new BigDecimal(integerSum()).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
        }
        return (sum + compensation) / count;
    }

    /** The sketch (for merging by hand, or other quantiles). */
    public QuantileSketch sketch() {
        return sketch;
    }

    /** The numbers of the column: count, min, quantiles, max, mean, histogram in {@code bins} bins. */
    public ColumnSummary summary(int bins) {
        ValueCounts values = sketch.valueCounts();
        long[] quantiles = new long[ColumnSummary.QUANTILE_LEVELS.size()];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = count == 0 ? Keys.MISSING : key(values.quantile(ColumnSummary.QUANTILE_LEVELS.get(i)));
        }
        boolean exact = values.exact() && !inexactValues;
        return new ColumnSummary(name, kind, count, missing, count == 0 ? Keys.MISSING : minKey,
                count == 0 ? Keys.MISSING : maxKey, quantiles, mean(), exact, sketch.relativeAccuracy(),
                sketch.collapsed() ? sketch.accurateFrom() : 0, Histogram.of(values, kind, bins));
    }

    /** The key of a sketch value in this column: rounded to an integer for INTEGER columns. */
    private long key(double v) {
        return kind == ValueKind.INTEGER ? Math.round(v) : Keys.ofDouble(v);
    }
}
