package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.Op;

/**
 * The expansion of each {@link Block} into layers, branches and joins, written through the
 * public {@link CandidateBuilder} API like any library user's code. One place defines each
 * block; the grammar's block tokens ({@code ir_k3_s2_e6_c24}) and the builder's helpers
 * ({@link CandidateBuilder#invertedResidual}) both reach it through
 * {@link CandidateBuilder#block(Block, Parts)}. Convolutions followed by batch norm have no
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
 *       <td>( conv 1×1 w, bn, relu, conv 3×3 s g w, bn, relu, conv 1×1 c, bn | [conv 1×1 s c, bn] )add, relu;
 *       w = c/4 by default</td></tr>
 *   <tr><td>{@code fire}: SqueezeNet fire module</td>
 *       <td>conv 1×1 q, relu, ( conv 1×1 c/2, relu | conv 3×3 c/2, relu )cat — convolutions with bias</td></tr>
 * </table>
 *
 * <p><b>Squeeze-excite</b> on a tensor of m channels (see {@link SqueezeExcite}):
 * ( | gap, conv 1×1 (bias) to the squeeze, act, conv 1×1 (bias) to m, gate )mul.
 *
 * <p>{@code r} repeats a block: the stride applies to the first repeat, the others have stride 1
 * and take the output channels as input. Ratios are kept in thousandths (e = 6 is 6000, se = 0.25
 * is 250) so that decimal values from architecture strings stay exact.
 */
public final class Blocks {

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

    /**
     * The fewest layers one repeat of {@code block} writes, whatever its keys: what a block checks
     * against the candidate's layer limit before it expands r repeats ({@code res_c64_r1000000}
     * is refused at once, not after a million blocks). cn: conv, bn, act; ir and ds: dw, bn, act,
     * 1×1 conv, bn (without expansion, SE or residual); dsa: the same and act; res: two conv-bn,
     * relu, add, relu; bot: three conv-bn, two relu, add, relu; fire: a 1×1 conv and relu, two
     * conv-relu branches and their concatenation.
     */
    static int layersPerRepeatAtLeast(Block block) {
        return switch (block) {
            case CN -> 3;
            case IR, DS -> 5;
            case DSA -> 6;
            case RES -> 7;
            case BOT -> 10;
            case FIRE -> 7;
        };
    }

    /** Expands {@code block} with its values resolved (the builder has checked them against the block's description). */
    static void expand(CandidateBuilder b, Block block, int k, int s, int c, int repeats, Parts p, Op act) {
        final SqueezeExcite se = p.has(Key.SE) ? new SqueezeExcite(Key.SE, p.get(Key.SE))
                : p.has(Key.SEH) ? new SqueezeExcite(Key.SEH, p.get(Key.SEH)) : SqueezeExcite.NONE;
        switch (block) {
            case CN -> convBnAct(b, k, s, c, act, repeats);
            case IR -> invertedResidual(b, k, s, block.value(p, Key.E), c, repeats, se, p.noskip(), act);
            case DS -> depthwiseSeparable(b, k, s, c, repeats, se, p.noskip(), false, act);
            case DSA -> depthwiseSeparable(b, k, s, c, repeats, se, true, true, act);
            case RES -> basicBlock(b, s, c, repeats);
            case BOT -> bottleneck(b, s, c, block.value(p, Key.W), block.value(p, Key.G), repeats);
            case FIRE -> fire(b, block.value(p, Key.Q), c);
        }
    }

    /** conv k×k stride s to c channels (0: the input's), bn, act; r times. */
    private static void convBnAct(CandidateBuilder b, int k, int s, int c, Op act, int repeats) {
        for (int i = 0; i < repeats; i++) {
            b.conv(k, i == 0 ? s : 1, 1, c, false).bn().activation(act);
        }
    }

