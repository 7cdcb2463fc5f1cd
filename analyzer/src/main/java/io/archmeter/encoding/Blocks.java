package io.archmeter.encoding;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;

/**
 * The blocks of the search spaces in use, expanded into primitive layers, branches and joins.
 * One place defines each block; the grammar's block tokens ({@code ir_k3_s2_e6_c24}) and the
 * library's {@link CandidateBuilder} both call it. Convolutions followed by batch norm have no
 * bias; "same" padding throughout.
 *
 * <table>
 *   <caption>Expansions (x is the block input with C_in channels; act the block's activation)</caption>
 *   <tr><th>block</th><th>layers</th></tr>
 *   <tr><td>{@code cn}: conv-BN-act</td><td>conv k s c, bn, act</td></tr>
 *   <tr><td>{@code ir}: inverted residual (MobileNetV2/V3, MnasNet, EfficientNet MBConv)</td>
 *       <td>[conv 1×1 to mid, bn, act — omitted when e = 1], dw k s, bn, act, [SE on mid], conv 1×1 to c, bn;
 *       a residual add of x when s = 1, C_in = c and not {@code noskip}. mid = make_divisible(C_in·e, 8).</td></tr>
 *   <tr><td>{@code ds}: depthwise separable (EfficientNet's first block, timm)</td>
 *       <td>dw k s, bn, act, [SE], conv 1×1 to c, bn; residual add when s = 1, C_in = c and not {@code noskip}</td></tr>
 *   <tr><td>{@code dsa}: depthwise separable with activation (MobileNetV1)</td>
 *       <td>dw k s, bn, act, [SE], conv 1×1 to c, bn, act; no residual</td></tr>
 *   <tr><td>{@code res}: ResNet basic block (torchvision)</td>
 *       <td>( conv 3×3 s c, bn, relu, conv 3×3 c, bn | [conv 1×1 s c, bn when s ≠ 1 or C_in ≠ c] )add, relu</td></tr>
 *   <tr><td>{@code bot}: ResNet bottleneck (torchvision: stride on the 3×3)</td>
 *       <td>( conv 1×1 w, bn, relu, conv 3×3 s g w, bn, relu, conv 1×1 c, bn | [conv 1×1 s c, bn] )add, relu; w = c/4 by default</td></tr>
 *   <tr><td>{@code fire}: SqueezeNet fire module</td>
 *       <td>conv 1×1 q, relu, ( conv 1×1 c/2, relu | conv 3×3 c/2, relu )cat — convolutions with bias</td></tr>
 * </table>
 *
 * <p><b>Squeeze-excite</b> on a tensor of m channels, given as a ratio: {@code se} (EfficientNet,
 * timm's default) squeezes to max(1, floor(C_in·ratio)) channels of the <em>block input</em>, with
 * the block's activation inside and a sigmoid gate; {@code seh} (MobileNetV3) squeezes to
 * make_divisible(floor(m·ratio), 8) of the <em>expanded</em> channels, with relu inside and a hard
 * sigmoid gate. Both: ( | gap, conv 1×1 (bias) to the squeeze, act, conv 1×1 (bias) to m, gate )mul.
 *
 * <p>{@code r} repeats a block: the stride applies to the first repeat, the others have stride 1
 * and take the output channels as input.
 *
 * <p>Ratios are given in thousandths (e = 6 is 6000, se = 0.25 is 250) so that decimal values from
 * architecture strings stay exact.
 */
public final class Blocks {
    /** Squeeze-excite flavours. */
    public static final int SE_NONE = 0;
    /** EfficientNet: squeeze from the block input, block activation inside, sigmoid gate. */
    public static final int SE_SIGMOID = 1;
    /** MobileNetV3: squeeze from the expanded channels rounded to 8, relu inside, hard-sigmoid gate. */
    public static final int SE_HARD = 2;

    private Blocks() {
    }

