package io.archmeter.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Short human numbers for tables and chart axes: counts with SI prefixes, bytes with binary ones.
 *
 * <pre>{@code
 * Units.compact(272_123_456, false)   // "272.1M"
 * Units.compact(1_843_200, true)      // "1.758MiB"
 * Units.compact(0.7312, false)        // "0.7312"
 * Units.compact(195, false)           // "195"
 * }</pre>
 */
public final class Units {
    private static final String[] SI = {"", "K", "M", "G", "T", "P"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** {@code v} to 4 significant digits with the largest prefix that keeps it ≥ 1 (counts: K = 1000; bytes: KiB = 1024). */
    public static String compact(double v, boolean bytes) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double base = bytes ? 1024 : 1000;
        String[] names = bytes ? BINARY : SI;
        int p = 0;
        double x = v;
        while (Math.abs(x) >= base && p < names.length - 1) {
            x /= base;
            p++;
        }
        return significant(x, 4) + names[p];
    }

    /** The prefix (0 = none, 1 = K or KiB, …) {@link #compact} would choose for a magnitude of {@code v}. */
    public static int prefix(double v, boolean bytes) {
        double base = bytes ? 1024 : 1000;
        int p = 0;
        double x = Math.abs(v);
        while (x >= base && p < SI.length - 1) {
            x /= base;
            p++;
        }
        return p;
    }

    /** The unit of prefix {@code p}: {@code M}, {@code MiB}, or {@code B} / {@code ""} for none. */
    public static String unit(int p, boolean bytes) {
        return bytes ? BINARY[p] : SI[p];
    }

    /** The factor of prefix {@code p}: 1000^p or 1024^p. */
    public static double factor(int p, boolean bytes) {
        return Math.pow(bytes ? 1024 : 1000, p);
    }

    /** {@code v} rounded to {@code digits} significant digits, without exponent or trailing zeros: 0.7312, 272.1, 12. */
    public static String significant(double v, int digits) {
        if (v == 0 || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
        return d.stripTrailingZeros().toPlainString();
    }

    /** A share as a percentage with one decimal: {@code 41.2%}. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** An exact value for CSV and JSON: a long as it is, a double as its shortest round-trip decimal. */
    public static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
