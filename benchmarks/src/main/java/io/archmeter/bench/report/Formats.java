package io.archmeter.bench.report;

import java.util.Locale;

/** Number formats shared by the Markdown report, the SVG chart and the comparison. */
final class Formats {
    private Formats() {
    }

    /** A throughput: 5,938,472 or 12.3 (grouped, no decimals above 100). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%,.3g", v);
    }

    /** A whole number, grouped: 100,000. */
    static String integer(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A compact throughput: 5.94 M, 313 k. */
    static String compact(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * A score with its error: {@code 5,938,472 ± 1.2%}; a {@linkplain Noise noisy} one flagged,
     * {@code 3,798,446 ± 62.8% (noisy)}; without an error when JMH gave none ({@code 1,500,000 (no error)}).
     */
    static String withError(Score s) {
        return number(s.value()) + " " + error(s);
    }

    /** A compact score with its error: {@code 9.49 M ± 12.2%}, flagged as {@link #withError} does. */
    static String compactWithError(Score s) {
        return compact(s.value()) + " " + error(s);
    }

    /** The error of a score: {@code ± 1.2%}, {@code ± 62.8% (noisy)}, or {@code (no error)} with a single iteration. */
    static String error(Score s) {
        if (Double.isNaN(s.error()) || Double.isNaN(s.relativeError())) {
            return "(no error)";
        }
        String e = "± " + String.format(Locale.ROOT, "%.1f%%", 100 * s.relativeError());
        return Noise.isNoisy(s) ? e + " (noisy)" : e;
    }

    /** A ratio: {@code 3.86×}. */
    static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A share: {@code 61.2%}. */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
