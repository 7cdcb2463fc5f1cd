package io.archmeter.model;

/**
 * The keys of the architecture notation: a key is lowercase letters followed by its value,
 * {@code k3}, {@code k1x7}, {@code s2}, {@code ceil1}, {@code e3.67}. Which keys an op or a block
 * takes, and their defaults, is part of its description ({@link Op#keys()}, {@link KeyUse}).
 *
 * <p>A key's value is one of four kinds:
 * <ul>
 *   <li>{@link Kind#INTEGER}: an unsigned integer, {@code c64};</li>
 *   <li>{@link Kind#PAIR}: an integer for both axes or {@code HxW}, {@code k3}, {@code k1x7};</li>
 *   <li>{@link Kind#FLAG}: 0 or 1, {@code b0}, {@code ceil1};</li>
 *   <li>{@link Kind#DECIMAL}: a decimal with at most three places, kept exactly in thousandths
 *       ({@code e6} is 6000, {@code se0.25} is 250).</li>
 * </ul>
 */
public enum Key {
    /** Kernel size, {@code k3} or {@code k1x7} (H×W). */
    K("k", Kind.PAIR, 1, "kernel size", 3),
    /** Stride, {@code s2} or {@code s2x1}. */
    S("s", Kind.PAIR, 1, "stride", 2),
    /** Padding, {@code p1} or {@code p0x3}. */
    P("p", Kind.PAIR, 0, "padding", 1),
    /** Dilation, {@code d2}. */
    D("d", Kind.PAIR, 1, "dilation", 2),
    /** Groups, {@code g2}: of a grouped convolution, or of a channel shuffle. */
    G("g", Kind.INTEGER, 1, "groups", 2),
    /** Output channels (output features of fc), {@code c64}. */
    C("c", Kind.INTEGER, 1, "output channels", 64),
    /** Channel multiplier of a depthwise convolution, {@code m2}. */
    M("m", Kind.INTEGER, 1, "channel multiplier", 2),
    /** Bias, {@code b1} (default) or {@code b0}. */
    B("b", Kind.FLAG, 0, "bias (0 or 1)", 0),
    /** Ceil rounding of pooling, {@code ceil1}. */
    CEIL("ceil", Kind.FLAG, 0, "ceil rounding (0 or 1)", 1),
    /** Expansion ratio of an inverted residual, {@code e6} or {@code e3.67}. */
    E("e", Kind.DECIMAL, 1, "expansion ratio", 6),
    /** Squeeze-excite ratio, EfficientNet flavour, {@code se0.25}. */
    SE("se", Kind.DECIMAL, 1, "squeeze-excite ratio", 1),
    /** Squeeze-excite ratio, MobileNetV3 flavour, {@code seh0.25}. */
    SEH("seh", Kind.DECIMAL, 1, "hard squeeze-excite ratio", 1),
    /** Repeats of a block, {@code r3}. */
    R("r", Kind.INTEGER, 1, "repeats", 2),
    /** Squeeze channels of a fire module, {@code q16}. */
    Q("q", Kind.INTEGER, 1, "squeeze channels", 16),
    /** Width of a bottleneck, {@code w64}. */
    W("w", Kind.INTEGER, 1, "bottleneck width", 64),
    /** First channel of a channel slice, {@code at16} (0: the first channels). */
    AT("at", Kind.INTEGER, 0, "first channel", 16),
    /** Offset of a crop: rows × columns dropped at the top and the left, {@code o1} or {@code o1x0}. */
    O("o", Kind.PAIR, 0, "offset (rows x columns dropped at the top and left)", 1);

    /** The kinds of value a key takes. */
    public enum Kind { INTEGER, PAIR, FLAG, DECIMAL }

    /** Decimal values are kept in thousandths: {@code 1.0} is this. */
    public static final int ONE = 1000;

    private static final Key[] ALL = values();

    /** Number of keys; every key's {@link #bit()} fits an int. */
    public static final int COUNT = ALL.length;

    static {
        if (COUNT > Integer.SIZE) {
            throw new AssertionError("key masks are ints: at most 32 keys");
        }
    }

    private final String token;
    private final Kind kind;
    private final int min;
    private final String meaning;
    private final int example;

    Key(String token, Kind kind, int min, String meaning, int example) {
        this.token = token;
        this.kind = kind;
        this.min = min;
        this.meaning = meaning;
        this.example = example;
    }

    /** The key as written, e.g. {@code "k"}, {@code "ceil"}. */
    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    /** True for keys that take {@code HxW}. */
    public boolean isPair() {
        return kind == Kind.PAIR;
    }

    /** True for keys whose value is a decimal, kept in thousandths. */
    public boolean isDecimal() {
        return kind == Kind.DECIMAL;
    }

    /** Smallest value (in thousandths for decimals). */
    public int min() {
        return min;
    }

    /** Largest value: 1 for flags, else {@link Integer#MAX_VALUE}. */
    public int max() {
        return kind == Kind.FLAG ? 1 : Integer.MAX_VALUE;
    }

    /** What the key means, for messages: "kernel size". */
    public String meaning() {
        return meaning;
    }

    /** A typical value, for messages: 3 for k ({@code k3}). */
    public int example() {
        return example;
    }

    /** This key's bit in a key mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The key at {@code ordinal}. */
    public static Key ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** The key written {@code token}, or null. */
    public static Key ofToken(CharSequence token) {
        for (Key k : ALL) {
            if (k.token.contentEquals(token)) {
                return k;
            }
        }
        return null;
    }

    /** "k, s, p, d" for the keys of a mask, in declaration order. */
    public static String list(int mask) {
        StringBuilder sb = new StringBuilder();
        for (Key k : ALL) {
            if ((mask & k.bit()) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.token);
            }
        }
        return sb.toString();
    }

    /** The mask of the given keys. */
    public static int mask(Key... keys) {
        int m = 0;
        for (Key k : keys) {
            m |= k.bit();
        }
        return m;
    }
}
