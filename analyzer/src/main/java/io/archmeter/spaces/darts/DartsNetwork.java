package io.archmeter.spaces.darts;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.Op;
import io.archmeter.spaces.support.GraphWriter;

/**
 * Writes the DARTS evaluation network of a genotype into the open candidate of a batch, exactly as
 * {@code model.py} builds it (without the auxiliary head, which DARTS's {@code count_parameters_in_MB}
 * leaves out too).
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
 * C/2, the second on the input cropped by one pixel at the top and left ({@code x[:, :, 1:, 1:]}),
 * concatenated, BN.
 *
 * <p>Parameters equal the references': DARTS V1 on CIFAR 3,169,414; P-DARTS 3,433,798.
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
    private GraphWriter writer;

    /** True if an input of h×w gets the ImageNet network (64 pixels or more on a side), else the CIFAR one. */
    public static boolean isImageNet(int h, int w) {
        return h >= 64 || w >= 64;
    }

    /**
     * Appends the network of {@code g} for the open candidate's input ({@code h}×{@code w}) to
     * {@code batch}; {@code channels} and {@code layers} 0 take the genotype's options or the defaults.
     */
    public void append(CandidateBatch batch, Genotype g, int h, int w, int classes) {
        append(batch, new CellSource(g), h, w, g.channels(), g.layers(), classes);
    }

    void append(CandidateBatch batch, CellSource cells, int h, int w, int channels, int layers, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        GraphWriter gw = writer != null && writer.batch() == batch ? writer : (writer = new GraphWriter(batch));
        boolean imageNet = isImageNet(h, w);
        int c = channels != 0 ? channels : imageNet ? IMAGENET_CHANNELS : CIFAR_CHANNELS;
        int l = layers != 0 ? layers : imageNet ? IMAGENET_LAYERS : CIFAR_LAYERS;
        int s0;
        int s1;
        int cPrevPrev;
        int cPrev;
        boolean reductionPrev;
        if (imageNet) {
            s0 = gw.relu(gw.bn(gw.conv(GraphWriter.INPUT, 3, 2, c / 2, false)));
            s0 = gw.bn(gw.conv(s0, 3, 2, c, false));
            s1 = gw.bn(gw.conv(gw.relu(s0), 3, 2, c, false));
            cPrevPrev = c;
            cPrev = c;
            reductionPrev = true;
        } else {
            s0 = gw.bn(gw.conv(GraphWriter.INPUT, 3, 1, 3 * c, false));
            s1 = s0;
            cPrevPrev = 3 * c;
            cPrev = 3 * c;
            reductionPrev = false;
        }
        int cCur = c;
        for (int i = 0; i < l; i++) {
            boolean reduction = i == l / 3 || i == 2 * l / 3;
            if (reduction) {
                cCur *= 2;
            }
            int out = cell(gw, cells, reduction, reductionPrev, s0, s1, cCur);
            reductionPrev = reduction;
            s0 = s1;
            s1 = out;
            cPrevPrev = cPrev;
            cPrev = cells.concatLength(reduction) * cCur;
        }
        int pooled = imageNet ? gw.avgPool(s1, 7, 7, 0, false) : gw.gap(s1);
        gw.fc(pooled, classes, true);
    }

    private int cell(GraphWriter g, CellSource cells, boolean reduction, boolean reductionPrev, int s0, int s1, int c) {
        int nodes = cells.nodes(reduction);
        if (states.length < nodes + 2) {
            states = new int[2 * (nodes + 2)];
            ends = new int[2 * (nodes + 2)];
        }
        states[0] = reductionPrev ? factorizedReduce(g, s0, c) : reluConvBn(g, s0, c);
        states[1] = reluConvBn(g, s1, c);
        for (int k = 0; k < nodes; k++) {
            int n = 0;
            for (int e = 2 * k; e < 2 * k + 2; e++) {
                DartsOp op = cells.op(reduction, e);
                int input = cells.input(reduction, e);
                if (op != DartsOp.NONE) {
                    ends[n++] = edge(g, op, states[input], c, reduction && input < 2 ? 2 : 1);
                }
            }
            states[k + 2] = n == 2 ? g.add(ends[0], ends[1]) : ends[0];
        }
        int m = cells.concatLength(reduction);
        for (int k = 0; k < m; k++) {
            ends[k] = states[cells.concatState(reduction, k)];
        }
        return g.join(Op.CONCAT, ends, m);
    }

    private static int edge(GraphWriter g, DartsOp op, int x, int c, int stride) {
        return switch (op) {
            case MAX_POOL_3X3 -> g.maxPool(x, 3, stride, 1, false);
            case AVG_POOL_3X3 -> g.avgPool(x, 3, stride, 1, false);
            case SKIP_CONNECT -> stride == 1 ? x : factorizedReduce(g, x, c);
            case SEP_CONV_3X3 -> sepConv(g, x, c, 3, stride);
            case SEP_CONV_5X5 -> sepConv(g, x, c, 5, stride);
            case SEP_CONV_7X7 -> sepConv(g, x, c, 7, stride);
            case DIL_CONV_3X3 -> dilConv(g, x, c, 3, stride);
            case DIL_CONV_5X5 -> dilConv(g, x, c, 5, stride);
            case CONV_7X1_1X7 -> {
                int y = g.conv(g.relu(x), 1, 7, 1, stride, 0, 3, 1, 1, c, false);
                yield g.bn(g.conv(y, 7, 1, stride, 1, 3, 0, 1, 1, c, false));
            }
            case NONE -> throw new IllegalStateException("none edges are skipped");
        };
    }

    /** ReLU, K×K depthwise (stride s, padding K/2), 1×1, BN; twice, the second with stride 1. */
    private static int sepConv(GraphWriter g, int x, int c, int k, int stride) {
        int y = g.bn(g.conv(g.depthwise(g.relu(x), k, stride, k / 2, 1), 1, 1, c, false));
        return g.bn(g.conv(g.depthwise(g.relu(y), k, 1, k / 2, 1), 1, 1, c, false));
    }

    /** ReLU, K×K depthwise with dilation 2 (padding K−1), 1×1, BN. */
    private static int dilConv(GraphWriter g, int x, int c, int k, int stride) {
        return g.bn(g.conv(g.depthwise(g.relu(x), k, stride, k - 1, 2), 1, 1, c, false));
    }

    private static int reluConvBn(GraphWriter g, int x, int c) {
        return g.bn(g.conv(g.relu(x), 1, 1, c, false));
    }

    /** DARTS's FactorizedReduce to c channels (c must be even). */
    private static int factorizedReduce(GraphWriter g, int x, int c) {
        if (c % 2 != 0) {
            throw Genotype.error("FactorizedReduce needs an even channel count, not " + c + " (DARTS asserts C_out % 2 == 0)");
        }
        int r = g.relu(x);
        int a = g.conv(r, 1, 1, 2, 2, 0, 0, 1, 1, c / 2, false);
        int b = g.conv(g.cropTopLeft(r, 1), 1, 1, 2, 2, 0, 0, 1, 1, c / 2, false);
        return g.bn(g.join2(Op.CONCAT, a, b));
    }

    /** The cells a network is built from: a parsed genotype, or a sampler's primitive arrays. */
    static class CellSource {
        private final Genotype genotype;

        CellSource(Genotype genotype) {
            this.genotype = genotype;
        }

        int nodes(boolean reduce) {
            return genotype.nodes(reduce);
        }

        DartsOp op(boolean reduce, int e) {
            return genotype.op(reduce, e);
        }

        int input(boolean reduce, int e) {
            return genotype.input(reduce, e);
        }

        int concatLength(boolean reduce) {
            return genotype.concatLength(reduce);
        }

        int concatState(boolean reduce, int k) {
            return genotype.concatState(reduce, k);
        }
    }
}
