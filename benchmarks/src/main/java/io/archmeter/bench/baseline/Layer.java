package io.archmeter.bench.baseline;

/**
 * One layer of the object baseline: an immutable record per layer, with the values an
 * architecture token spells out (defaults already applied). This is deliberately the shape a
 * Java programmer writes first; the engine's {@code LayerRecord} packs the same numbers into 15
 * ints of a shared {@code int[]} instead.
 *
 * @param kind       what the layer does
 * @param kh         kernel height (1 when the layer has no kernel)
 * @param kw         kernel width
 * @param sh         stride along the height
 * @param sw         stride along the width
 * @param ph         padding along the height, resolved ("same" already turned into a number)
 * @param pw         padding along the width
 * @param dh         dilation along the height
 * @param dw         dilation along the width
 * @param groups     convolution groups; ignored by a depthwise convolution (groups = input channels)
 * @param outChannels output channels of a convolution or output features of fc; 0 = same as the input
 * @param multiplier channel multiplier of a depthwise convolution
 * @param bias       whether a convolution or fc layer adds a bias
 * @param ceil       whether pooling rounds its output size up
 */
public record Layer(Kind kind, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                    int groups, int outChannels, int multiplier, boolean bias, boolean ceil) {

    /** The families of layers the baseline scores. */
    public enum Kind {
        CONV, DEPTHWISE, MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, FC, BATCH_NORM, ACTIVATION, LRN, DROPOUT, FLATTEN, IDENTITY;

        /** Convolutions and (local) pooling: the layers that slide a window and move the receptive field. */
        public boolean slidesWindow() {
            return this == CONV || this == DEPTHWISE || this == MAX_POOL || this == AVG_POOL;
        }
    }

    /** A layer without a window or channels of its own: bn, an activation, gap, lrn, dropout, flatten, id. */
    public static Layer simple(Kind kind) {
        return new Layer(kind, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, false, false);
    }
}