    /** timm's and torchvision's make_divisible(v, d): round v = num/den to a multiple of d, at least d, losing at most 10%. */
    public static long makeDivisible(long num, long den, int divisor) {
        long rounded = Math.max(divisor, (num + den * divisor / 2) / den / divisor * divisor);
        if (rounded * den * 10 < 9 * num) {
            rounded += divisor;
        }
        return rounded;
    }

    /** conv k×k stride s to c channels (0: the input's), bn, act; r times. */
    public static void convBnAct(CandidateBatch b, BranchStack g, int k, int s, int c, Op act, int repeats) {
        for (int i = 0; i < repeats; i++) {
            conv(b, g, k, i == 0 ? s : 1, 1, c, false);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, act.code());
        }
    }

    /**
     * Inverted residual: see the class comment.
     *
     * @param expandMilli expansion ratio e in thousandths (1000: no expansion convolution)
     * @param seKind      {@link #SE_NONE}, {@link #SE_SIGMOID} or {@link #SE_HARD}
     * @param seMilli     squeeze-excite ratio in thousandths
     */
    public static void invertedResidual(CandidateBatch b, BranchStack g, int k, int s, int expandMilli, int c,
                                        int repeats, int seKind, int seMilli, boolean noskip, Op act) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, g, "ir");
            final int cout = c == 0 ? (int) cin : c;
            final boolean skip = stride == 1 && cin == cout && !noskip;
            if (skip) {
                g.open(b);
            }
            long mid = cin;
            if (expandMilli != 1000) {
                mid = makeDivisible(cin * expandMilli, 1000, 8);
                conv(b, g, 1, 1, 1, checkedInt(mid, "ir expansion"), false);
                simple(b, g, OpCode.BATCH_NORM);
                simple(b, g, act.code());
            }
            depthwise(b, g, k, stride);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, act.code());
            squeezeExcite(b, g, seKind, seMilli, cin, mid, act);
            conv(b, g, 1, 1, 1, cout, false);
            simple(b, g, OpCode.BATCH_NORM);
            if (skip) {
                g.nextBranch(b);
                g.close(b, Op.ADD);
            }
        }
    }

    /** Depthwise separable ({@code withActivation}: MobileNetV1's dsa, never a residual): see the class comment. */
    public static void depthwiseSeparable(CandidateBatch b, BranchStack g, int k, int s, int c, int repeats,
                                          int seKind, int seMilli, boolean noskip, boolean withActivation, Op act) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, g, withActivation ? "dsa" : "ds");
            final int cout = c == 0 ? (int) cin : c;
            final boolean skip = !withActivation && stride == 1 && cin == cout && !noskip;
            if (skip) {
                g.open(b);
            }
            depthwise(b, g, k, stride);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, act.code());
            squeezeExcite(b, g, seKind, seMilli, cin, cin, act);
            conv(b, g, 1, 1, 1, cout, false);
            simple(b, g, OpCode.BATCH_NORM);
            if (withActivation) {
                simple(b, g, act.code());
            }
            if (skip) {
                g.nextBranch(b);
                g.close(b, Op.ADD);
            }
        }
    }

    /** ResNet basic block (two 3×3 convolutions), r times. */
    public static void basicBlock(CandidateBatch b, BranchStack g, int s, int c, int repeats) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, g, "res");
            final int cout = c == 0 ? (int) cin : c;
            g.open(b);
            conv(b, g, 3, stride, 1, cout, false);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, OpCode.RELU);
            conv(b, g, 3, 1, 1, cout, false);
            simple(b, g, OpCode.BATCH_NORM);
            g.nextBranch(b);
            projection(b, g, stride, cin, cout);
            g.close(b, Op.ADD);
            simple(b, g, OpCode.RELU);
        }
    }

    /** ResNet bottleneck (1×1, 3×3 with the stride and groups, 1×1), width w (0: c/4), r times. */
    public static void bottleneck(CandidateBatch b, BranchStack g, int s, int c, int width, int groups, int repeats) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, g, "bot");
            final int w = width == 0 ? c / 4 : width;
            if (w < 1) {
                throw new IllegalArgumentException("bot: width c/4 of c = " + c + " is below 1: give w");
            }
            g.open(b);
            conv(b, g, 1, 1, 1, w, false);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, OpCode.RELU);
            conv(b, g, 3, stride, groups, w, false);
            simple(b, g, OpCode.BATCH_NORM);
            simple(b, g, OpCode.RELU);
            conv(b, g, 1, 1, 1, c, false);
            simple(b, g, OpCode.BATCH_NORM);
            g.nextBranch(b);
            projection(b, g, stride, cin, c);
            g.close(b, Op.ADD);
            simple(b, g, OpCode.RELU);
        }
    }

    /** SqueezeNet fire: squeeze to q, expand to c/2 by 1×1 and c/2 by 3×3, concatenated; convolutions with bias. */
    public static void fire(CandidateBatch b, BranchStack g, int q, int c) {
        if (c % 2 != 0) {
            throw new IllegalArgumentException("fire: output channels c = " + c + " must be even (half 1x1, half 3x3)");
        }
        conv(b, g, 1, 1, 1, q, true);
        simple(b, g, OpCode.RELU);
        g.open(b);
        conv(b, g, 1, 1, 1, c / 2, true);
        simple(b, g, OpCode.RELU);
        g.nextBranch(b);
        conv(b, g, 3, 1, 1, c / 2, true);
        simple(b, g, OpCode.RELU);
        g.close(b, Op.CONCAT);
    }

    private static void projection(CandidateBatch b, BranchStack g, int stride, long cin, int cout) {
        if (stride != 1 || cin != cout) {
            b.appendLayer(OpCode.CONV, 1, 1, stride, stride, 0, 0, 1, 1, 1, cout, 1, 0);
            g.afterLayer(b);
            simple(b, g, OpCode.BATCH_NORM);
        }
    }

    private static void squeezeExcite(CandidateBatch b, BranchStack g, int kind, int milli, long blockInput, long mid, Op act) {
        if (kind == SE_NONE) {
            return;
        }
        final long squeeze = kind == SE_SIGMOID ? Math.max(1, blockInput * milli / 1000)
                : makeDivisible(mid * milli / 1000, 1, 8);
        g.open(b);
        g.nextBranch(b);
        simple(b, g, OpCode.GLOBAL_AVG_POOL);
        conv(b, g, 1, 1, 1, checkedInt(squeeze, "squeeze-excite"), true);
        simple(b, g, kind == SE_SIGMOID ? act.code() : OpCode.RELU);
        conv(b, g, 1, 1, 1, checkedInt(mid, "squeeze-excite"), true);
        simple(b, g, kind == SE_SIGMOID ? OpCode.SIGMOID : OpCode.HSIGMOID);
        g.close(b, Op.MUL);
    }

    private static void conv(CandidateBatch b, BranchStack g, int k, int s, int groups, int c, boolean bias) {
        int pad = (k - 1) / 2;
        b.appendLayer(OpCode.CONV, k, k, s, s, pad, pad, 1, 1, groups, c, 1, bias ? FLAG_BIAS : 0);
        g.afterLayer(b);
    }

    private static void depthwise(CandidateBatch b, BranchStack g, int k, int s) {
        int pad = (k - 1) / 2;
        b.appendLayer(OpCode.DEPTHWISE, k, k, s, s, pad, pad, 1, 1, GROUPS_PER_CHANNEL, CHANNELS_FROM_INPUT, 1, 0);
        g.afterLayer(b);
    }

    private static void simple(CandidateBatch b, BranchStack g, int op) {
        b.appendSimple(op);
        g.afterLayer(b);
    }

    private static long inputChannels(CandidateBatch b, BranchStack g, String block) {
        long c = b.openChannels(g.current(b));
        if (c < 1) {
            throw new IllegalArgumentException(block + ": the block's input channels are unknown here (after flatten)");
        }
        return c;
    }

    private static int checkedInt(long v, String what) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": " + v + " channels is out of range");
        }
        return (int) v;
    }
}
