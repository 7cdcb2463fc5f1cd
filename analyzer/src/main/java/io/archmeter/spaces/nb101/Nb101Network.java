package io.archmeter.spaces.nb101;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;

/**
 * Writes the NAS-Bench-101 CIFAR-10 network of a cell spec into the open candidate of a
 * {@link CandidateBuilder}, exactly as the benchmark's {@code model_builder.py} builds it (defaults
 * from its {@code config.py}).
 *
 * <h2>The network</h2>
 * A stem (3×3 convolution without bias to 128 channels, batch norm, ReLU); 3 stacks of 3 cells,
 * a 2×2 max-pooling with stride 2 ("same", so odd sizes round up) before the second and third stack,
 * each doubling the channels (128, 256, 512); global average pooling; a dense layer with bias to
 * the classes (10).
 *
 * <h2>A cell with C_in input and C output channels</h2>
 * The spec is pruned; vertex channels follow {@code compute_vertex_channels} (the output's C split
 * among the vertices feeding it, the remainder one by one to the first; other vertices the largest
 * of their successors'). Interior vertex t sums its inputs ({@code tf.add_n}): every earlier
 * interior vertex with an edge to t, <em>truncated</em> to t's channels when it has more (the
 * benchmark's {@code truncate}: the first channels, {@code slice_c…}, a view), and the cell input
 * through a <em>projection</em> (1×1 convolution, batch norm, ReLU to t's channels) if input → t is
 * an edge; then applies its op. The output concatenates the vertices feeding it, in order, and adds
 * the projected cell input (to C) if input → output is an edge; a cell of input and output alone is
 * that projection. Layers are written in the order the reference creates them.
 *
 * <p>Parameters then equal the benchmark's trainable parameters (convolutions without bias, batch
 * norm scale and shift, the dense layer's weights and bias): the Inception-like cell of its README
 * has 2,694,282.
 *
 * <p>Not thread-safe: one instance per thread; it reuses its scratch arrays.
 */
public final class Nb101Network {
    /** The benchmark's defaults ({@code config.py}). */
    public static final int STEM_CHANNELS = 128;
    public static final int STACKS = 3;
    public static final int CELLS_PER_STACK = 3;
    public static final int DEFAULT_CLASSES = 10;

    private final int[] channels = new int[Nb101Spec.MAX_VERTICES];
    private final int[] positions = new int[Nb101Spec.MAX_VERTICES];
    private final int[] ends = new int[Nb101Spec.MAX_VERTICES];

    /** Writes the network of {@code spec} (pruned first) into the open candidate of {@code b}. */
    public void write(CandidateBuilder b, Nb101Spec spec, int classes) {
        Nb101Spec p = spec.pruned();
        write(b, p.vertices(), p.bits(), p.opLabels(), classes);
    }

    /**
     * Writes the network of an already pruned cell: {@code v} vertices, edge bits {@code bits},
     * interior op labels {@code ops} (see {@link Nb101Spec}).
     */
    public void write(CandidateBuilder b, int v, int bits, int[] ops, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        b.conv(3, 1, 1, STEM_CHANNELS, false).bn().relu();
        int x = b.position();
        int c = STEM_CHANNELS;
        for (int stack = 0; stack < STACKS; stack++) {
            int cout = c;
            if (stack > 0) {
                // tf.layers.max_pooling2d(2, 2, padding='same'): pads after, never before, so odd sizes round up
                at(b, x).pool(Op.MAX_POOL, 2, 2, 2, 2, 0, 0, true);
                x = b.position();
                cout = 2 * c;
            }
            for (int m = 0; m < CELLS_PER_STACK; m++) {
                x = cell(b, v, bits, ops, x, c, cout);
                c = cout;
            }
        }
        at(b, x).gap().fc(classes);
    }

    private int cell(CandidateBuilder b, int v, int bits, int[] ops, int input, int cin, int cout) {
        Nb101Graphs.vertexChannels(v, bits, cin, cout, channels);
        final int output = v - 1;
        positions[0] = input;
        for (int t = 1; t < output; t++) {
            if (channels[t] < 1) {
                throw Nb101Spec.error("vertex " + t + " gets no channels: " + cout + " output channels cannot be shared"
                        + " among the vertices feeding the output");
            }
            int n = 0;
            for (int src = 1; src < t; src++) {
                if (edge(bits, src, t)) {
                    // truncate(): a vertex wider than t (by the split's remainder) gives t its first channels
                    ends[n++] = channels[src] > channels[t] ? slice(b, positions[src], channels[t]) : positions[src];
                }
            }
            if (edge(bits, 0, t)) {
                ends[n++] = projection(b, input, channels[t]);
            }
            at(b, n == 1 ? ends[0] : join(b, Op.ADD, n));
            switch (Nb101Op.ofLabel(ops[t - 1])) {
                case CONV3X3 -> b.conv(3, 1, 1, channels[t], false).bn().relu();
                case CONV1X1 -> b.conv(1, 1, 1, channels[t], false).bn().relu();
                case MAXPOOL3X3 -> b.pool(Op.MAX_POOL, 3, 3, 1, 1, 1, 1, false);
            }
            positions[t] = b.position();
        }
        int n = 0;
        for (int t = 1; t < output; t++) {
            if (edge(bits, t, output)) {
                ends[n++] = positions[t];
            }
        }
        if (n == 0) {
            return projection(b, input, cout);
        }
        int out = n == 1 ? ends[0] : join(b, Op.CONCAT, n);
        if (edge(bits, 0, output)) {
            ends[0] = out;
            ends[1] = projection(b, input, cout);
            out = join(b, Op.ADD, 2);
        }
        return out;
    }

    private int join(CandidateBuilder b, Op op, int n) {
        b.join(op, ends, n);
        return b.position();
    }

    private static boolean edge(int bits, int x, int y) {
        return (bits >>> Nb101Spec.edgeBit(x, y) & 1) != 0;
    }

    /** The next layer reads {@code position} (nothing to write when it is the current tensor). */
    private static CandidateBuilder at(CandidateBuilder b, int position) {
        return position == b.position() ? b : b.from(position);
    }

    /** The benchmark's projection: 1×1 convolution without bias, batch norm, ReLU. */
    private static int projection(CandidateBuilder b, int from, int c) {
        at(b, from).conv(1, 1, 1, c, false).bn().relu();
        return b.position();
    }

    /** The benchmark's truncation: the first {@code c} channels (a slice: a view, no parameters). */
    private static int slice(CandidateBuilder b, int from, int c) {
        at(b, from).slice(0, c);
        return b.position();
    }
}
