package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.Op;

/**
 * Writes candidates into a {@link CandidateBatch}: the one way layers are written. Search loops
 * build candidates with it without strings; the grammar's parser, the blocks ({@link Blocks}) and
 * every search space ({@code io.archmeter.spaces}) write through this same API. One builder per
 * batch ({@link CandidateBatch#builder()} is the batch's own); reuse both across iterations and
 * nothing is allocated once the batch has grown to its largest candidate.
 *
 * <pre>{@code
 * CandidateBuilder b = new CandidateBuilder(batch);
 * b.begin(224, 224, 3)
 *  .conv(3, 2, 32).bn().relu6()                       // 3×3 stride 2, "same" padding 1, 32 channels, bias
 *  .invertedResidual(3, 1, 6.0, 32, Op.RELU6)         // MobileNetV2's block, e = 6: a residual graph
 *  .depthwise(3, 1).bn().relu6()
 *  .conv(1, 1, 64).bn().relu6()
 *  .gap().fc(1000)
 *  .end();
 * }</pre>
 *
 * <p><b>Any op, any block.</b> {@link #layer(Op, Parts)} writes any op from its keys and
 * {@link #block(Block, Parts)} any block: what the grammar can write, the builder can. Keys not
 * given take the defaults of the op's description ({@link Op#keys()}): "same" padding
 * floor(d·(k−1)/2), stride 1 (pooling: the kernel), dilation 1, one group, a bias. The typed
 * helpers ({@link #conv(int, int, int)}, {@link #invertedResidual(int, int, double, int, Op)}, …)
 * are shorthands for them.
 *
 * <p><b>Graphs.</b> {@link #beginGroup()}, {@link #nextBranch()} and {@link #endGroup(Op)} write
 * the grammar's {@code ( a | b )add}; {@link #from(int)} and {@link #join(Op, int...)} wire any
 * DAG by layer position (0-based in the candidate, -1 for the network input), as cell-based
 * search spaces need.
 *
 * <p><b>Errors.</b> Every call checks its values with the grammar's rules (a key's range, a pooling
 * padding at most half its window, a block's required keys, an activation that is one, a layer
 * count within the batch's {@link CandidateBatch#maxLayers()}: a block's repeats are checked before
 * it expands) and throws {@link IllegalArgumentException} naming the layer; the layer is not kept.
 * Shape errors that depend on the input (output size ≤ 0, groups not dividing channels) are the
 * engine's to report. Not thread-safe.
 */
public final class CandidateBuilder {
    private final CandidateBatch batch;
    private final BranchStack branches = new BranchStack();
    /** The typed helpers' keys. */
    private final Parts scratch = new Parts();
    /** The keys handed out by {@link #parts()}. */
    private final Parts parts = new Parts();

    public CandidateBuilder(CandidateBatch batch) {
        this.batch = batch;
    }

    public CandidateBatch batch() {
        return batch;
    }

    // ---- candidates ---------------------------------------------------------------------------

    /** Starts a candidate on an H×W×C input. */
    public CandidateBuilder begin(int h, int w, int c) {
        batch.begin(h, w, c);
        branches.clear();
        return this;
    }

