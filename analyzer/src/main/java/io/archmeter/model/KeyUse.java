package io.archmeter.model;

import java.util.Objects;

/**
 * How one op or block uses one {@link Key}: whether it must be given, and what it is when it is
 * not. Part of the description of every op ({@link Op#keys()}) and block: the parser, the
 * formatter, the builder and validation all read it, so a default is written down exactly once.
 *
 * <p>A use that is not {@link #settable()} is a value the op fixes itself (a depthwise
 * convolution's groups are its input channels): it is stored, never read from the notation.
 *
 * @param key      the key
 * @param rule     what the value is when the key is not given
 * @param value    the default of {@link Default#VALUE} (thousandths for decimal keys); 0 otherwise
 * @param settable whether the notation may give the key
 * @param meaning  what the key means for this op, for messages ({@code "output features"} for fc's c); null: the key's own
 * @param example  a typical value for messages ({@code fc_c1000}); 0: the key's own
 */
public record KeyUse(Key key, Default rule, int value, boolean settable, String meaning, int example) {

    /** What a key's value is when it is not given. */
    public enum Default {
        /** The key must be given. */
        REQUIRED,
        /** A constant, {@link KeyUse#value()}. */
        VALUE,
        /** "Same" padding: floor(d·(k−1)/2) per axis, from the kernel and dilation. */
        SAME_PADDING,
        /** The kernel size (pooling strides, as in PyTorch). */
        KERNEL,
        /** The input's channels (stored as a sentinel, resolved by the engine). */
        INPUT_CHANNELS,
        /** One group per input channel (a depthwise convolution; a sentinel resolved by the engine). */
        PER_CHANNEL,
        /** Computed by the block from its other keys, as its description says (a bottleneck's width c/4). */
        DERIVED,
        /** Absent: the feature the key switches on is off (squeeze-excite). */
        ABSENT
    }

    public KeyUse {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        if (rule != Default.VALUE && value != 0) {
            throw new IllegalArgumentException(key + ": only a VALUE default has a value");
        }
        if (!settable && rule == Default.REQUIRED) {
            throw new IllegalArgumentException(key + ": a fixed use cannot be required");
        }
    }

    /** The key must be given. */
    public static KeyUse required(Key key) {
        return new KeyUse(key, Default.REQUIRED, 0, true, null, 0);
    }

    /** The key may be given; {@code value} when it is not (thousandths for a decimal key). */
    public static KeyUse optional(Key key, int value) {
        return new KeyUse(key, Default.VALUE, value, true, null, 0);
    }

    /** The key may be given; {@code rule} says what it is when it is not. */
    public static KeyUse optional(Key key, Default rule) {
        return new KeyUse(key, rule, 0, true, null, 0);
    }

    /** The op fixes the field of {@code key} by {@code rule}; the notation may not give it. */
    public static KeyUse fixed(Key key, Default rule) {
        return new KeyUse(key, rule, 0, false, null, 0);
    }

    /** This use, with what the key means for the op and a typical value, for messages: fc's c is "output features", e.g. 1000. */
    public KeyUse described(String opMeaning, int typical) {
        return new KeyUse(key, rule, value, settable, opMeaning, typical);
    }

    /** What the key means for this op, for messages. */
    @Override
    public String meaning() {
        return meaning != null ? meaning : key.meaning();
    }

    /** A typical value, for messages. */
    @Override
    public int example() {
        return example != 0 ? example : key.example();
    }

    /** The default as the grammar's documentation writes it: {@code k}, {@code s [1]}, {@code p [same]}. */
    public String describe() {
        String d = switch (rule) {
            case REQUIRED -> " (required)";
            case VALUE -> " [" + (key.isDecimal() ? decimal(value) : Integer.toString(value)) + "]";
            case SAME_PADDING -> " [same: floor(d(k-1)/2)]";
            case KERNEL -> " [k]";
            case INPUT_CHANNELS -> " [input channels]";
            case PER_CHANNEL -> " [one per input channel]";
            case DERIVED -> " [derived]";
            case ABSENT -> " [none]";
        };
        return key.token() + d;
    }

    private static String decimal(int milli) {
        return milli % Key.ONE == 0 ? Integer.toString(milli / Key.ONE)
                : java.math.BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
