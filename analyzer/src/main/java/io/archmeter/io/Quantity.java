package io.archmeter.io;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses the numbers of constraint limits: a decimal with an optional SI or binary suffix.
 *
 * <table>
 *   <caption>Suffixes (case-insensitive)</caption>
 *   <tr><th>suffix</th><th>factor</th><th>applies to</th></tr>
 *   <tr><td>K, M, G</td><td>1000, 1000², 1000³</td><td>any number</td></tr>
 *   <tr><td>Ki, Mi, Gi</td><td>1024, 1024², 1024³</td><td>any number</td></tr>
 *   <tr><td>B, KB, MB, GB</td><td>1, 1000, 1000², 1000³</td><td>byte metrics and input columns</td></tr>
 *   <tr><td>KiB, MiB, GiB</td><td>1024, 1024², 1024³</td><td>byte metrics and input columns</td></tr>
 * </table>
 *
 * <pre>{@code
 * Quantity.parse("600M", false)    // 600000000
 * Quantity.parse("320KiB", true)   // 327680
 * Quantity.parse("1.5M", false)    // 1500000
 * Quantity.parse("0.7", false)     // 0.7
 * Quantity.parse("320KiB", false)  // IllegalArgumentException: a byte suffix on a count
 * }</pre>
 *
 * The result is exact (a {@link BigDecimal}): {@code 0.1K} is exactly 100, never 100.00000000000001.
 *
 * <p>Numbers are bounded, in limits and in the cells they are compared with: at most
 * {@value #MAX_CHARS} characters, and a magnitude between 10<sup>−{@value #MAX_EXPONENT}</sup> and
 * 10<sup>{@value #MAX_EXPONENT}</sup> (or zero). Anything a search space records fits; what does not
 * ({@code 1e999999999}) would otherwise cost seconds and gigabytes to print or compare.
 */
public final class Quantity {
    /** The longest number read, in characters (suffix and surrounding spaces excluded). */
    public static final int MAX_CHARS = 64;
    /** The largest decimal exponent of a number's leading digit, either way. */
    public static final int MAX_EXPONENT = 1000;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

    /** The suffixes accepted, as written in messages. */
    static final String SUFFIXES = "K, M, G, Ki, Mi, Gi; for bytes also B, KB, MB, GB, KiB, MiB, GiB";

    private Quantity() {
    }

    /**
     * Parses {@code text}, e.g. {@code 600M}, {@code 320KiB}, {@code 0.7}.
     *
     * @param bytesAllowed whether the byte suffixes (B, KB, …, GiB) are accepted
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static BigDecimal parse(String text, boolean bytesAllowed) {
        String s = text.trim();
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        String number = s.substring(0, end);
        String suffix = s.substring(end);
        BigDecimal value = bounded(number);
        if (value == null) {
            throw new IllegalArgumentException(Text.quote(text) + " is not a number with an optional suffix ("
                    + SUFFIXES + "), e.g. 600M or 320KiB; " + BOUNDS);
        }
        return value.multiply(factor(text, suffix, bytesAllowed));
    }

    /** What {@link #bounded} accepts, for messages. */
    static final String BOUNDS = "numbers have at most " + MAX_CHARS + " characters and a magnitude within 1e-" + MAX_EXPONENT
            + " to 1e" + MAX_EXPONENT;

    /**
     * The decimal {@code text} (no suffix; surrounding spaces ignored), or null if it is not a
     * number within the bounds of the class comment: for the cells of constrained input columns.
     *
     * <pre>{@code
     * Quantity.bounded(" 0.7 ")        // 0.7
     * Quantity.bounded("1e-99999999")  // null: out of bounds
     * Quantity.bounded("n/a")          // null
     * }</pre>
     */
    public static BigDecimal bounded(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_CHARS) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // the exponent of the leading digit: 1e5 and 0.00001e10 both have 5
        long exponent = (long) v.precision() - v.scale() - 1;
        return Math.abs(exponent) <= MAX_EXPONENT ? v : null;
    }

    /**
     * Why {@link #bounded} refused {@code text}, for a message: {@code "is not a number"}, or which
     * bound a number exceeds.
     */
    static String whyNotBounded(String text) {
        String s = text.strip();
        if (s.length() > MAX_CHARS) {
            return "is not a number of at most " + MAX_CHARS + " characters";
        }
        try {
            new BigDecimal(s);
        } catch (NumberFormatException e) {
            return "is not a number";
        }
        return "is a number beyond 1e" + MAX_EXPONENT + " or below 1e-" + MAX_EXPONENT + " in magnitude";
    }

    private static BigDecimal factor(String text, String suffix, boolean bytesAllowed) {
        String u = suffix.toUpperCase(Locale.ROOT);
        boolean bytes = u.endsWith("B");
        if (bytes) {
            if (!bytesAllowed) {
                throw new IllegalArgumentException(Text.quote(text) + ": the byte suffix " + Text.quote(suffix)
                        + " applies only to byte metrics (weight_bytes, act_peak_bytes, act_total_bytes);"
                        + " use K, M, G, Ki, Mi or Gi");
            }
            u = u.substring(0, u.length() - 1);
        }
        switch (u) {
            case "": return BigDecimal.ONE;
            case "K": return THOUSAND;
            case "M": return THOUSAND.pow(2);
            case "G": return THOUSAND.pow(3);
            case "KI": return KIBI;
            case "MI": return KIBI.pow(2);
            case "GI": return KIBI.pow(3);
            default:
                throw new IllegalArgumentException(Text.quote(text) + ": unknown suffix " + Text.quote(suffix) + " (expected " + SUFFIXES + ")");
        }
    }
}
