package io.archmeter.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number and string formatting shared by the reports and commands. Text for people uses the
 * human forms ({@link #human}, {@link #bytes}, {@link #share}); CSV and JSON keep exact integers.
 */
public final class Formatting {
    private static final String[] DECIMAL_UNITS = {"", " K", " M", " G", " T", " P", " E"};
    private static final String[] BINARY_UNITS = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"};

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private Formatting() {
    }

    /** {@code 724406816} as {@code 724,406,816}. */
    public static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** {@code bytes / unit} to {@code decimals} places, rounded half-even: 243,860,896 bytes in KiB to 1 place is {@code 238145.4}. */
    public static String perUnit(long bytes, long unit, int decimals) {
        return new BigDecimal(bytes).divide(new BigDecimal(unit), decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A count in decimal units with three significant digits, as torchinfo and fvcore print them:
     * {@code 999}, {@code 9.41 K}, {@code 118 M}, {@code 1.81 G} (K = 10³, M = 10⁶, G = 10⁹).
     * Rounded half-even; a value that rounds up to 1000 of a unit moves to the next unit.
     */
    public static String human(long v) {
        return scaled(v, 1000, DECIMAL_UNITS);
    }

    /**
     * A byte count in binary units with three significant digits: {@code 512 B}, {@code 588 KiB},
     * {@code 3.06 MiB} (KiB = 2¹⁰ bytes, MiB = 2²⁰, GiB = 2³⁰).
     */
    public static String bytes(long v) {
        return scaled(v, 1024, BINARY_UNITS);
    }

    private static String scaled(long v, long base, String[] units) {
        if (v < 0) {
            return "-" + scaled(-v, base, units);
        }
        BigDecimal x = new BigDecimal(v);
        BigDecimal b = new BigDecimal(base);
        int u = 0;
        while (u + 1 < units.length && x.compareTo(b) >= 0) {
            x = x.divide(b);        // exact: 1000 and 1024 divide into terminating decimals
            u++;
        }
        if (u == 0) {
            return v + units[0];
        }
        BigDecimal rounded = x.round(THREE_DIGITS);
        if (rounded.compareTo(b) >= 0 && u + 1 < units.length) {
            rounded = rounded.divide(b, THREE_DIGITS);      // 999.7 K rounds to 1000 K: 1.00 M
            u++;
        }
        int integerDigits = rounded.precision() - rounded.scale();
        return rounded.setScale(Math.max(0, 3 - integerDigits), RoundingMode.HALF_EVEN).toPlainString() + units[u];   // 3 -> 3.00
    }

    /**
     * {@code part} as a share of {@code total} in percent with one decimal: {@code 6.5%}; a
     * non-zero share below 0.05% is {@code <0.1%}, a zero part {@code --} (nothing to share).
     */
    public static String share(long part, long total) {
        if (part == 0 || total == 0) {
            return "--";
        }
        BigDecimal pct = new BigDecimal(part).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(total), 1, RoundingMode.HALF_EVEN);
        return pct.signum() == 0 ? "<0.1%" : pct.toPlainString() + "%";
    }

    /** A per-axis value: {@code 11} when height and width agree, else {@code 11x13}. */
    public static String axes(long h, long w) {
        return h == w ? Long.toString(h) : h + "x" + w;
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
