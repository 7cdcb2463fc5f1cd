package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.model.Suggest;

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
 *
 * <h2>Two entries of the registry</h2>
 * {@link #TOPOLOGY} ({@code nb201}: 5<sup>6</sup> = 15,625 cells, candidate i has the edge
 * operations of i's base-5 digits, the first edge most significant, in the order none,
 * skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3) and {@link #SIZE} ({@code nats-sss}:
 * 8<sup>5</sup> = 32,768 networks, channels from {8, 16, …, 64}, candidate i's base-8 digits). Both
 * default to CIFAR-10: a 32x32x3 input and 10 classes.
 */
public final class NasBench201 {
    /** The cell topology of every network of the NATS-Bench size space. */
    public static final String SIZE_SPACE_CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    /** NAS-Bench-201 / NATS-Bench topology-space cell strings. */
    public static final SearchSpace TOPOLOGY = new Topology();
    /** NATS-Bench size-space channel strings. */
    public static final SearchSpace SIZE = new Size();

    /** CIFAR-10/100 images; ImageNet16-120 takes 16x16x3. */
    static final InputShape CIFAR_INPUT = new InputShape(32, 32, 3);
    static final int CIFAR10_CLASSES = 10;

    private static final String[] OPS = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"};
    private static final int NONE = 0;
    private static final int SKIP = 1;
    private static final int CONV_1X1 = 2;
    private static final int CONV_3X3 = 3;
    /** Edges of a cell: node 1 has one, node 2 two, node 3 three. */
    private static final int EDGES = 6;
    /** The channel counts of the size space. */
    private static final int[] SIZE_CHANNELS = {8, 16, 24, 32, 40, 48, 56, 64};

    private NasBench201() {
    }

    private static final class Topology implements SearchSpace {
        @Override
        public String firstChars() {
            return "|";
        }

        @Override
        public String name() {
            return "nb201";
        }

        @Override
        public String title() {
            return "NAS-Bench-201 / NATS-Bench topology cells (xautodl TinyNetwork, C = 16, N = 5)";
        }

        @Override
        public String example() {
            return "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
        }

        @Override
        public InputShape defaultInput() {
            return CIFAR_INPUT;
        }

        @Override
        public int defaultClasses() {
            return CIFAR10_CLASSES;
        }

        /** A cell string starts with '|' (blanks before and after it are ignored, as around a size string): no archmeter string does. */
        @Override
        public boolean recognizes(CharSequence arch) {
            int i = firstNonSpace(arch);
            return i < arch.length() && arch.charAt(i) == '|';
        }

        @Override
        public void write(CharSequence cell, SpaceOptions options, CandidateBuilder builder) {
            appendTopologyNetwork(parseCell(stripBlanks(cell)), options.classesFor(this), builder);
        }

        @Override
        public long size() {
            long n = 1;
            for (int e = 0; e < EDGES; e++) {
                n *= OPS.length;
            }
            return n;
        }

        @Override
        public void writeCandidate(long index, SpaceOptions options, CandidateBuilder builder) {
            appendTopologyNetwork(edgesOf(checkIndex(this, index)), options.classesFor(this), builder);
        }

        @Override
        public void appendNotation(long index, StringBuilder out) {
            int[][] edges = edgesOf(checkIndex(this, index));
            for (int n = 0; n < 3; n++) {
                out.append(n == 0 ? "|" : "+|");
                for (int e = 0; e <= n; e++) {
                    out.append(OPS[edges[n][2 * e]]).append('~').append(e).append('|');
                }
            }
        }

        /** Edge operations from the base-5 digits of {@code index}, the first edge most significant. */
        private static int[][] edgesOf(long index) {
            int[][] edges = new int[3][];
            long rest = index;
            int[] ops = new int[EDGES];
            for (int e = EDGES - 1; e >= 0; e--) {
                ops[e] = (int) (rest % OPS.length);
                rest /= OPS.length;
            }
            int k = 0;
            for (int n = 0; n < 3; n++) {
                edges[n] = new int[2 * (n + 1)];
                for (int e = 0; e <= n; e++) {
                    edges[n][2 * e] = ops[k++];
                    edges[n][2 * e + 1] = e;
                }
            }
            return edges;
        }
    }

    private static final class Size implements SearchSpace {
        @Override
        public String firstChars() {
            return "0123456789";
        }

        @Override
        public String name() {
            return "nats-sss";
        }

        @Override
        public String title() {
            return "NATS-Bench size space (xautodl DynamicShapeTinyNet, N = 1, the fixed best cell)";
        }

        @Override
        public String example() {
            return "8:16:32:48:64";
        }

        @Override
        public InputShape defaultInput() {
            return CIFAR_INPUT;
        }

        @Override
        public int defaultClasses() {
            return CIFAR10_CLASSES;
        }

        /**
         * Integers separated by ':', with blanks (spaces, tabs, a line end) allowed before and after,
         * as around a cell string (no archmeter token starts with a digit).
         */
        @Override
        public boolean recognizes(CharSequence arch) {
            final int from = firstNonSpace(arch);
            final int to = endNonSpace(arch, from);
            if (from == to || arch.charAt(from) < '0' || arch.charAt(from) > '9') {
                return false;
            }
            boolean colon = false;
            for (int i = from; i < to; i++) {
                final char ch = arch.charAt(i);
                if (ch == ':') {
                    colon = true;
                } else if (ch < '0' || ch > '9') {
                    return false;
                }
            }
            return colon;
        }

        @Override
        public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
            appendSizeNetwork(text, options.classesFor(this), builder);
        }

        @Override
        public long size() {
            long n = 1;
            for (int i = 0; i < 5; i++) {
                n *= SIZE_CHANNELS.length;
            }
            return n;
        }

        @Override
        public void writeCandidate(long index, SpaceOptions options, CandidateBuilder builder) {
            appendNetwork(channelsOf(checkIndex(this, index)), 1, parseCell(SIZE_SPACE_CELL), options.classesFor(this), builder);
        }

        @Override
        public void appendNotation(long index, StringBuilder out) {
            int[] channels = channelsOf(checkIndex(this, index));
            for (int i = 0; i < channels.length; i++) {
                out.append(i == 0 ? "" : ":").append(channels[i]);
            }
        }

        /** Channels from the base-8 digits of {@code index}, the first layer's most significant. */
        private static int[] channelsOf(long index) {
            int[] channels = new int[5];
            long rest = index;
            for (int i = channels.length - 1; i >= 0; i--) {
                channels[i] = SIZE_CHANNELS[(int) (rest % SIZE_CHANNELS.length)];
                rest /= SIZE_CHANNELS.length;
            }
            return channels;
        }
    }

    private static long checkIndex(SearchSpace space, long index) {
        if (index < 0 || index >= space.size()) {
            throw new IndexOutOfBoundsException(space.name() + " has candidates 0 to " + (space.size() - 1) + ", not " + index);
        }
        return index;
    }

    /** Appends the NAS-Bench-201 network of a parsed cell (C = 16, N = 5) to the open candidate. */
    private static void appendTopologyNetwork(int[][] edges, int classes, CandidateBuilder b) {
        int[] channels = new int[17];
        for (int i = 0; i < 17; i++) {
            channels[i] = i < 5 ? 16 : i < 11 ? 32 : 64;     // [C]*N + [2C] + [2C]*N + [4C] + [4C]*N
        }
        appendNetwork(channels, 5, edges, classes, b);
    }

    /** Appends the NATS-Bench size-space network of {@code channels} ("8:16:32:48:64") to the open candidate. */
    private static void appendSizeNetwork(CharSequence channelString, int classes, CandidateBuilder b) {
        String[] parts = stripBlanks(channelString).split(":", -1);
        if (parts.length % 3 != 2) {
            throw new NotationException(0, channelString.toString(), "a size-space string has 3N+2 channel counts"
                    + " (5 in NATS-Bench, e.g. 8:16:32:48:64), not " + parts.length);
        }
        int[] channels = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 6) {
                throw new NotationException(0, channelString.toString(), "channel count " + (i + 1) + " '" + parts[i]
                        + "' is not an integer from 1 to 999999");
            }
            channels[i] = Integer.parseInt(parts[i]);
            if (channels[i] < 1) {
                throw new NotationException(0, channelString.toString(), "channel count " + (i + 1) + " is 0");
            }
        }
        appendNetwork(channels, parts.length / 3, parseCell(SIZE_SPACE_CELL), classes, b);
    }

    /**
     * Parses {@code |op~i|+|op~i|op~i|+|op~i|op~i|op~i|} into edges[node - 1] = {op, from, op, from, …}.
     */
    private static int[][] parseCell(String cell) {
        String[] nodes = cell.split("\\+", -1);
        if (nodes.length != 3) {
            throw new NotationException(0, cell, "a NAS-Bench-201 cell has 3 nodes separated by '+', not " + nodes.length
                    + " (e.g. |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|)");
        }
        int[][] edges = new int[3][];
        for (int n = 0; n < 3; n++) {
            String node = nodes[n];
            if (node.length() < 2 || node.charAt(0) != '|' || node.charAt(node.length() - 1) != '|') {
                throw new NotationException(0, cell, "node " + (n + 1) + " '" + node + "' is not of the form |op~i|…|");
            }
            String[] inputs = node.substring(1, node.length() - 1).split("\\|", -1);
            if (inputs.length != n + 1) {
                throw new NotationException(0, cell, "node " + (n + 1) + " has " + inputs.length + " edges; it takes one from"
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
                    throw new NotationException(0, cell, "node " + (n + 1) + ": unknown operation '" + name + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; expected one of " + String.join(", ", OPS));
                }
                String from = tilde < 0 ? "" : edge.substring(tilde + 1);
                if (!from.equals(Integer.toString(e))) {
                    throw new NotationException(0, cell, "node " + (n + 1) + ": edge '" + edge + "' must read node " + e
                            + " (written " + name + "~" + e + ")");
                }
                edges[n][2 * e] = op;
                edges[n][2 * e + 1] = e;
            }
        }
        return edges;
    }

    private static void appendNetwork(int[] channels, int n, int[][] edges, int classes, CandidateBuilder b) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        // stem: 3x3 conv without bias, BN
        conv(b, 3, 1, channels[0]).bn();
        int prev = channels[0];
        for (int i = 0; i < channels.length; i++) {
            boolean reduction = i == n || i == 2 * n + 1;
            if (reduction) {
                resnetReduction(b, channels[i]);
            } else {
                cell(b, edges, prev, channels[i]);
            }
            prev = channels[i];
        }
        b.bn().relu().gap().fc(classes);
    }

    /** xautodl ResNetBasicblock with stride 2: ReLU-conv-BN twice, shortcut avgpool 2 + 1x1 conv. */
    private static void resnetReduction(CandidateBuilder b, int cout) {
        final int input = b.layers() - 1;
        b.relu();
        conv(b, 3, 2, cout).bn().relu();
        conv(b, 3, 1, cout).bn();
        final int main = b.layers() - 1;
        b.from(input).avgPool(2, 2);
        conv(b, 1, 1, cout);
        final int shortcut = b.layers() - 1;
        b.join(Op.ADD, shortcut, main);
    }

    /** One cell: node j = the sum of its edges' outputs. */
    private static void cell(CandidateBuilder b, int[][] edges, int cin, int cout) {
        int[] nodes = new int[4];
        nodes[0] = b.layers() - 1;
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
                    throw new NotationException(0, "", "node " + j + " has only 'none' edges in a cell that changes the"
                            + " channels (" + cin + " to " + cout + "): its zero tensor has no layer to stand for it");
                }
                nodes[j] = nodes[0];
            } else if (count == 1) {
                nodes[j] = ends[0];
            } else {
                b.join(Op.ADD, ends, count);
                nodes[j] = b.layers() - 1;
            }
        }
        if (nodes[3] != b.layers() - 1) {
            // the cell's output is an earlier tensor: an identity makes it the current one
            b.from(nodes[3]).identity();
        }
    }

    /** Appends one edge's layers reading position {@code from}; returns the position of its output. */
    private static int edge(CandidateBuilder b, int op, int from, int cin, int cout) {
        if (op == SKIP && cin == cout) {
            return from;
        }
        // the edge's first layer reads its source node
        b.from(from);
        switch (op) {
            case SKIP -> reluConvBn(b, 1, cout);      // FactorizedReduce with stride 1
            case CONV_1X1 -> reluConvBn(b, 1, cout);
            case CONV_3X3 -> reluConvBn(b, 3, cout);
            default -> {
                if (cin != cout) {
                    reluConvBn(b, 1, cout);
                }
                b.pool(Op.AVG_POOL, 3, 3, 1, 1, 1, 1, false);
            }
        }
        return b.layers() - 1;
    }

    private static void reluConvBn(CandidateBuilder b, int k, int cout) {
        conv(b.relu(), k, 1, cout).bn();
    }

    /** A k×k convolution without bias, "same" padding. */
    private static CandidateBuilder conv(CandidateBuilder b, int k, int s, int cout) {
        return b.conv(k, s, 1, cout, false);
    }

    /**
     * Blanks around a notation string, ignored at either end alike: what {@link String#trim()} drops
     * (spaces, tabs, a line end), so " 8:16:32:48:64" reads as "8:16:32:48:64 " does.
     */
    private static boolean isBlank(char ch) {
        return ch <= ' ';
    }

    private static int firstNonSpace(CharSequence s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the last character of {@code s} that is not a blank, at least {@code from}. */
    private static int endNonSpace(CharSequence s, int from) {
        int to = s.length();
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** {@code s} without the blanks at either end. */
    private static String stripBlanks(CharSequence s) {
        final int from = firstNonSpace(s);
        return s.subSequence(from, endNonSpace(s, from)).toString();
    }
}
