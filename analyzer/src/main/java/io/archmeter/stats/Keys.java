package io.archmeter.stats;

/**
 * Order-preserving {@code long} keys for column values, so that selection, budgets and samples
 * compare every kind of column with one {@code Long.compare}, exactly.
 *
 * <ul>
 *   <li>An {@link ValueKind#INTEGER} value (a metric: MACs, bytes, …) is its own key.</li>
 *   <li>A {@link ValueKind#DECIMAL} value (a pass-through column such as {@code acc}) is read as
 *       a {@code double} and keyed by its IEEE-754 bits, flipped so that signed {@code long} order
 *       is numeric order: {@code a < b} exactly when {@code ofDouble(a) < ofDouble(b)}. Two
 *       decimals of at most 15 significant digits never share a double, and rounding to the
 *       nearest double keeps their order, so such columns compare exactly.</li>
 *   <li>{@link #descending(long)} turns "larger is better" into "smaller is better" without
 *       overflow ({@code ~k = -k - 1} reverses the order of every long).</li>
 *   <li>{@link #MISSING} marks an absent or non-numeric value; no value of either kind maps to it.</li>
 * </ul>
 *
 * <pre>{@code
 * Keys.ofDouble(0.7) < Keys.ofDouble(0.71)           // true
 * Keys.ofDouble(-1.0) < Keys.ofDouble(-0.5)          // true
 * Keys.toDouble(Keys.ofDouble(0.7312)) == 0.7312     // true
 * Keys.descending(5) < Keys.descending(3)            // true: 5 ranks before 3 when larger is better
 * }</pre>
 */
public final class Keys {
    /**
     * The key of a missing value: {@code Long.MIN_VALUE}. Metric values are non-negative, and the
     * smallest decimal key ({@code -Infinity}) is {@code 0x800F_FFFF_FFFF_FFFFL}, above it.
     */
    public static final long MISSING = Long.MIN_VALUE;

    private Keys() {
    }

    /**
     * The key of a double (NaN refused; {@code -0.0} keyed as {@code 0.0}).
     *
     * @throws IllegalArgumentException for NaN
     */
    public static long ofDouble(double v) {
        if (v != v) {
            throw new IllegalArgumentException("NaN has no order");
        }
        // -0.0 + 0.0 == +0.0: one key for both zeros
        long bits = Double.doubleToRawLongBits(v + 0.0);
        // negative doubles order backwards by their bits: flip all but the sign bit
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The double whose key is {@code key} (the inverse of {@link #ofDouble}). */
    public static double toDouble(long key) {
        long bits = key ^ ((key >> 63) & Long.MAX_VALUE);
        return Double.longBitsToDouble(bits);
    }

    /** The key that orders {@code key} the other way round: {@code ~key}. Its own inverse. */
    public static long descending(long key) {
        return ~key;
    }

    /** The double of a key of {@code kind}. */
    public static double toDouble(long key, ValueKind kind) {
        return kind == ValueKind.INTEGER ? key : toDouble(key);
    }
}
