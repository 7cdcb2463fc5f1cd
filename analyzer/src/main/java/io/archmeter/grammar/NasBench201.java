package io.archmeter.grammar;

import io.archmeter.encoding.BranchStack;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

/**
 * NAS-Bench-201 (NATS-Bench topology space) cell strings and NATS-Bench size-space channel strings,
 * expanded into the full networks of the reference implementation (xautodl's {@code TinyNetwork},
 * {@code DynamicShapeTinyNet}, {@code InferCell} and {@code cell_operations}).
 *
 * <h2>The topology space: {@code |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|}</h2>
 * A cell has nodes 0 (its input) to 3 (its output); node j is the sum over its incoming edges
 * {@code op~i} of op applied to node i. The network: a stem (3×3 conv to 16, no bias, BN); three
 * stages of 5 cells at 16, 32 and 64 channels, with a ResNet reduction block between stages
 * (ReLU-conv 3×3 stride 2-BN, ReLU-conv 3×3-BN, plus a shortcut of 2×2 average pooling and a 1×1
 * conv without bias); BN, ReLU, global pooling and a linear classifier. Input 32x32x3 for
 * CIFAR-10/100, 16x16x3 for ImageNet16-120; classes 10, 100 or 120.
 * <table>
 *   <caption>Edge operations</caption>
 *   <tr><td>{@code none}</td><td>the edge is absent (a zero tensor adds nothing and costs nothing)</td></tr>
 *   <tr><td>{@code skip_connect}</td><td>identity (ReLU, 1×1 conv, BN when the channels change)</td></tr>
 *   <tr><td>{@code nor_conv_1x1}, {@code nor_conv_3x3}</td><td>ReLU, conv without bias, BN</td></tr>
 *   <tr><td>{@code avg_pool_3x3}</td><td>3×3 average pooling, stride 1, padding 1 (after ReLU-1×1 conv-BN when the channels change)</td></tr>
 * </table>
 * FLOPs in this project's default convention (MACs + bias, element-wise layers free) and
 * parameters equal the benchmark's published numbers: all-{@code nor_conv_3x3} cells on CIFAR-10
 * give 220,119,690 FLOPs and 1,531,546 parameters; cells without convolutions 7,783,050 and 73,306.
 *
 * <h2>The size space: {@code 8:16:32:48:64}</h2>
 * 3N + 2 channel counts (N = 1 in NATS-Bench): a stem at the first, then N cells, a reduction, N
 * cells, a reduction, N cells, each layer at its own count; the cell topology is fixed to the
 * benchmark's {@value #SIZE_SPACE_CELL}.
 */
public final class NasBench201 {
    /** The cell topology of every network of the NATS-Bench size space. */
    public static final String SIZE_SPACE_CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private static final String[] OPS = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"};
    private static final int NONE = 0;
    private static final int SKIP = 1;
    private static final int CONV_1X1 = 2;
    private static final int CONV_3X3 = 3;
    private static final int AVG_POOL = 4;

    private NasBench201() {
    }

    /** True if {@code arch} is a cell string (it starts with '|'). */
    public static boolean isCellString(CharSequence arch) {
        int i = firstNonSpace(arch);
        return i < arch.length() && arch.charAt(i) == '|';
    }

    /** True if {@code arch} is a size-space string: integers separated by ':'. */
    public static boolean isSizeString(CharSequence arch) {
        String s = arch.toString().trim();
        return s.indexOf(':') > 0 && s.chars().allMatch(ch -> ch == ':' || ch >= '0' && ch <= '9');
    }

    /** Appends the NAS-Bench-201 network of {@code cell} (C = 16, N = 5) to the open candidate. */
    public static void appendTopologyNetwork(CharSequence cell, int classes, CandidateBatch batch) {
        int[][] edges = parseCell(cell.toString().trim());
        int[] channels = new int[17];
        for (int i = 0; i < 17; i++) {
            channels[i] = i < 5 ? 16 : i < 11 ? 32 : 64;     // [C]*N + [2C] + [2C]*N + [4C] + [4C]*N
        }
        appendNetwork(channels, 5, edges, classes, batch);
    }

