package io.archmeter.grammar;

/**
 * The keys of the token grammar. A key is lowercase letters followed by its value:
 * {@code k3}, {@code k1x7}, {@code s2}, {@code ceil1}.
 */
enum Key {
    /** Kernel size, {@code k3} or {@code k1x7} (H×W). */
    K("k", true, 1, "kernel size"),
    /** Stride, {@code s2} or {@code s2x1}. */
    S("s", true, 1, "stride"),
    /** Padding, {@code p1} or {@code p0x3}. */
    P("p", true, 0, "padding"),
    /** Dilation, {@code d2}. */
    D("d", true, 1, "dilation"),
    /** Groups, {@code g2}. */
    G("g", false, 1, "groups"),
    /** Output channels, {@code c64}. */
    C("c", false, 1, "output channels"),
    /** Channel multiplier of a depthwise convolution, {@code m2}. */
    M("m", false, 1, "channel multiplier"),
    /** Bias, {@code b1} (default) or {@code b0}. */
    B("b", false, 0, "bias (0 or 1)"),
    /** Ceil rounding of pooling, {@code ceil1}. */
    CEIL("ceil", false, 0, "ceil rounding (0 or 1)"),
    /** Expansion ratio of an inverted residual, {@code e6} or {@code e3.67}: a decimal. */
    E("e", false, 1, "expansion ratio"),
    /** Squeeze-excite ratio, EfficientNet flavour, {@code se0.25}: a decimal. */
    SE("se", false, 1, "squeeze-excite ratio"),
    /** Squeeze-excite ratio, MobileNetV3 flavour, {@code seh0.25}: a decimal. */
    SEH("seh", false, 1, "hard squeeze-excite ratio"),
    /** Repeats of a block, {@code r3}. */
    R("r", false, 1, "repeats"),
    /** Squeeze channels of a fire module, {@code q16}. */
    Q("q", false, 1, "squeeze channels"),
    /** Width of a bottleneck, {@code w64}. */
    W("w", false, 1, "bottleneck width");

    static final Key[] ALL = values();

    final String name;
    final boolean pair;
    final int min;
    final String meaning;

    Key(String name, boolean pair, int min, String meaning) {
        this.name = name;
        this.pair = pair;
        this.min = min;
        this.meaning = meaning;
    }

    /** True for keys whose value is a decimal, kept in thousandths. */
    boolean decimal() {
        return this == E || this == SE || this == SEH;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** Largest value the key takes: 1 for the flags, else {@link Integer#MAX_VALUE}. */
    int max() {
        return this == B || this == CEIL ? 1 : Integer.MAX_VALUE;
    }
}