    /**
     * Ends the candidate.
     *
     * @throws IllegalStateException if a group is open; the candidate is dropped
     * @throws IllegalArgumentException if a layer reads before the input; the candidate is dropped
     */
    public CandidateBuilder end() {
        try {
            branches.requireClosed();
            batch.end();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        return this;
    }

    /** Drops the open candidate with the layers written so far, if one is open. */
    public CandidateBuilder abort() {
        batch.abort();
        branches.clear();
        return this;
    }

    /**
     * Sets the open candidate's input to H×W×C, before its first layer. A search space whose
     * notation carries its own input size calls it (an Once-for-All config's resolution {@code r}
     * is part of the candidate: its network is costed at r×r×3 whatever input the caller began with).
     *
     * @throws IllegalStateException if layers were written already
     */
    public CandidateBuilder input(int h, int w, int c) {
        batch.setOpenInput(h, w, c);
        return this;
    }

    /** Layers written so far to the open candidate. */
    public int layers() {
        return batch.openLayers();
    }

    /** Position of the tensor the next layer reads: a layer index (0-based), or -1 for the network input. */
    public int position() {
        return branches.current(batch);
    }

    /** Channels of the tensor the next layer reads; -1 where they depend on a spatial size (after flatten). */
    public long channels() {
        return batch.openChannels(position());
    }

    /** Height of the open candidate's input. */
    public int inputHeight() {
        return batch.openInputHeight();
    }

    /** Width of the open candidate's input. */
    public int inputWidth() {
        return batch.openInputWidth();
    }

    /** Channels of the open candidate's input. */
    public int inputChannels() {
        return (int) batch.openChannels(-1);
    }

    // ---- graphs -------------------------------------------------------------------------------

    /** Number of branch groups open. */
    public int depth() {
        return branches.depth();
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

    /** The next layer reads the tensor at {@code position} (a layer index, or -1 for the network input). */
    public CandidateBuilder from(int position) {
        branches.readFrom(batch, position);
        return this;
    }

    /**
     * Joins the tensors at {@code positions} with one n-ary join ({@link Op#ADD}, {@link Op#CONCAT},
     * {@link Op#MUL}): a run of binary join records, all but the last fused.
     */
    public CandidateBuilder join(Op join, int... positions) {
        return join(join, positions, positions.length);
    }

    /** Joins the first {@code count} tensors of {@code positions}. */
    public CandidateBuilder join(Op join, int[] positions, int count) {
        if (!join.isJoin()) {
            throw new IllegalArgumentException(join.token() + " is not a join (add, cat, mul)");
        }
        branches.joinAt(batch, join, positions, count);
        return this;
    }

    // ---- any op, any block --------------------------------------------------------------------

    /** A cleared {@link Parts} of this builder's own, to fill and pass to {@link #layer} or {@link #block}. */
    public Parts parts() {
        return parts.clear();
    }

    /**
     * Appends one layer of {@code op} with the keys of {@code parts} and the defaults of the op's
     * description for the others.
     *
     * @throws IllegalArgumentException naming the layer, if a key does not apply, a required key is missing or a
     *         value is out of range; or if {@code op} is a join (joins close groups: {@link #endGroup})
     */
    public CandidateBuilder layer(Op op, Parts keys) {
        if (op.isJoin()) {
            throw new IllegalArgumentException(op.token() + " closes a group: use endGroup or join");
        }
        batch.append(op, keys);
        branches.afterLayer(batch);
        return this;
    }

    /** Appends one layer of an op that takes no keys, or whose keys all have defaults. */
    public CandidateBuilder layer(Op op) {
        return layer(op, scratch.clear());
    }

    /**
     * Appends a copy of a record this builder's writer made before (a parser's cache of token
     * records); it reads the current tensor. Not validated: pass only records of
     * {@link LayerRecord#write}.
     */
    public CandidateBuilder appendCopy(int[] records, int offset) {
        final int o = batch.reserve();
        System.arraycopy(records, offset, batch.records(), o, LayerRecord.LENGTH);
        batch.records()[o + LayerRecord.IN0_OFFSET] = LayerRecord.PREVIOUS;
        batch.notePlain(o);
        branches.afterLayer(batch);
        return this;
    }

    /**
     * Expands {@code block} with the keys, activation and {@code noskip} of {@code parts}, checked
     * with the grammar's rules: keys the block takes, in their ranges, the required ones given; an
     * activation that is one (relu by default); square kernels and strides; sei or seh, not both;
     * {@code noskip} only for a block with a residual.
     *
     * <p>Two forms that look like timm's block strings but would not mean what they mean in timm
     * are refused with the difference named ("silently different is the worst outcome"): timm's
     * {@code se} (its squeeze-excite depends on the model family; write {@code sei} or {@code seh})
     * and an {@code ir} with e = 1 (timm builds a 1×1 expansion conv there, torchvision and
     * ProxylessNAS do not; write {@code ds}). {@code timm:MODEL:ARCH_DEF} gives timm's meaning.
     *
     * @throws IllegalArgumentException naming the block and what is wrong
     */
    public CandidateBuilder block(Block block, Parts p) {
        final String name = block.token();
        final int extra = p.given() & ~block.keyMask();
        if (extra != 0) {
            throw new IllegalArgumentException(name + ": key " + Key.list(extra) + " does not apply (" + block.describeKeys() + ")");
        }
        final int missing = block.requiredMask() & ~p.given();
        if (missing != 0) {
            throw new IllegalArgumentException(name + ": missing required key " + Key.list(missing));
        }
        for (int i = 0; i < Key.COUNT; i++) {
            final Key key = Key.ofOrdinal(i);
            if (p.has(key)) {
                checkRange(name, key, p.get(key));
                checkRange(name, key, p.getWidth(key));
            }
        }
        refuseTimmMeanings(block, p);
        if (p.has(Key.SEI) && p.has(Key.SEH)) {
            throw new IllegalArgumentException("sei and seh are two flavours of squeeze-excite: give one");
        }
        if (p.get(Key.K) != p.getWidth(Key.K) && p.has(Key.K) || p.has(Key.S) && p.get(Key.S) != p.getWidth(Key.S)) {
            throw new IllegalArgumentException("blocks take square kernels and strides");
        }
        final Op act = p.activation() == null ? Op.RELU : p.activation();
        if (p.activation() != null && !block.takesActivation()) {
            throw new IllegalArgumentException(name + " takes no activation part (its activations are relu)");
        }
        if (!act.isActivation()) {
            throw new IllegalArgumentException(act.token() + " is not an activation (" + name + " takes one of relu, relu6, swish, ...)");
        }
        if (p.noskip() && !block.takesNoskip()) {
            throw new IllegalArgumentException("noskip: " + name + " has no residual to leave out");
        }
        checkRepeats(block, block.value(p, Key.R));
        Blocks.expand(this, block, block.value(p, Key.K), block.value(p, Key.S), block.value(p, Key.C), block.value(p, Key.R), p, act);
        return this;
    }

    /** What timm's block strings would mean here differently: refused, never read another way. */
    static final String SE_REFUSED = "se is timm's squeeze-excite ratio, whose meaning depends on the model family"
            + " (EfficientNet: round(mid*se/e) channels, the block's activation, sigmoid; MobileNetV3: make_divisible(mid*se, 8),"
            + " relu, hard sigmoid): write sei (torchvision EfficientNet: max(1, floor(C_in*r)) of the block input, block"
            + " activation, sigmoid) or seh (MobileNetV3: make_divisible(floor(mid*r), 8), relu, hard sigmoid), or give timm's"
            + " arch_def as timm:MODEL:ARCH_DEF for timm's meaning";
    static final String IR_E1_REFUSED = "ir with e1 (also when e is not given): timm builds the 1x1 expansion conv even at e1,"
            + " torchvision's MobileNetV2/V3 and ProxylessNAS's MBConv1 leave it out: write ds_k3_c16 for the block without it"
            + " (dw, bn, act, 1x1 conv, bn; a residual when the shape allows, noskip for none), or timm:MODEL:ARCH_DEF for timm's"
            + " meaning";

    private static void refuseTimmMeanings(Block block, Parts p) {
        if (p.has(Key.SE)) {
            throw new IllegalArgumentException(block.token() + ": " + SE_REFUSED);
        }
        if (block == Block.IR && block.value(p, Key.E) == Key.ONE) {
            throw new IllegalArgumentException(IR_E1_REFUSED);
        }
    }

    /** Refuses, before writing any of them, repeats that would take the candidate past its layer limit. */
    private void checkRepeats(Block block, int repeats) {
        final long atLeast = (long) Math.max(1, repeats) * Blocks.layersPerRepeatAtLeast(block);
        if (atLeast > batch.remainingLayers()) {
            throw new IllegalArgumentException(block.token() + ": " + repeats + " repeat" + (repeats == 1 ? "" : "s")
                    + " expand to at least " + String.format(java.util.Locale.ROOT, "%,d", atLeast) + " layers, more than the "
                    + String.format(java.util.Locale.ROOT, "%,d", batch.remainingLayers()) + " this candidate may still have (at most "
                    + String.format(java.util.Locale.ROOT, "%,d", batch.maxLayers()) + " per candidate: CandidateBatch.maxLayers, or -D"
                    + CandidateBatch.MAX_LAYERS_PROPERTY + "=N)");
        }
    }

    private static void checkRange(String name, Key key, int v) {
        if (v < key.min() || v > key.max()) {
            throw new IllegalArgumentException(name + ": " + key.token() + " = " + (key.isDecimal() ? v / (double) Key.ONE : v)
                    + (key.max() == 1 ? " must be 0 or 1" : key.isDecimal() ? " must be more than 0" : " must be at least " + key.min()));
        }
    }

    // ---- typed layers -------------------------------------------------------------------------

    /** Square k×k convolution, stride s, "same" padding, {@code cout} channels, bias. */
    public CandidateBuilder conv(int k, int s, int cout) {
        return conv(k, s, 1, cout, true);
    }

    /** Square k×k convolution, stride s, "same" padding, {@code groups} groups, {@code cout} channels (0: the input's). */
    public CandidateBuilder conv(int k, int s, int groups, int cout, boolean bias) {
        scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.G, groups).set(Key.B, bias ? 1 : 0);
        if (cout != LayerRecord.CHANNELS_FROM_INPUT) {
            scratch.set(Key.C, cout);
        }
        return layer(Op.CONV, scratch);
    }

    /**
     * Square k×k convolution, stride s, {@code groups} groups, {@code cout} channels (0: the input's),
     * with TF "SAME" padding when {@code tfSame} ({@code tfsame1}), else "same" symmetric padding.
     */
    public CandidateBuilder conv(int k, int s, int groups, int cout, boolean bias, boolean tfSame) {
        scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.G, groups).set(Key.B, bias ? 1 : 0);
        if (tfSame) {
            scratch.set(Key.TFSAME, 1);
        }
        if (cout != LayerRecord.CHANNELS_FROM_INPUT) {
            scratch.set(Key.C, cout);
        }
        return layer(Op.CONV, scratch);
    }

