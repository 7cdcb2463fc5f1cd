package io.archmeter.spaces.mobile;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SpaceRandom;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A sub-network of an Once-for-All style elastic space, as OFA's and MCUNet's code print it:
 * {@code {"ks": [...], "e": [...], "d": [...], "r": [224]}} plus an optional width {@code w}
 * (archmeter's extension; the spaces' own code takes it as a constructor argument). Reading checks
 * list lengths and choices and names the key, the entry and what was expected.
 *
 * @param ks          kernel size per block slot
 * @param e           expansion ratio per block slot
 * @param d           depth per stage
 * @param resolution  input height and width
 * @param widthMilli  width multiplier in thousandths (1000 = 1.0)
 */
public record ElasticConfig(int[] ks, int[] e, int[] d, int resolution, int widthMilli) {

    /**
     * Draws a config's kernels, expansions and depths uniformly from {@code kernels}, {@code expansions}
     * and {@code depths}, as OFA's and MCUNet's {@code sample_active_subnet} do, from {@code rnd} alone and
     * in one order (each block slot's kernel then its expansion, then each stage's depth), so that the same
     * random state gives the same config. Fills {@code ks}, {@code e} and {@code d} and returns them as a
     * config at {@code resolution} and {@code widthMilli}.
     */
    public static ElasticConfig draw(SpaceRandom rnd, int[] kernels, int[] expansions, int[] depths,
                                     int[] ks, int[] e, int[] d, int resolution, int widthMilli) {
        for (int i = 0; i < ks.length; i++) {
            ks[i] = kernels[rnd.nextInt(kernels.length)];
            e[i] = expansions[rnd.nextInt(expansions.length)];
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = depths[rnd.nextInt(depths.length)];
        }
        return new ElasticConfig(ks, e, d, resolution, widthMilli);
    }

    /** The width multiplier as the reference code's Python float. */
    public double width() {
        return widthMilli / 1000.0;
    }

    /**
     * Reads a config dict (JSON or Python, with or without {@code prefix}).
     *
     * @param space       the space's name, for messages
     * @param slots       the number of ks and e entries
     * @param depths      the accepted numbers of d entries
     * @param defaultWidthMilli the width when {@code w} is absent
     */
    public static ElasticConfig parse(String text, String prefix, String space, int slots, int[] depths, int[] kernels,
                                      int[] expansions, int[] depthChoices, int defaultWidthMilli) {
        String t = text.strip();
        if (t.startsWith(prefix)) {
            t = t.substring(prefix.length());
        }
        if (!(Literal.parse(t) instanceof Map<?, ?> map)) {
            throw new NotationException(space + ": expected a dict {\"ks\": [...], \"e\": [...], \"d\": [...], \"r\": [...]}");
        }
        for (Object key : map.keySet()) {
            if (!List.of("ks", "e", "d", "r", "w").contains(key)) {
                throw new NotationException(space + ": unknown key '" + key + "' (expected ks, e, d, r and optionally w)");
            }
        }
        int[] ks = ints(map, "ks", new int[] {slots}, kernels, space);
        int[] e = ints(map, "e", new int[] {slots}, expansions, space);
        int[] d = ints(map, "d", depths, depthChoices, space);
        Object r = map.get("r");
        if (r instanceof List<?> l && l.size() == 1) {
            r = l.get(0);
        }
        if (!(r instanceof BigDecimal rd) || rd.signum() <= 0 || rd.stripTrailingZeros().scale() > 0 || rd.intValue() > 4096) {
            throw new NotationException(space + ": 'r' must be the resolution, an integer or a one-element list, got " + r);
        }
        int w = defaultWidthMilli;
        if (map.containsKey("w")) {
            if (!(map.get("w") instanceof BigDecimal wd) || wd.signum() <= 0 || wd.scale() > 3 || wd.compareTo(BigDecimal.TEN) > 0) {
                throw new NotationException(space + ": width 'w' " + map.get("w") + " is not a positive multiplier with at most 3 decimals");
            }
            w = wd.movePointRight(3).intValueExact();
        }
        return new ElasticConfig(ks, e, d, rd.intValue(), w);
    }

    /** Writes the config as the dict, JSON, after {@code prefix}; {@code w} only when it differs from {@code defaultWidthMilli}. */
    public String format(String prefix, int defaultWidthMilli) {
        StringBuilder sb = new StringBuilder(prefix).append("{\"ks\":");
        list(sb, ks);
        sb.append(",\"e\":");
        list(sb, e);
        sb.append(",\"d\":");
        list(sb, d);
        sb.append(",\"r\":[").append(resolution).append(']');
        if (widthMilli != defaultWidthMilli) {
            sb.append(",\"w\":").append(BigDecimal.valueOf(widthMilli, 3).stripTrailingZeros().toPlainString());
        }
        return sb.append('}').toString();
    }

    private static int[] ints(Map<?, ?> map, String key, int[] lengths, int[] choices, String space) {
        Object v = map.get(key);
        String expected = lengths.length == 1 ? String.valueOf(lengths[0]) : lengths[0] + " or " + lengths[1];
        if (!(v instanceof List<?> list)) {
            throw new NotationException(space + ": '" + key + "' must be a list of " + expected + " integers" + (v == null ? ", missing" : ""));
        }
        boolean lengthOk = false;
        for (int n : lengths) {
            lengthOk |= list.size() == n;
        }
        if (!lengthOk) {
            throw new NotationException(space + ": '" + key + "' has " + list.size() + " entries, expected " + expected
                    + (key.equals("d") ? " (one depth per stage)" : " (one per block slot)"));
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            int value = x instanceof BigDecimal bd && bd.stripTrailingZeros().scale() <= 0 ? bd.intValue() : -1;
            if (Arrays.stream(choices).noneMatch(c -> c == value)) {
                throw new NotationException(space + ": " + key + "[" + i + "] = " + x + " is not one of the space's choices "
                        + Arrays.toString(choices));
            }
            out[i] = value;
        }
        return out;
    }

    private static void list(StringBuilder sb, int[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        sb.append(']');
    }
}
