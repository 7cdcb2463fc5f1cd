package io.archmeter.model;

import java.util.Objects;

/**
 * The choices under which a network is costed: how FLOPs are counted, whether the element-wise
 * layers count, and the storage types of weights and activations. Immutable and thread-safe.
 *
 * <h2>Element-wise costs (only with {@link #countElementwise()})</h2>
 * By default pooling, batch norm and activations cost nothing in MACs or FLOPs, as in torchvision,
 * fvcore and most papers. When asked to count them, archmeter adds to FLOPs (never to MACs), per
 * output element:
 * <table>
 *   <caption>FLOPs per output element of the layers without weights</caption>
 *   <tr><th>layer</th><th>FLOPs per output element</th></tr>
 *   <tr><td>max / avg pooling</td><td>kh·kw (one comparison or addition per window element)</td></tr>
 *   <tr><td>global average pooling</td><td>H·W of its input (one addition per input element)</td></tr>
 *   <tr><td>batch norm</td><td>2 (inference: scale and shift, folded)</td></tr>
 *   <tr><td>any activation</td><td>1 (as ptflops)</td></tr>
 *   <tr><td>LRN</td><td>5 (its 5-channel sum of squares)</td></tr>
 *   <tr><td>dropout, flatten, identity, channel shuffle</td><td>0</td></tr>
 * </table>
 *
 * @param flops             the FLOPs convention
 * @param countElementwise  whether pooling, BN, activations and LRN add FLOPs
 * @param weightType        storage type of weights: weight bytes = parameters × its size
 * @param activationType    storage type of activations: activation bytes = elements × its size
 */
public record Conventions(FlopsConvention flops, boolean countElementwise, DType weightType, DType activationType) {

    /** FLOPs by {@link FlopsConvention#MULTIPLY}, element-wise layers free, fp32 weights and activations. */
    public static final Conventions DEFAULT = new Conventions(FlopsConvention.MULTIPLY, false, DType.FP32, DType.FP32);

    public Conventions {
        Objects.requireNonNull(flops, "flops");
        Objects.requireNonNull(weightType, "weightType");
        Objects.requireNonNull(activationType, "activationType");
    }

    public Conventions withFlops(FlopsConvention f) {
        return new Conventions(f, countElementwise, weightType, activationType);
    }

    public Conventions withCountElementwise(boolean count) {
        return new Conventions(flops, count, weightType, activationType);
    }

    public Conventions withWeightType(DType t) {
        return new Conventions(flops, countElementwise, t, activationType);
    }

    public Conventions withActivationType(DType t) {
        return new Conventions(flops, countElementwise, weightType, t);
    }

    /** A one-line label for reports, e.g. {@code flops=multiply elementwise=no weights=fp32 activations=fp32}. */
    public String label() {
        return "flops=" + flops + " elementwise=" + (countElementwise ? "counted" : "free")
                + " weights=" + weightType + " activations=" + activationType;
    }
}
