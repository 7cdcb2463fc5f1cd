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
 */
public final class Quantity {
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
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number with an optional suffix ("
                    + SUFFIXES + "), e.g. 600M or 320KiB", e);
        }
        return value.multiply(factor(text, suffix, bytesAllowed));
    }

    private static BigDecimal factor(String text, String suffix, boolean bytesAllowed) {
        String u = suffix.toUpperCase(Locale.ROOT);
        boolean bytes = u.endsWith("B");
        if (bytes) {
            if (!bytesAllowed) {
                throw new IllegalArgumentException("'" + text + "': the byte suffix '" + suffix
                        + "' applies only to byte metrics (weight_bytes, act_peak_bytes, act_total_bytes);"
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
                throw new IllegalArgumentException("'" + text + "': unknown suffix '" + suffix + "' (expected " + SUFFIXES + ")");
        }
    }
}
