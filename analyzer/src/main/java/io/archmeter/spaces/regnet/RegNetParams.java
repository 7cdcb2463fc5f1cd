package io.archmeter.spaces.regnet;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;

import java.math.BigDecimal;

/**
 * The parameters of one RegNet: depth {@code d}, initial width {@code w0}, slope {@code wa},
 * width multiplier {@code wm}, group width {@code g}, bottleneck ratio {@code b} (default 1.0) and
 * squeeze-excite ratio {@code se} (default none; 0.25 makes a RegNetY). Written
 * {@code regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16}, keys in any order, each once; decimals are
 * kept as written, so the notation round-trips.
 *
 * <p>Published models, as torchvision builds them: RegNetX-400MF is
 * {@code regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16}; RegNetY-400MF {@code regnet:d=16,w0=48,wa=27.89,wm=2.09,g=8,se=0.25}.
 *
 * @param wa  the slope, as written (e.g. {@code 24.48})
 * @param wm  the multiplier, as written
 * @param b   the bottleneck ratio, as written
 * @param se  the squeeze-excite ratio as written, or null for none
 */
public record RegNetParams(int d, int w0, BigDecimal wa, BigDecimal wm, int g, BigDecimal b, BigDecimal se) {
    public static final String PREFIX = "regnet:";
    static final String NOTATION = "RegNet";
    private static final String[] KEYS = {"d", "w0", "wa", "wm", "g", "b", "se"};

    /** True if {@code text} starts with {@code regnet:} (it may still be invalid). Allocation-free. */
    public static boolean looksLike(CharSequence text) {
        return Notations.startsWith(text, PREFIX);
    }

    /** Reads {@code regnet:d=…,w0=…,wa=…,wm=…,g=…[,b=…][,se=…]}. */
    public static RegNetParams parse(CharSequence text) {
        String s = text.toString().trim();
        if (!s.startsWith(PREFIX)) {
            throw error("expected regnet:d=…,w0=…,wa=…,wm=…,g=… (e.g. regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16)");
        }
        String[] values = new String[KEYS.length];
        for (String part : s.substring(PREFIX.length()).split(",", -1)) {
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim();
            int k = indexOf(key);
            if (k < 0) {
                throw error("unknown key '" + key + "'" + Notations.didYouMean(key, KEYS) + " (expected d, w0, wa, wm, g, b, se)");
            }
            if (eq < 0) {
                throw error("key '" + key + "' has no value (write " + key + "=…)");
            }
            if (values[k] != null) {
                throw error("key '" + key + "' is given twice");
            }
            values[k] = part.substring(eq + 1).trim();
        }
        for (int k = 0; k < 5; k++) {
            if (values[k] == null) {
                throw error("missing key '" + KEYS[k] + "' (d, w0, wa, wm and g are required)");
            }
        }
        return new RegNetParams(integer("d", values[0]), integer("w0", values[1]), decimal("wa", values[2]),
                decimal("wm", values[3]), integer("g", values[4]),
                values[5] == null ? BigDecimal.ONE : decimal("b", values[5]), values[6] == null ? null : decimal("se", values[6]));
    }

    /** The notation, e.g. {@code regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16}; b only if not 1, se only if set. */
    public String notation() {
        StringBuilder sb = new StringBuilder(64);
        appendNotation(sb);
        return sb.toString();
    }

    public void appendNotation(StringBuilder sb) {
        sb.append(PREFIX).append("d=").append(d).append(",w0=").append(w0).append(",wa=").append(wa.toPlainString())
                .append(",wm=").append(wm.toPlainString()).append(",g=").append(g);
        if (b.compareTo(BigDecimal.ONE) != 0) {
            sb.append(",b=").append(b.toPlainString());
        }
        if (se != null) {
            sb.append(",se=").append(se.toPlainString());
        }
    }

    @Override
    public String toString() {
        return notation();
    }

    private static int indexOf(String key) {
        for (int k = 0; k < KEYS.length; k++) {
            if (KEYS[k].equals(key)) {
                return k;
            }
        }
        return -1;
    }

    private static int integer(String key, String v) {
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw error(key + "=" + v + ": expected a whole number");
        }
        return Integer.parseInt(v);
    }

    private static BigDecimal decimal(String key, String v) {
        if (v.isEmpty() || v.length() > 20 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '.')) {
            throw error(key + "=" + v + ": expected a decimal number such as 24.48");
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw error(key + "=" + v + ": expected a decimal number such as 24.48");
        }
    }

    static NotationException error(String problem) {
        return Notations.error(NOTATION, problem);
    }
}