    /** Appends the NATS-Bench size-space network of {@code channels} ("8:16:32:48:64") to the open candidate. */
    public static void appendSizeNetwork(CharSequence channelString, int classes, CandidateBatch batch) {
        String[] parts = channelString.toString().trim().split(":", -1);
        if (parts.length % 3 != 2) {
            throw new ArchSyntaxException(0, channelString.toString(), "a size-space string has 3N+2 channel counts"
                    + " (5 in NATS-Bench, e.g. 8:16:32:48:64), not " + parts.length);
        }
        int[] channels = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 6) {
                throw new ArchSyntaxException(0, channelString.toString(), "channel count " + (i + 1) + " '" + parts[i]
                        + "' is not an integer from 1 to 999999");
            }
            channels[i] = Integer.parseInt(parts[i]);
            if (channels[i] < 1) {
                throw new ArchSyntaxException(0, channelString.toString(), "channel count " + (i + 1) + " is 0");
            }
        }
        appendNetwork(channels, parts.length / 3, parseCell(SIZE_SPACE_CELL), classes, batch);
    }

    /**
     * Parses {@code |op~i|+|op~i|op~i|+|op~i|op~i|op~i|} into edges[node - 1] = {op, from, op, from, …}.
     */
    static int[][] parseCell(String cell) {
        String[] nodes = cell.split("\\+", -1);
        if (nodes.length != 3) {
            throw new ArchSyntaxException(0, cell, "a NAS-Bench-201 cell has 3 nodes separated by '+', not " + nodes.length
                    + " (e.g. |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|)");
        }
        int[][] edges = new int[3][];
        for (int n = 0; n < 3; n++) {
            String node = nodes[n];
            if (node.length() < 2 || node.charAt(0) != '|' || node.charAt(node.length() - 1) != '|') {
                throw new ArchSyntaxException(0, cell, "node " + (n + 1) + " '" + node + "' is not of the form |op~i|…|");
            }
            String[] inputs = node.substring(1, node.length() - 1).split("\\|", -1);
            if (inputs.length != n + 1) {
                throw new ArchSyntaxException(0, cell, "node " + (n + 1) + " has " + inputs.length + " edges; it takes one from"
                        + " each earlier node (" + (n + 1) + ")");
            }
            edges[n] = new int[2 * inputs.length];
            for (int e = 0; e < inputs.length; e++) {
                String edge = inputs[e];
                int tilde = edge.indexOf('~');
                String name = tilde < 0 ? edge : edge.substring(0, tilde);
                int op = -1;
                for (int o = 0; o < OPS.length; o++) {
                    if (OPS[o].equals(name)) {
                        op = o;
                    }
                }
                if (op < 0) {
                    String near = Suggest.nearest(name, OPS);
                    throw new ArchSyntaxException(0, cell, "node " + (n + 1) + ": unknown operation '" + name + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; expected one of " + String.join(", ", OPS));
                }
                String from = tilde < 0 ? "" : edge.substring(tilde + 1);
                if (!from.equals(Integer.toString(e))) {
                    throw new ArchSyntaxException(0, cell, "node " + (n + 1) + ": edge '" + edge + "' must read node " + e
                            + " (written " + name + "~" + e + ")");
                }
                edges[n][2 * e] = op;
                edges[n][2 * e + 1] = e;
            }
        }
        return edges;
    }

    private static void appendNetwork(int[] channels, int n, int[][] edges, int classes, CandidateBatch b) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        // stem: 3x3 conv without bias, BN
        conv(b, 3, 1, channels[0]);
        simple(b, OpCode.BATCH_NORM);
        int prev = channels[0];
        for (int i = 0; i < channels.length; i++) {
            boolean reduction = i == n || i == 2 * n + 1;
            if (reduction) {
                resnetReduction(b, prev, channels[i]);
            } else {
                cell(b, edges, prev, channels[i]);
            }
            prev = channels[i];
        }
        simple(b, OpCode.BATCH_NORM);
        simple(b, OpCode.RELU);
        simple(b, OpCode.GLOBAL_AVG_POOL);
        b.appendLayer(OpCode.FC, 1, 1, 1, 1, 0, 0, 1, 1, 1, classes, 1, 1);
    }

    /** xautodl ResNetBasicblock with stride 2: ReLU-conv-BN twice, shortcut avgpool 2 + 1x1 conv. */
    private static void resnetReduction(CandidateBatch b, int cin, int cout) {
        int input = b.openLayers() - 1;
        simple(b, OpCode.RELU);
        conv(b, 3, 2, cout);
        simple(b, OpCode.BATCH_NORM);
        simple(b, OpCode.RELU);
        conv(b, 3, 1, cout);
        simple(b, OpCode.BATCH_NORM);
        int main = b.openLayers() - 1;
        b.appendLayer(OpCode.AVG_POOL, 2, 2, 2, 2, 0, 0, 1, 1, 1, 0, 1, 0);
        b.setLastInput(b.openLayers() - 1 - input);
        conv(b, 1, 1, cout);
        int shortcut = b.openLayers() - 1;
        BranchStack.join(b, Op.ADD, new int[] {shortcut, main}, 0, 2);
    }

    /** One cell: node j = the sum of its edges' outputs. */
    private static void cell(CandidateBatch b, int[][] edges, int cin, int cout) {
        int[] nodes = new int[4];
        nodes[0] = b.openLayers() - 1;
        for (int j = 1; j <= 3; j++) {
            int[] ends = new int[j];
            int count = 0;
            for (int e = 0; e < j; e++) {
                int op = edges[j - 1][2 * e];
                int from = edges[j - 1][2 * e + 1];
                if (op == NONE) {
                    continue;
                }
                int in = from == 0 ? cin : cout;
                ends[count++] = edge(b, op, nodes[from], in, cout);
            }
            if (count == 0) {
                // every edge is none: the node is a zero tensor of the input's shape
                if (cin != cout) {
                    throw new ArchSyntaxException(0, "", "node " + j + " has only 'none' edges in a cell that changes the"
                            + " channels (" + cin + " to " + cout + "): its zero tensor has no layer to stand for it");
                }
                nodes[j] = nodes[0];
            } else if (count == 1) {
                nodes[j] = ends[0];
            } else {
                BranchStack.join(b, Op.ADD, ends, 0, count);
                nodes[j] = b.openLayers() - 1;
            }
        }
        if (nodes[3] != b.openLayers() - 1) {
            // the cell's output is an earlier tensor: an identity makes it the current one
            b.appendSimple(OpCode.IDENTITY);
            b.setLastInput(b.openLayers() - 1 - nodes[3]);
        }
    }

    /** Appends one edge's layers reading position {@code from}; returns the position of its output. */
    private static int edge(CandidateBatch b, int op, int from, int cin, int cout) {
        int start = b.openLayers();
        switch (op) {
            case SKIP -> {
                if (cin == cout) {
                    return from;
                }
                reluConvBn(b, 1, cout);      // FactorizedReduce with stride 1
            }
            case CONV_1X1 -> reluConvBn(b, 1, cout);
            case CONV_3X3 -> reluConvBn(b, 3, cout);
            default -> {
                if (cin != cout) {
                    reluConvBn(b, 1, cout);
                }
                b.appendLayer(OpCode.AVG_POOL, 3, 3, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0);
            }
        }
        // the edge's first layer reads its source node
        b.setInput(start, start - from);
        return b.openLayers() - 1;
    }

    private static void reluConvBn(CandidateBatch b, int k, int cout) {
        simple(b, OpCode.RELU);
        conv(b, k, 1, cout);
        simple(b, OpCode.BATCH_NORM);
    }

    private static void conv(CandidateBatch b, int k, int s, int cout) {
        int pad = (k - 1) / 2;
        b.appendLayer(OpCode.CONV, k, k, s, s, pad, pad, 1, 1, 1, cout, 1, 0);
    }

    private static void simple(CandidateBatch b, int op) {
        b.appendSimple(op);
    }

    private static int firstNonSpace(CharSequence s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
