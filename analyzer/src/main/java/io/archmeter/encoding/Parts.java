package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.Op;

/**
 * The parts of one layer or block token: the value of each {@link Key} given, and for blocks the
 * bare parts (an activation, {@code noskip}). The grammar reads a token's text into one; a program
 * sets them by hand; {@link CandidateBuilder#layer(Op, Parts)} and
 * {@link CandidateBuilder#block(Block, Parts)} write from them. Keys not given take the defaults
 * of the op's or block's description.
 *
 * <pre>{@code
 * Parts p = new Parts().set(Key.K, 3).set(Key.S, 2).set(Key.C, 32);   // conv_k3_s2_c32
 * builder.layer(Op.CONV, p);
 * }</pre>
 *
 * <p>Pair keys hold a value per axis ({@link #set(Key, int, int)}); decimal keys hold thousandths
 * (e = 6 is 6000). Reusable: {@link #clear()} forgets every value and allocates nothing. Not
 * thread-safe.
 */
public final class Parts {
    // package-private: LayerRecord.write reads them directly, once per key of every layer written
    final int[] h = new int[Key.COUNT];
    final int[] w = new int[Key.COUNT];
    int given;
    private Op activation;
    private boolean noskip;

    /** Forgets every value and bare part. */
    public Parts clear() {
        given = 0;
        activation = null;
        noskip = false;
        return this;
    }

    /** Sets {@code key} to {@code value} (both axes of a pair key). */
    public Parts set(Key key, int value) {
        return set(key, value, value);
    }

    /** Sets a pair key to {@code height}×{@code width}. */
    public Parts set(Key key, int height, int width) {
        final int i = key.ordinal();
        h[i] = height;
        w[i] = width;
        given |= 1 << i;
        return this;
    }

    /** Sets a decimal key from a double with at most three decimal places, e.g. 0.25. */
    public Parts setDecimal(Key key, double value) {
        return set(key, thousandths(key, value));
    }

    /** Sets the activation part of a block. */
    public Parts activation(Op act) {
        activation = act;
        return this;
    }

    /** Sets or clears the {@code noskip} part of a block. */
    public Parts noskip(boolean value) {
        noskip = value;
        return this;
    }

    /** True if {@code key} was given. */
    public boolean has(Key key) {
        return (given & key.bit()) != 0;
    }

    /** The value of {@code key} (its height for a pair key); meaningful only if {@link #has} it. */
    public int get(Key key) {
        return h[key.ordinal()];
    }

    /** The width of a pair key (the value again for other keys). */
    public int getWidth(Key key) {
        return w[key.ordinal()];
    }

    /** The mask of the keys given ({@link Key#bit()}). */
    public int given() {
        return given;
    }

    /** The activation part, or null. */
    public Op activation() {
        return activation;
    }

    public boolean noskip() {
        return noskip;
    }

    /**
     * {@code value} in thousandths, exactly: 6 is 6000, 0.25 is 250, 3.67 is 3670.
     *
     * @throws IllegalArgumentException if it has more than three decimal places, is not positive or is above 1,000,000
     */
    public static int thousandths(Key key, double value) {
        final double scaled = value * Key.ONE;
        final long milli = Math.round(scaled);
        if (!(value > 0) || value > 1_000_000 || Math.abs(scaled - milli) > 1e-6 * Math.max(1, Math.abs(scaled))) {
            throw new IllegalArgumentException(key.meaning() + " '" + key.token() + "' = " + value
                    + ": expected a positive decimal with at most 3 places, as the grammar takes (e.g. 6, 0.25, 3.67)");
        }
        return (int) milli;
    }
}
