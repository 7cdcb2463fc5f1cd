package io.archmeter.spaces.support;

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

    /**
     * Writes one record reading {@code from} straight into the batch, as the grammar's parser does
     * (hot path: millions of candidates are expanded this way). The values come from the spaces'
     * own rules, checked where they are computed; the channel count is checked here, because 0 would
     * silently mean "as many as the input" ({@link LayerRecord#CHANNELS_FROM_INPUT}); references
     * are checked by {@link CandidateBatch#end()}, shapes by the engine.
     */
    private int put(int from, int op, int kh, int kw, int sh, int sw, int ph, int pw, int d, int groups, int cout, int flags) {
        final int offset = batch.reserveLayer();
        final int[] records = batch.records();
        LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, d, d, groups, cout, 1, flags);
        final int j = batch.openLayers() - 1;
        if (from != j - 1) {
            if (from < INPUT || from >= j) {
                throw new IllegalArgumentException("layer " + (j + 1) + " cannot read position " + from);
            }
            records[offset + LayerRecord.IN0_OFFSET] = j - from;
        }
        return j;
    }

    private static int requireChannels(int c) {
        if (c < 1) {
            throw new IllegalArgumentException("a layer of " + c + " output channels");
        }
        return c;
    }

    /** A square k×k convolution with stride s and "same" padding. */
    public int conv(int from, int k, int s, int cout, boolean bias) {
        final int p = (k - 1) / 2;
        return conv(from, k, k, s, s, p, p, 1, 1, cout, bias);
    }

    /** A convolution with every parameter given (dilation d on both axes). */
    public int conv(int from, int kh, int kw, int sh, int sw, int ph, int pw, int d, int groups, int cout, boolean bias) {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || ph < 0 || pw < 0 || d < 1 || groups < 1) {
            throw new IllegalArgumentException("conv " + kh + "x" + kw + "/" + sh + "x" + sw + " p" + ph + "x" + pw + " d" + d + " g" + groups);
        }
        return put(from, OpCode.CONV, kh, kw, sh, sw, ph, pw, d, groups, requireChannels(cout), bias ? LayerRecord.FLAG_BIAS : 0);
    }

    /** A depthwise k×k convolution (multiplier 1, no bias). */
    public int depthwise(int from, int k, int s, int pad, int dilation) {
        if (k < 1 || s < 1 || pad < 0 || dilation < 1) {
            throw new IllegalArgumentException("dw " + k + "/" + s + " p" + pad + " d" + dilation);
        }
        return put(from, OpCode.DEPTHWISE, k, k, s, s, pad, pad, dilation, LayerRecord.GROUPS_PER_CHANNEL, LayerRecord.CHANNELS_FROM_INPUT, 0);
    }

    public int maxPool(int from, int k, int s, int p, boolean ceil) {
        return pool(from, OpCode.MAX_POOL, k, s, p, ceil);
    }

    public int avgPool(int from, int k, int s, int p, boolean ceil) {
        return pool(from, OpCode.AVG_POOL, k, s, p, ceil);
    }

    private int pool(int from, int op, int k, int s, int p, boolean ceil) {
        if (k < 1 || s < 1 || p < 0) {
            throw new IllegalArgumentException("pool " + k + "/" + s + " p" + p);
        }
        return put(from, op, k, k, s, s, p, p, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, ceil ? LayerRecord.FLAG_CEIL : 0);
    }

    /** A layer without parameters of its own: bn, an activation, gap, identity, … */
    public int simple(int from, Op op) {
        if (op == Op.CONV || op == Op.DEPTHWISE || op == Op.FC || op == Op.MAX_POOL || op == Op.AVG_POOL || op.isJoin()) {
            throw new IllegalArgumentException(op.token() + " is not a layer without parameters");
        }
        final int offset = batch.reserveLayer();
        LayerRecord.putSimple(batch.records(), offset, op.code());
        final int j = batch.openLayers() - 1;
        if (from != j - 1) {
            if (from < INPUT || from >= j) {
                throw new IllegalArgumentException("layer " + (j + 1) + " cannot read position " + from);
            }
            batch.records()[offset + LayerRecord.IN0_OFFSET] = j - from;
        }
        return j;
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
        return put(from, OpCode.FC, 1, 1, 1, 1, 0, 0, 1, 1, requireChannels(out), bias ? LayerRecord.FLAG_BIAS : 0);
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
        batch.builder().join(op, ends, n);
        return last();
    }
}