    /** A convolution with every parameter given; {@code cout} 0 keeps the input channels. */
    public CandidateBuilder conv(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                 int groups, int cout, boolean bias) {
        // every key given: the record straight from the values (LayerRecord.writeConvolution), the search spaces' hot path
        batch.appendConvolution(Op.CONV, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, 1, bias);
        branches.afterLayer(batch);
        return this;
    }

    /** Depthwise k×k convolution, stride s, "same" padding, multiplier 1, bias. */
    public CandidateBuilder depthwise(int k, int s) {
        return depthwise(k, s, true);
    }

    /** Depthwise k×k convolution, stride s, "same" padding, multiplier 1. */
    public CandidateBuilder depthwise(int k, int s, boolean bias) {
        return layer(Op.DEPTHWISE, scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.B, bias ? 1 : 0));
    }

    /** Depthwise k×k convolution, stride s, multiplier 1, with TF "SAME" padding when {@code tfSame}, else "same" padding. */
    public CandidateBuilder depthwise(int k, int s, boolean bias, boolean tfSame) {
        scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.B, bias ? 1 : 0);
        if (tfSame) {
            scratch.set(Key.TFSAME, 1);
        }
        return layer(Op.DEPTHWISE, scratch);
    }

    /** A depthwise convolution with every parameter given: C_out = C_in · multiplier. */
    public CandidateBuilder depthwise(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                      int multiplier, boolean bias) {
        batch.appendConvolution(Op.DEPTHWISE, kh, kw, sh, sw, ph, pw, dh, dw, LayerRecord.GROUPS_PER_CHANNEL,
                LayerRecord.CHANNELS_FROM_INPUT, multiplier, bias);
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
        if (op.family() != Op.Family.POOLING) {
            throw new IllegalArgumentException(op.token() + " is not max or average pooling");
        }
        return layer(op, scratch.clear().set(Key.K, kh, kw).set(Key.S, sh, sw).set(Key.P, ph, pw).set(Key.CEIL, ceil ? 1 : 0));
    }

    /** Global average pooling to 1×1×C. */
    public CandidateBuilder gap() {
        return layer(Op.GLOBAL_AVG_POOL);
    }

    /** Fully connected to {@code out} features, with bias. */
    public CandidateBuilder fc(int out) {
        return fc(out, true);
    }

    public CandidateBuilder fc(int out, boolean bias) {
        return layer(Op.FC, scratch.clear().set(Key.C, out).set(Key.B, bias ? 1 : 0));
    }

    /** Channel shuffle in {@code groups} groups (ShuffleNet); the engine checks that they divide the channels. */
    public CandidateBuilder shuffle(int groups) {
        return layer(Op.SHUFFLE, scratch.clear().set(Key.G, groups));
    }

    /**
     * Channels [first, first + count) of the current tensor, {@code x[:, first:first+count]}: a view,
     * free (NAS-Bench-101's truncation is {@code slice(0, c)}; ShuffleNetV2's split halves of C are
     * {@code slice(0, C/2)} and {@code slice(C/2, C/2)}). The engine checks the channels are there.
     */
    public CandidateBuilder slice(int first, int count) {
        scratch.clear().set(Key.C, count);
        if (first != 0) {
            scratch.set(Key.AT, first);
        }
        return layer(Op.SLICE, scratch);
    }

    /**
     * The current tensor without its first {@code top} rows and {@code left} columns,
     * {@code x[:, :, top:, left:]}: a view, free, that shifts the receptive field (DARTS's
     * FactorizedReduce reads {@code crop(1, 1)}).
     */
    public CandidateBuilder crop(int top, int left) {
        return layer(Op.CROP, scratch.clear().set(Key.O, top, left));
    }

    public CandidateBuilder bn() {
        return layer(Op.BATCH_NORM);
    }

    public CandidateBuilder relu() {
        return layer(Op.RELU);
    }

    public CandidateBuilder relu6() {
        return layer(Op.RELU6);
    }

    public CandidateBuilder sigmoid() {
        return layer(Op.SIGMOID);
    }

    /** Swish / SiLU. */
    public CandidateBuilder swish() {
        return layer(Op.SWISH);
    }

    /** Hard swish (MobileNetV3). */
    public CandidateBuilder hswish() {
        return layer(Op.HSWISH);
    }

    /** Hard sigmoid (MobileNetV3's squeeze-excite gate). */
    public CandidateBuilder hsigmoid() {
        return layer(Op.HSIGMOID);
    }

    public CandidateBuilder identity() {
        return layer(Op.IDENTITY);
    }

    /**
     * Any activation.
     *
     * @throws IllegalArgumentException if {@code act} is not of the {@link Op.Family#ACTIVATION} family
     */
    public CandidateBuilder activation(Op act) {
        if (!act.isActivation()) {
            throw new IllegalArgumentException(act.token() + " is not an activation");
        }
        return layer(act);
    }

    /**
     * Any op that takes no keys, or needs none: bn, an activation, gap, lrn, dropout, flatten, id.
     *
     * @throws IllegalArgumentException if the op requires keys (use its own method or {@link #layer(Op, Parts)}) or is a join
     */
    public CandidateBuilder simple(Op op) {
        if (op.isJoin()) {
            throw new IllegalArgumentException(op.token() + " closes a group: use endGroup");
        }
        if (op.requiredMask() != 0 || op.family() == Op.Family.POOLING || op.family() == Op.Family.CONVOLUTION) {
            throw new IllegalArgumentException(op.token() + " needs parameters: use its own method");
        }
        return layer(op);
    }

    // ---- blocks -------------------------------------------------------------------------------

    /** conv k×k stride s to {@code c} channels (no bias), bn, {@code act}: the grammar's {@code cn}. */
    public CandidateBuilder convBnAct(int k, int s, int c, Op act) {
        return block(Block.CN, scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.C, c).activation(act));
    }

    /**
     * An inverted residual ({@code ir}, see {@link Blocks}) with expansion ratio {@code expansion}
     * (e.g. 6, or 3.67: at most three decimal places, as the grammar's {@code e}; not 1: use
     * {@link #depthwiseSeparable} for the block without expansion).
     */
    public CandidateBuilder invertedResidual(int k, int s, double expansion, int c, Op act) {
        return invertedResidual(k, s, expansion, c, SqueezeExcite.NONE, act);
    }

    /** An inverted residual with squeeze-excite: {@code ir_k3_e6_c24_sei0.25_swish} is {@code (3, 1, 6, 24, efficientNet(0.25), SWISH)}. */
    public CandidateBuilder invertedResidual(int k, int s, double expansion, int c, SqueezeExcite se, Op act) {
        scratch.clear().set(Key.K, k).set(Key.S, s).setDecimal(Key.E, expansion).set(Key.C, c).activation(act);
        if (se.key() != null) {
            scratch.set(se.key(), se.milli());
        }
        return block(Block.IR, scratch);
    }

    /**
     * An inverted residual with the expansion in thousandths (6000 = 6) and torchvision EfficientNet's
     * squeeze-excite ({@code sei}) in thousandths (0 = none). Kept for programs written against it (the Python
     * bridge's build programs); new code reads better with
     * {@link #invertedResidual(int, int, double, int, SqueezeExcite, Op)}.
     */
    public CandidateBuilder invertedResidual(int k, int s, int expandMilli, int c, int seMilli, Op act) {
        scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.E, expandMilli).set(Key.C, c).activation(act);
        if (seMilli != 0) {
            scratch.set(Key.SEI, seMilli);
        }
        return block(Block.IR, scratch);
    }

    /** A depthwise-separable block ({@code ds}: residual when the shape allows; {@code dsa}, {@code withActivation}: MobileNetV1's). */
    public CandidateBuilder depthwiseSeparable(int k, int s, int c, SqueezeExcite se, boolean withActivation, Op act) {
        scratch.clear().set(Key.K, k).set(Key.S, s).set(Key.C, c).activation(act);
        if (se.key() != null) {
            scratch.set(se.key(), se.milli());
        }
        return block(withActivation ? Block.DSA : Block.DS, scratch);
    }

    /** A ResNet basic block ({@code res}, see {@link Blocks}). */
    public CandidateBuilder basicBlock(int s, int c) {
        return block(Block.RES, scratch.clear().set(Key.S, s).set(Key.C, c));
    }

    /** A ResNet bottleneck ({@code bot}, see {@link Blocks}); width 0 is c/4. */
    public CandidateBuilder bottleneck(int s, int c, int width, int groups) {
        scratch.clear().set(Key.S, s).set(Key.C, c).set(Key.G, groups);
        if (width != 0) {
            scratch.set(Key.W, width);
        }
        return block(Block.BOT, scratch);
    }

    /** A SqueezeNet fire module: squeeze to q, expand to c/2 by 1×1 and c/2 by 3×3, concatenated. */
    public CandidateBuilder fire(int q, int c) {
        return block(Block.FIRE, scratch.clear().set(Key.Q, q).set(Key.C, c));
    }

    /**
     * Squeeze-excite on the current tensor of m channels:
     * {@code ( | gap conv_k1_c<squeeze> <act> conv_k1_c<m> <gate> )mul}, convolutions with bias.
     * EfficientNet's is {@code (max(1, C_in/4), SWISH, SIGMOID)}, MobileNetV3's
     * {@code (make_divisible(m/4, 8), RELU, HSIGMOID)} (see {@link SqueezeExcite}).
     */
    public CandidateBuilder squeezeExcite(int squeeze, Op act, Op gate) {
        final long m = channels();
        if (m < 1) {
            throw new IllegalArgumentException("squeeze-excite: the input channels are unknown here (after flatten)");
        }
        if (!gate.isActivation()) {
            throw new IllegalArgumentException(gate.token() + " is not an activation, so not a gate");
        }
        return beginGroup().nextBranch().gap().conv(1, 1, 1, squeeze, true).activation(act)
                .conv(1, 1, 1, Blocks.checkedInt(m, "squeeze-excite"), true).activation(gate).endGroup(Op.MUL);
    }

    /** "Same" padding of a kernel k with dilation d: floor(d·(k−1)/2); {@link LayerRecord#samePadding} computes it. */
    public static int samePad(int k, int d) {
        return LayerRecord.samePadding(k, d);
    }
}
