package io.archmeter.spaces.darts;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;

/**
 * Writes the DARTS evaluation network of a genotype into the open candidate of a
 * {@link CandidateBuilder}, exactly as {@code model.py} builds it (without the auxiliary head,
 * which DARTS's {@code count_parameters_in_MB} leaves out too).
 *
 * <h2>CIFAR ({@code NetworkCIFAR}; inputs under 64×64, defaults C = 36, L = 20, 10 classes)</h2>
 * Stem: 3×3 convolution to 3C, BN. L cells; those at L/3 and 2L/3 (integer division) are
 * reduction cells and double C. Global average pooling, a linear classifier with bias.
 *
 * <h2>ImageNet ({@code NetworkImageNet}; larger inputs, defaults C = 48, L = 14, 1000 classes)</h2>
 * stem0: 3×3/2 convolution to C/2, BN, ReLU, 3×3/2 convolution to C, BN; stem1: ReLU, 3×3/2
 * convolution to C, BN; the first cell treats its first input as after a reduction. A 7×7 average
 * pooling ({@code nn.AvgPool2d(7)}, so the last map must be 7×7: a 224×224 input), the classifier.
 *
 * <h2>A cell with C channels ({@code Cell})</h2>
 * Its inputs s0, s1 (the outputs of the two previous cells) are preprocessed to C channels: s1 by
 * ReLU, 1×1 convolution, BN; s0 the same, or by a FactorizedReduce when the previous cell reduced.
 * Node k sums its two edges, each an op of {@link DartsOp} on a state (stride 2 from states 0 and
 * 1 in a reduction cell); a {@code none} edge adds nothing. The output concatenates the concat
 * states, len(concat)·C channels. FactorizedReduce: ReLU, then two 1×1 stride-2 convolutions to
 * C/2, the second on the input cropped by one pixel at the top and left ({@code x[:, :, 1:, 1:]},
 * {@code crop_o1}: its receptive field is shifted by one step), concatenated, BN.
 * Convolutions have no bias; ReLUs are costed in place, as archmeter costs every activation
 * (DARTS writes {@code ReLU(inplace=False)}: an allocation archmeter does not count).
 *
 * <p>Parameters equal the references': DARTS V1 on CIFAR 3,169,414 and ImageNet 4,510,432; P-DARTS
 * 3,433,798 and 4,944,352.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DartsNetwork {
    public static final int CIFAR_CHANNELS = 36;
    public static final int CIFAR_LAYERS = 20;
    public static final int CIFAR_CLASSES = 10;
    public static final int IMAGENET_CHANNELS = 48;
    public static final int IMAGENET_LAYERS = 14;
    public static final int IMAGENET_CLASSES = 1000;

    private int[] states = new int[8];
    private int[] ends = new int[8];
    /** The two halves of a FactorizedReduce (apart from {@link #ends}, which an edge may be filling). */
    private final int[] halves = new int[2];

    /** True if an input of h×w gets the ImageNet network (64 pixels or more on a side), else the CIFAR one. */
    public static boolean isImageNet(int h, int w) {
        return h >= 64 || w >= 64;
    }

    /**
     * Writes the network of {@code g} for the open candidate's input into {@code b}; {@code channels}
     * and {@code layers} 0 take the network's defaults for the input size.
     */
    public void write(CandidateBuilder b, Genotype g, int channels, int layers, int classes) {
        write(b, (DartsCells) g, channels, layers, classes);
    }

    void write(CandidateBuilder b, DartsCells cells, int channels, int layers, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        final boolean imageNet = isImageNet(b.inputHeight(), b.inputWidth());
        final int c = channels != 0 ? channels : imageNet ? IMAGENET_CHANNELS : CIFAR_CHANNELS;
        final int l = layers != 0 ? layers : imageNet ? IMAGENET_LAYERS : CIFAR_LAYERS;
        int s0;
        int s1;
        boolean reductionPrev;
        if (imageNet) {
            b.conv(3, 2, 1, c / 2, false).bn().relu().conv(3, 2, 1, c, false).bn();
            s0 = b.position();
            b.relu().conv(3, 2, 1, c, false).bn();
            s1 = b.position();
            reductionPrev = true;
        } else {
            b.conv(3, 1, 1, 3 * c, false).bn();
            s0 = b.position();
            s1 = s0;
            reductionPrev = false;
        }
        int cCur = c;
        for (int i = 0; i < l; i++) {
            final boolean reduction = i == l / 3 || i == 2 * l / 3;
            if (reduction) {
                cCur *= 2;
            }
            final int out = cell(b, cells, reduction, reductionPrev, s0, s1, cCur);
            reductionPrev = reduction;
            s0 = s1;
            s1 = out;
        }
        at(b, s1);
        if (imageNet) {
            b.avgPool(7, 7);
        } else {
            b.gap();
        }
        b.fc(classes);
    }

    private int cell(CandidateBuilder b, DartsCells cells, boolean reduction, boolean reductionPrev, int s0, int s1, int c) {
        final int nodes = cells.nodes(reduction);
        if (states.length < nodes + 2) {
            states = new int[2 * (nodes + 2)];
            ends = new int[2 * (nodes + 2)];
        }
        states[0] = reductionPrev ? factorizedReduce(b, s0, c) : reluConvBn(b, s0, c);
        states[1] = reluConvBn(b, s1, c);
        for (int k = 0; k < nodes; k++) {
            int n = 0;
            for (int e = 2 * k; e < 2 * k + 2; e++) {
                final DartsOp op = cells.op(reduction, e);
                final int input = cells.input(reduction, e);
                if (op != DartsOp.NONE) {
                    ends[n++] = edge(b, op, states[input], c, reduction && input < 2 ? 2 : 1);
                }
            }
            states[k + 2] = n == 2 ? join(b, Op.ADD, 2) : ends[0];
        }
        final int m = cells.concatLength(reduction);
        for (int k = 0; k < m; k++) {
            ends[k] = states[cells.concatState(reduction, k)];
        }
        return m == 1 ? ends[0] : join(b, Op.CONCAT, m);
    }

    private int join(CandidateBuilder b, Op op, int n) {
        b.join(op, ends, n);
        return b.position();
    }

    /** Writes one edge's op reading {@code x}; returns the position of its output. */
    private int edge(CandidateBuilder b, DartsOp op, int x, int c, int stride) {
        switch (op) {
            case MAX_POOL_3X3 -> at(b, x).pool(Op.MAX_POOL, 3, 3, stride, stride, 1, 1, false);
            case AVG_POOL_3X3 -> at(b, x).pool(Op.AVG_POOL, 3, 3, stride, stride, 1, 1, false);
            case SKIP_CONNECT -> {
                return stride == 1 ? x : factorizedReduce(b, x, c);
            }
            case SEP_CONV_3X3 -> sepConv(at(b, x), c, 3, stride);
            case SEP_CONV_5X5 -> sepConv(at(b, x), c, 5, stride);
            case SEP_CONV_7X7 -> sepConv(at(b, x), c, 7, stride);
            case DIL_CONV_3X3 -> dilConv(at(b, x), c, 3, stride);
            case DIL_CONV_5X5 -> dilConv(at(b, x), c, 5, stride);
            case CONV_7X1_1X7 -> at(b, x).relu().conv(1, 7, 1, stride, 0, 3, 1, 1, 1, c, false)
                    .conv(7, 1, stride, 1, 3, 0, 1, 1, 1, c, false).bn();
            case NONE -> throw new IllegalStateException("none edges are skipped");
        }
        return b.position();
    }

    /** ReLU, K×K depthwise (stride s, padding K/2), 1×1, BN; twice, the second with stride 1. */
    private static void sepConv(CandidateBuilder b, int c, int k, int stride) {
        final int p = k / 2;
        b.relu().depthwise(k, k, stride, stride, p, p, 1, 1, 1, false).conv(1, 1, 1, c, false).bn()
                .relu().depthwise(k, k, 1, 1, p, p, 1, 1, 1, false).conv(1, 1, 1, c, false).bn();
    }

    /** ReLU, K×K depthwise with dilation 2 (padding K−1), 1×1, BN. */
    private static void dilConv(CandidateBuilder b, int c, int k, int stride) {
        b.relu().depthwise(k, k, stride, stride, k - 1, k - 1, 2, 2, 1, false).conv(1, 1, 1, c, false).bn();
    }

    private static int reluConvBn(CandidateBuilder b, int x, int c) {
        at(b, x).relu().conv(1, 1, 1, c, false).bn();
        return b.position();
    }

    /**
     * DARTS's FactorizedReduce to c channels (c must be even): ReLU; conv_1 (1×1, stride 2) on it;
     * conv_2 (1×1, stride 2) on it cropped by one pixel at the top and left; both concatenated; BN.
     */
    private int factorizedReduce(CandidateBuilder b, int x, int c) {
        if (c % 2 != 0) {
            throw Genotype.error("FactorizedReduce needs an even channel count, not " + c + " (DARTS asserts C_out % 2 == 0)");
        }
        at(b, x).relu();
        final int r = b.position();
        b.conv(1, 1, 2, 2, 0, 0, 1, 1, 1, c / 2, false);
        halves[0] = b.position();
        b.from(r).crop(1, 1).conv(1, 1, 2, 2, 0, 0, 1, 1, 1, c / 2, false);
        halves[1] = b.position();
        b.join(Op.CONCAT, halves, 2).bn();
        return b.position();
    }

    /** The next layer reads {@code position} (nothing to write when it is the current tensor). */
    private static CandidateBuilder at(CandidateBuilder b, int position) {
        return position == b.position() ? b : b.from(position);
    }
}
