package io.archmeter.encoding;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.FLAG_CEIL;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;

/**
 * Appends layers to a {@link CandidateBatch} by kind and integers, for search loops that build
 * candidates without strings. One builder per batch; reuse both across iterations and nothing is
 * allocated once the batch has grown to its largest candidate.
 *
 * <pre>{@code
 * CandidateBuilder b = new CandidateBuilder(batch);
 * b.begin(224, 224, 3)
 *  .conv(3, 2, 32).bn().relu6()        // 3×3 stride 2, "same" padding 1, 32 channels, bias
 *  .depthwise(3, 1).bn().relu6()
 *  .conv(1, 1, 64).bn().relu6()
 *  .gap().fc(1000)
 *  .end();
 * }</pre>
 *
 * <p>Defaults are those of the architecture strings: "same" padding floor(d·(k−1)/2), stride 1,
 * dilation 1, one group, a bias. Every call validates its numbers and throws
 * {@link IllegalArgumentException} naming the layer; shape errors that depend on the input
 * (output size ≤ 0, groups not dividing channels) are the engine's to report.
 */
public final class CandidateBuilder {
    private final CandidateBatch batch;
    private final BranchStack branches = new BranchStack();

    public CandidateBuilder(CandidateBatch batch) {
        this.batch = batch;
    }

    public CandidateBatch batch() {
        return batch;
    }

    /** Starts a candidate on an H×W×C input. */
    public CandidateBuilder begin(int h, int w, int c) {
        batch.begin(h, w, c);
        branches.clear();
        return this;
    }

    /** Ends the candidate. */
    public CandidateBuilder end() {
        try {
            branches.requireClosed();
        } catch (IllegalStateException e) {
            batch.abort();
            throw e;
        }
        batch.end();
        return this;
    }

    /** Opens a branch group on the current tensor (the grammar's {@code (}); its first branch starts. */
    public CandidateBuilder beginGroup() {
        branches.open(batch);
        return this;
    }

    /** Ends the current branch and starts the next from the group's input (the grammar's {@code |}). */
    public CandidateBuilder nextBranch() {
        branches.nextBranch(batch);
        return this;
    }

    /** Joins the group's branches with {@code join}: {@link Op#ADD}, {@link Op#CONCAT} or {@link Op#MUL}. */
    public CandidateBuilder endGroup(Op join) {
        branches.close(batch, join);
        return this;
    }

    /** An inverted residual (see {@link Blocks}): e in thousandths (6000 = 6), se in thousandths of the EfficientNet flavour. */
    public CandidateBuilder invertedResidual(int k, int s, int expandMilli, int c, int seMilli, Op act) {
        Blocks.invertedResidual(batch, branches, k, s, expandMilli, c, 1, seMilli == 0 ? Blocks.SE_NONE : Blocks.SE_SIGMOID,
                seMilli, false, act);
        return this;
    }

    /** A ResNet basic block (see {@link Blocks}). */
    public CandidateBuilder basicBlock(int s, int c) {
        Blocks.basicBlock(batch, branches, s, c, 1);
        return this;
    }

    /** A ResNet bottleneck (see {@link Blocks}); width 0 is c/4. */
    public CandidateBuilder bottleneck(int s, int c, int width, int groups) {
        Blocks.bottleneck(batch, branches, s, c, width, groups, 1);
        return this;
    }

    /** Square k×k convolution, stride s, "same" padding, {@code cout} channels, bias. */
    public CandidateBuilder conv(int k, int s, int cout) {
        return conv(k, k, s, s, samePad(k, 1), samePad(k, 1), 1, 1, 1, cout, true);
    }

    /** A convolution with every parameter given; {@code cout} 0 keeps the input channels. */
    public CandidateBuilder conv(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                 int groups, int cout, boolean bias) {
        batch.appendLayer(OpCode.CONV, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, 1, bias ? FLAG_BIAS : 0);
        branches.afterLayer(batch);
        return this;
    }

    /** Depthwise k×k convolution, stride s, "same" padding, multiplier 1, bias. */
    public CandidateBuilder depthwise(int k, int s) {
        return depthwise(k, k, s, s, samePad(k, 1), samePad(k, 1), 1, 1, 1, true);
    }

    /** A depthwise convolution with every parameter given: C_out = C_in · multiplier. */
    public CandidateBuilder depthwise(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                      int multiplier, boolean bias) {
        batch.appendLayer(OpCode.DEPTHWISE, kh, kw, sh, sw, ph, pw, dh, dw, GROUPS_PER_CHANNEL, CHANNELS_FROM_INPUT,
                multiplier, bias ? FLAG_BIAS : 0);
        branches.afterLayer(batch);
        return this;
    }

    /** k×k max pooling with stride s, no padding, floor rounding. */
    public CandidateBuilder maxPool(int k, int s) {
        return pool(Op.MAX_POOL, k, k, s, s, 0, 0, false);
    }

    /** k×k average pooling with stride s, no padding, floor rounding. */
    public CandidateBuilder avgPool(int k, int s) {
        return pool(Op.AVG_POOL, k, k, s, s, 0, 0, false);
    }

    /** Max or average pooling with every parameter given. */
    public CandidateBuilder pool(Op op, int kh, int kw, int sh, int sw, int ph, int pw, boolean ceil) {
        if (op != Op.MAX_POOL && op != Op.AVG_POOL) {
            throw new IllegalArgumentException(op.token() + " is not max or average pooling");
        }
        batch.appendLayer(op.code(), kh, kw, sh, sw, ph, pw, 1, 1, 1, CHANNELS_FROM_INPUT, 1, ceil ? FLAG_CEIL : 0);
        branches.afterLayer(batch);
        return this;
    }

    /** Global average pooling to 1×1×C. */
    public CandidateBuilder gap() {
        return simple(Op.GLOBAL_AVG_POOL);
    }

    /** Fully connected to {@code out} features, with bias. */
    public CandidateBuilder fc(int out) {
        return fc(out, true);
    }

    public CandidateBuilder fc(int out, boolean bias) {
        batch.appendLayer(OpCode.FC, 1, 1, 1, 1, 0, 0, 1, 1, 1, out, 1, bias ? FLAG_BIAS : 0);
        branches.afterLayer(batch);
        return this;
    }

    public CandidateBuilder bn() {
        return simple(Op.BATCH_NORM);
    }

    public CandidateBuilder relu() {
        return simple(Op.RELU);
    }

    public CandidateBuilder relu6() {
        return simple(Op.RELU6);
    }

    /** Any layer without parameters: bn, an activation, gap, lrn, dropout, flatten, id. */
    public CandidateBuilder simple(Op op) {
        if (op == Op.CONV || op == Op.DEPTHWISE || op == Op.FC || op == Op.MAX_POOL || op == Op.AVG_POOL || op.isJoin()) {
            throw new IllegalArgumentException(op.token() + (op.isJoin() ? " closes a group: use endGroup"
                    : " needs parameters: use its own method"));
        }
        batch.appendSimple(op.code());
        branches.afterLayer(batch);
        return this;
    }

    /** "Same" padding of a kernel k with dilation d: floor(d·(k−1)/2). */
    public static int samePad(int k, int d) {
        return (int) ((long) d * (k - 1) / 2);
    }
}