    private static void invertedResidual(CandidateBuilder b, int k, int s, int expandMilli, int c, int repeats,
                                         SqueezeExcite se, boolean noskip, Op act) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, "ir");
            final boolean skip = stride == 1 && cin == c && !noskip;
            if (skip) {
                b.beginGroup();
            }
            long mid = cin;
            if (expandMilli != Key.ONE) {
                mid = makeDivisible(cin * expandMilli, Key.ONE, 8);
                b.conv(1, 1, 1, checkedInt(mid, "ir expansion"), false).bn().activation(act);
            }
            b.depthwise(k, stride, false).bn().activation(act);
            squeezeExcite(b, se, cin, mid, act);
            b.conv(1, 1, 1, c, false).bn();
            if (skip) {
                b.nextBranch().endGroup(Op.ADD);
            }
        }
    }

    private static void depthwiseSeparable(CandidateBuilder b, int k, int s, int c, int repeats, SqueezeExcite se,
                                           boolean noskip, boolean withActivation, Op act) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, withActivation ? "dsa" : "ds");
            final boolean skip = !withActivation && stride == 1 && cin == c && !noskip;
            if (skip) {
                b.beginGroup();
            }
            b.depthwise(k, stride, false).bn().activation(act);
            squeezeExcite(b, se, cin, cin, act);
            b.conv(1, 1, 1, c, false).bn();
            if (withActivation) {
                b.activation(act);
            }
            if (skip) {
                b.nextBranch().endGroup(Op.ADD);
            }
        }
    }

    private static void basicBlock(CandidateBuilder b, int s, int c, int repeats) {
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, "res");
            b.beginGroup()
                    .conv(3, stride, 1, c, false).bn().relu()
                    .conv(3, 1, 1, c, false).bn()
                    .nextBranch();
            projection(b, stride, cin, c);
            b.endGroup(Op.ADD).relu();
        }
    }

    private static void bottleneck(CandidateBuilder b, int s, int c, int width, int groups, int repeats) {
        final int w = width == 0 ? c / 4 : width;
        if (w < 1) {
            throw new IllegalArgumentException("bot: width c/4 of c = " + c + " is below 1: give w");
        }
        for (int i = 0; i < repeats; i++) {
            final int stride = i == 0 ? s : 1;
            final long cin = inputChannels(b, "bot");
            b.beginGroup()
                    .conv(1, 1, 1, w, false).bn().relu()
                    .conv(3, stride, groups, w, false).bn().relu()
                    .conv(1, 1, 1, c, false).bn()
                    .nextBranch();
            projection(b, stride, cin, c);
            b.endGroup(Op.ADD).relu();
        }
    }

    private static void fire(CandidateBuilder b, int q, int c) {
        if (c % 2 != 0) {
            throw new IllegalArgumentException("fire: output channels c = " + c + " must be even (half 1x1, half 3x3)");
        }
        b.conv(1, 1, 1, q, true).relu()
                .beginGroup().conv(1, 1, 1, c / 2, true).relu()
                .nextBranch().conv(3, 1, 1, c / 2, true).relu()
                .endGroup(Op.CONCAT);
    }

    private static void projection(CandidateBuilder b, int stride, long cin, int cout) {
        if (stride != 1 || cin != cout) {
            b.conv(1, stride, 1, cout, false).bn();
        }
    }

    private static void squeezeExcite(CandidateBuilder b, SqueezeExcite se, long blockInput, long mid, Op act) {
        if (se.key() == null) {
            return;
        }
        if (se.key() == Key.SE) {
            b.squeezeExcite(checkedInt(Math.max(1, blockInput * se.milli() / Key.ONE), "squeeze-excite"), act, Op.SIGMOID);
        } else {
            b.squeezeExcite(checkedInt(makeDivisible(mid * se.milli() / Key.ONE, 1, 8), "squeeze-excite"), Op.RELU, Op.HSIGMOID);
        }
    }

    private static long inputChannels(CandidateBuilder b, String block) {
        long c = b.channels();
        if (c < 1) {
            throw new IllegalArgumentException(block + ": the block's input channels are unknown here (after flatten)");
        }
        return c;
    }

    static int checkedInt(long v, String what) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": " + v + " channels is out of range");
        }
        return (int) v;
    }
}
