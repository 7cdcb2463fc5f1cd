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

    /** A score with its error: {@code 5,938,472 ± 1.2%}, or without the error when JMH gave none. */
    static String withError(Score s) {
        if (Double.isNaN(s.error()) || Double.isNaN(s.relativeError())) {
            return number(s.value());
        }
        return number(s.value()) + " ± " + String.format(Locale.ROOT, "%.1f%%", 100 * s.relativeError());
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
