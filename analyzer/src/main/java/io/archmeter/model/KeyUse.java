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
 * @param bound    an upper bound that depends on the op's other keys ({@link Bound#NONE}: the key's own range only)
 */
public record KeyUse(Key key, Default rule, int value, boolean settable, String meaning, int example, Bound bound) {

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

    /**
     * An upper bound on a key's value set by the op's other keys, as PyTorch checks it: the
     * padding of a pooling layer is at most half its window. Checked per axis wherever a record is
     * written from keys or validated ({@code LayerRecord.write}, {@code LayerRecord.validate}), so
     * the grammar, the builder and raw records all refuse the same values.
     */
    public enum Bound {
        /** No bound beyond the key's range. */
        NONE("", ""),
        /**
         * At most floor(k/2): average pooling ({@code AvgPool2d}: "pad should be at most half of kernel
         * size", ATen's {@code pooling_output_shape} with dilation 1).
         */
        HALF_KERNEL("floor(k/2)", "half the kernel, as PyTorch's avg_pool2d"),
        /**
         * At most floor((d·(k−1) + 1)/2), half the dilated kernel: max pooling ({@code MaxPool2d},
         * "pad should be at most half of effective kernel size" in ATen's {@code Pool.h}; PyTorch 1.13
         * checked floor(k/2), the same for d = 1).
         */
        HALF_EFFECTIVE_KERNEL("floor((d*(k-1)+1)/2)", "half the effective kernel, as PyTorch's max_pool2d");

        private final String formula;
        private final String rule;

        Bound(String formula, String rule) {
            this.formula = formula;
            this.rule = rule;
        }

        /** The largest value allowed for kernel {@code k} and dilation {@code d} along one axis. */
        public long max(int k, int d) {
            return switch (this) {
                case NONE -> Long.MAX_VALUE;
                case HALF_KERNEL -> k / 2;
                case HALF_EFFECTIVE_KERNEL -> ((long) d * (k - 1) + 1) / 2;
            };
        }

        /** The bound as a formula, {@code "floor(k/2)"}, for messages. */
        public String formula() {
            return formula;
        }

        /** What the bound is and whose rule it follows, for messages. */
        public String rule() {
            return rule;
        }
    }

    public KeyUse {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(bound, "bound");
        if (rule != Default.VALUE && value != 0) {
            throw new IllegalArgumentException(key + ": only a VALUE default has a value");
        }
        if (!settable && rule == Default.REQUIRED) {
            throw new IllegalArgumentException(key + ": a fixed use cannot be required");
        }
    }

    /** The key must be given. */
    public static KeyUse required(Key key) {
        return new KeyUse(key, Default.REQUIRED, 0, true, null, 0, Bound.NONE);
    }

    /** The key may be given; {@code value} when it is not (thousandths for a decimal key). */
    public static KeyUse optional(Key key, int value) {
        return new KeyUse(key, Default.VALUE, value, true, null, 0, Bound.NONE);
    }

    /** The key may be given; {@code rule} says what it is when it is not. */
    public static KeyUse optional(Key key, Default rule) {
        return new KeyUse(key, rule, 0, true, null, 0, Bound.NONE);
    }

    /** The op fixes the field of {@code key} by {@code rule}; the notation may not give it. */
    public static KeyUse fixed(Key key, Default rule) {
        return new KeyUse(key, rule, 0, false, null, 0, Bound.NONE);
    }

    /** This use, with what the key means for the op and a typical value, for messages: fc's c is "output features", e.g. 1000. */
    public KeyUse described(String opMeaning, int typical) {
        return new KeyUse(key, rule, value, settable, opMeaning, typical, bound);
    }

    /** This use, its values bounded by {@code b} (pooling padding: at most half the window). */
    public KeyUse bounded(Bound b) {
        return new KeyUse(key, rule, value, settable, meaning, example, b);
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
        return key.token() + d + (bound == Bound.NONE ? "" : " (at most " + bound.formula() + ")");
    }

    private static String decimal(int milli) {
        return milli % Key.ONE == 0 ? Integer.toString(milli / Key.ONE)
                : java.math.BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
