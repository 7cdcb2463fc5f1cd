package io.archmeter.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number and string formatting shared by the reports and commands. */
public final class Formatting {
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
