package io.archmeter.model;

/**
 * The integer codes of the layer operations, as stored in the {@code OP} field of a
 * {@link io.archmeter.encoding.LayerRecord}. They are compile-time constants so that the
 * engine's hot loop can {@code switch} on them; {@link Op} gives each code its name.
 *
 * <p>Codes are part of the encoding: never renumber one, only append. A code says nothing by
 * its value: what an op is and does is its description in {@link Op}, and no code range stands
 * for a trait (an appended op is neither a join nor an activation because of where its code falls).
 */
public final class OpCode {
    /** Convolution with explicit groups (1 = dense). */
    public static final int CONV = 0;
    /** Depthwise convolution: groups = input channels, output channels = input channels · multiplier. */
    public static final int DEPTHWISE = 1;
    public static final int MAX_POOL = 2;
    public static final int AVG_POOL = 3;
    /** Global average pooling to 1×1×C. */
    public static final int GLOBAL_AVG_POOL = 4;
    /** Fully connected; flattens H·W·C. */
    public static final int FC = 5;
    public static final int BATCH_NORM = 6;
    public static final int RELU = 7;
    public static final int RELU6 = 8;
    public static final int SIGMOID = 9;
    public static final int SWISH = 10;
    public static final int HSWISH = 11;
    public static final int HSIGMOID = 12;
    public static final int TANH = 13;
    public static final int GELU = 14;
    /** Local response normalisation (AlexNet). */
    public static final int LRN = 15;
    public static final int DROPOUT = 16;
    public static final int FLATTEN = 17;
    public static final int IDENTITY = 18;

    /** Join: element-wise sum of two tensors of one shape (a residual connection). */
    public static final int ADD = 19;
    /** Join: concatenation of two tensors of one height and width along the channels. */
    public static final int CONCAT = 20;
    /** Join: element-wise product, the second operand 1×1×C broadcast over H×W (squeeze-excite gating) or of the same shape. */
    public static final int MUL = 21;

    /** Channel shuffle (ShuffleNet): C split into g groups, transposed to interleave them. */
    public static final int SHUFFLE = 22;

    /** Channel slice: channels [at, at + c) of the input, a view (a NAS-Bench-101 truncation, a ShuffleNetV2 split half). */
    public static final int SLICE = 23;
    /** Crop: the input without its first o rows and o columns ({@code x[:, :, o:, o:]}), a view (DARTS's FactorizedReduce). */
    public static final int CROP = 24;

    /** One more than the largest code. */
    public static final int COUNT = 25;

    private OpCode() {
    }
}
