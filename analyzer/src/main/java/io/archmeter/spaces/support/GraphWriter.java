package io.archmeter.spaces.support;

import io.archmeter.encoding.BranchStack;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

/**
 * Writes a network into the open candidate of a {@link CandidateBatch} the way cell-based search
 * spaces describe one: every layer names the tensor it reads by its <em>position</em> (the index
 * of the layer that made it in the open candidate, {@link #INPUT} for the network input), and
 * every call returns the position of the tensor it made. Joins take the positions of their
 * inputs. Allocates nothing per call once the batch has grown (the join scratch is reused).
 *
 * <pre>{@code
 * GraphWriter g = new GraphWriter(batch);                 // batch.begin(32, 32, 3) done
 * int x = g.relu(g.bn(g.conv(GraphWriter.INPUT, 3, 1, 16, false)));
 * int a = g.bn(g.conv(x, 3, 1, 16, false));
 * int out = g.add(a, x);                                   // a residual join
 * }</pre>
 *
 * <p>Layers carry no bias unless asked ({@code bias}); "same" padding is floor(d·(k−1)/2).
 */
public final class GraphWriter {
    /** The position of the network input. */
    public static final int INPUT = -1;

    private final CandidateBatch batch;
    private int[] ends = new int[8];

    public GraphWriter(CandidateBatch batch) {
        this.batch = batch;
    }

    public CandidateBatch batch() {
        return batch;
    }

    /** Position of the last layer written ({@link #INPUT} if none). */
    public int last() {
        return batch.openLayers() - 1;
    }

    /** Makes the layer just appended read {@code from}, and returns its position. */
    private int reads(int from) {
        final int j = batch.openLayers() - 1;
        if (from != j - 1) {
            batch.setLastInput(j - from);
        }
        return j;
    }

    /** A square k×k convolution with stride s and "same" padding. */
    public int conv(int from, int k, int s, int cout, boolean bias) {
        final int p = (k - 1) / 2;
        return conv(from, k, k, s, s, p, p, 1, 1, cout, bias);
    }

    /** A convolution with every parameter given (dilation d on both axes). */
    public int conv(int from, int kh, int kw, int sh, int sw, int ph, int pw, int d, int groups, int cout, boolean bias) {
        batch.appendLayer(OpCode.CONV, kh, kw, sh, sw, ph, pw, d, d, groups, cout, 1, bias ? LayerRecord.FLAG_BIAS : 0);
        return reads(from);
    }

    /** A depthwise k×k convolution (multiplier 1, no bias). */
    public int depthwise(int from, int k, int s, int pad, int dilation) {
        batch.appendLayer(OpCode.DEPTHWISE, k, k, s, s, pad, pad, dilation, dilation, LayerRecord.GROUPS_PER_CHANNEL,
                LayerRecord.CHANNELS_FROM_INPUT, 1, 0);
        return reads(from);
    }

    public int maxPool(int from, int k, int s, int p, boolean ceil) {
        batch.appendLayer(OpCode.MAX_POOL, k, k, s, s, p, p, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1,
                ceil ? LayerRecord.FLAG_CEIL : 0);
        return reads(from);
    }

    public int avgPool(int from, int k, int s, int p, boolean ceil) {
        batch.appendLayer(OpCode.AVG_POOL, k, k, s, s, p, p, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1,
                ceil ? LayerRecord.FLAG_CEIL : 0);
        return reads(from);
    }

    /** A layer without parameters of its own: bn, an activation, gap, identity, … */
    public int simple(int from, Op op) {
        batch.appendSimple(op.code());
        return reads(from);
    }

    public int bn(int from) {
        return simple(from, Op.BATCH_NORM);
    }

    public int relu(int from) {
        return simple(from, Op.RELU);
    }

    public int gap(int from) {
        return simple(from, Op.GLOBAL_AVG_POOL);
    }

    /** An identity layer: makes an earlier tensor the last one, at no cost. */
    public int identity(int from) {
        return simple(from, Op.IDENTITY);
    }

    public int fc(int from, int out, boolean bias) {
        batch.appendLayer(OpCode.FC, 1, 1, 1, 1, 0, 0, 1, 1, 1, out, 1, bias ? LayerRecord.FLAG_BIAS : 0);
        return reads(from);
    }

    /** The element-wise sum of two tensors of one shape. */
    public int add(int a, int b) {
        ends[0] = a;
        ends[1] = b;
        return join(Op.ADD, ends, 2);
    }

    /** The product of {@code a} and a gate {@code b} of 1×1×C or of a's shape (squeeze-excite). */
    public int mul(int a, int b) {
        ends[0] = a;
        ends[1] = b;
        return join(Op.MUL, ends, 2);
    }

    /** The join of two tensors with {@code op}. */
    public int join2(Op op, int a, int b) {
        ends[0] = a;
        ends[1] = b;
        return join(op, ends, 2);
    }

    /**
     * The tensor {@code from} without its first {@code n} rows and columns ({@code x[:, :, n:, n:]}):
     * a view, free; its receptive field moves by n input steps.
     */
    public int cropTopLeft(int from, int n) {
        throw new UnsupportedOperationException("the crop op arrives with the op traits (issue #8)");
    }

    /**
     * One join of the {@code n} tensors at {@code positions[0..n)}: their sum ({@link Op#ADD}) or
     * their concatenation in that order ({@link Op#CONCAT}); one tensor is returned as it is.
     */
    public int join(Op op, int[] positions, int n) {
        if (n == 1) {
            return positions[0];
        }
        if (positions != ends) {
            if (ends.length < n) {
                ends = new int[Math.max(n, 2 * ends.length)];
            }
            System.arraycopy(positions, 0, ends, 0, n);
        }
        BranchStack.join(batch, op, ends, 0, n);
        return last();
    }
}
