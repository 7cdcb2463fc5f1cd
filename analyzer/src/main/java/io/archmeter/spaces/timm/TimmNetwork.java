package io.archmeter.spaces.timm;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.MobileLayers;

import java.util.List;

/**
 * Writes a timm efficient-net family network, as timm's {@code EfficientNet} /
 * {@code MobileNetV3} classes and {@code EfficientNetBuilder} build it, through a
 * {@link CandidateBuilder}. Every rule below is timm's (file {@code _efficientnet_builder.py} and
 * {@code _efficientnet_blocks.py}):
 * <ul>
 *   <li>stem: conv k×k stride 2 (no bias) to round_chs_fn(stem) unless fixed, BN, act;</li>
 *   <li>per stage, only the first block keeps its stride (1 or 2, else refused); past an output
 *       stride of 32 a stride becomes a dilation of the following blocks;</li>
 *   <li>each block's output channels are round_chs_fn(c); {@code ir}: conv a×a to
 *       mid = make_divisible(C_in·e, 8) — <em>always</em>, also at e = 1 — BN, act, dw k×k,
 *       BN, act, [SE on mid], conv p×p to C_out, BN; {@code ds}/{@code dsa}: dw, BN, act, [SE on
 *       C_in], conv p×p, BN [, act]; {@code er}: conv k×k to mid (from {@code fc} if given), BN,
 *       act, [SE on mid], conv p×p, BN; {@code cn}: conv, BN, act; a residual add when
 *       stride 1, C_in = C_out and not noskip ({@code cn}: only with {@code skip});</li>
 *   <li>SE: rd_ratio = se (÷ e unless se_from_exp), squeeze = the model's rd_round_fn of
 *       channels·rd_ratio, inner act = the model's forced one or the block's, then its gate;</li>
 *   <li>head: {@link TimmSettings.Head}.</li>
 * </ul>
 * Padding is timm's default (PyTorch symmetric {@code get_padding}), or for timm's TF ports
 * ({@code tf_*}, {@code pad_type='same'}: {@link TimmSettings#tfSame()}) TF "SAME" on every
 * convolution of stem, blocks and head ({@code tfsame1}), as timm's {@code create_conv2d} pads them
 * (dynamic {@code Conv2dSame} where the padding is not static; the same numbers where it is); the
 * squeeze-excite's 1×1 convolutions on a 1×1 map are timm's plain {@code nn.Conv2d}.
 */
public final class TimmNetwork {
    private TimmNetwork() {
    }

    /** Writes the candidate: begin on h×w×3, stem, the decoded stages, head, classifier, end. */
    public static void append(CandidateBuilder b, TimmSettings s, List<List<TimmBlock>> stages, int h, int w, int classes) {
        b.begin(h, w, 3);
        try {
            write(b, s, stages, classes);
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /** Writes stem, stages, head and classifier into the candidate open in {@code b} (3 input channels). */
    public static void write(CandidateBuilder b, TimmSettings s, List<List<TimmBlock>> stages, int classes) {
        final int stem = s.fixStem() ? s.stemSize() : s.roundChannels(s.stemSize());
        MobileLayers.convBnAct(b, s.tfSame(), s.stemKernel(), 2, 1, 1, stem, s.act());
        int in = stem;
        int currentStride = 2;
        int currentDilation = 1;
        for (List<TimmBlock> stage : stages) {
            for (int i = 0; i < stage.size(); i++) {
                final TimmBlock blk = stage.get(i);
                if (blk.stride() != 1 && blk.stride() != 2) {
                    throw new NotationException("timm block stride s" + blk.stride() + ": timm builds strides 1 and 2 only");
                }
                int stride = i >= 1 ? 1 : blk.stride();
                int nextDilation = currentDilation;
                if (stride > 1) {
                    if (currentStride * stride > 32) {
                        nextDilation = currentDilation * stride;
                        stride = 1;
                    } else {
                        currentStride *= stride;
                    }
                }
                in = block(b, s, blk, in, stride, currentDilation);
                currentDilation = nextDilation;
            }
        }
        head(b, s, in, classes);
    }

    private static void head(CandidateBuilder b, TimmSettings s, int in, int classes) {
        if (s.head() == TimmSettings.Head.EFFICIENTNET) {
            if (s.numFeatures() > 0) {
                MobileLayers.convBnAct(b, s.tfSame(), 1, 1, 1, 1, s.numFeatures(), s.act());
            }
            b.gap();
        } else {
            b.gap();
            MobileLayers.conv(b, s.tfSame(), 1, 1, 1, 1, s.numFeatures(), s.headBias());
            b.simple(s.act());
            b.simple(Op.FLATTEN);
        }
        b.fc(classes);
    }

    private static int block(CandidateBuilder b, TimmSettings s, TimmBlock blk, int in, int stride, int dilation) {
        final int out = s.roundChannels(blk.outChannels());
        final Op act = blk.act() != null ? blk.act() : s.act();
        double seRatio = blk.seRatio();
        if (seRatio != 0 && !s.seFromExp()) {
            seRatio /= blk.expansion();
        }
        final Op seInner = s.seForceAct() != null ? s.seForceAct() : act;
        switch (blk.type()) {
            case "ir": {
                final int mid = Divisible.makeDivisible(in * blk.expansion(), 8);
                final boolean skip = in == out && stride == 1 && !blk.noskip();
                MobileLayers.beginResidual(b, skip);
                MobileLayers.mixedConv(b, s.tfSame(), blk.expKernels(), 1, 1, false, in, mid);
                b.bn();
                b.simple(act);
                spatial(b, s.tfSame(), blk.kernels(), stride, dilation, groups(blk.groupSize() < 0 ? 1 : blk.groupSize(), mid, "ir"), mid);
                b.bn();
                b.simple(act);
                se(b, s, mid, seRatio, seInner);
                MobileLayers.mixedConv(b, s.tfSame(), blk.pwKernels(), 1, 1, false, mid, out);
                b.bn();
                MobileLayers.endResidual(b, skip);
                return out;
            }
            case "ds":
            case "dsa": {
                final boolean skip = stride == 1 && in == out && !blk.noskip();
                MobileLayers.beginResidual(b, skip);
                spatial(b, s.tfSame(), blk.kernels(), stride, dilation, groups(blk.groupSize() < 0 ? 1 : blk.groupSize(), in, blk.type()),
                        in);
                b.bn();
                b.simple(act);
                se(b, s, in, seRatio, seInner);
                MobileLayers.mixedConv(b, s.tfSame(), blk.pwKernels(), 1, 1, false, in, out);
                b.bn();
                if (blk.type().equals("dsa")) {
                    b.simple(act);
                }
                MobileLayers.endResidual(b, skip);
                return out;
            }
            case "er": {
                final int from = blk.forceInChs() > 0 ? s.roundChannels(blk.forceInChs()) : in;
                final int mid = Divisible.makeDivisible(from * blk.expansion(), 8);
                final boolean skip = in == out && stride == 1 && !blk.noskip();
                final int g = groups(blk.groupSize() < 0 ? 0 : blk.groupSize(), mid, "er");
                if (in % g != 0) {
                    throw new NotationException("timm er block: " + in + " input channels are not divisible by " + g + " groups");
                }
                MobileLayers.beginResidual(b, skip);
                MobileLayers.convBnAct(b, s.tfSame(), blk.kernel(), stride, dilation, g, mid, act);
                se(b, s, mid, seRatio, seInner);
                MobileLayers.convBnAct(b, s.tfSame(), blk.pwKernels()[0], 1, 1, 1, out, null);
                MobileLayers.endResidual(b, skip);
                return out;
            }
            default: {
                final boolean skip = blk.skip() && stride == 1 && in == out;
                MobileLayers.beginResidual(b, skip);
                MobileLayers.convBnAct(b, s.tfSame(), blk.kernel(), stride, dilation, groups(blk.groupSize() < 0 ? 0 : blk.groupSize(), in, "cn"),
                        out, act);
                MobileLayers.endResidual(b, skip);
                return out;
            }
        }
    }

    /**
     * A k×k convolution from {@code channels} to {@code channels} in {@code groups}: depthwise when
     * groups = channels, a mixed depthwise convolution for a kernel list (timm's MixedConv2d).
     */
    private static void spatial(CandidateBuilder b, boolean tfSame, int[] k, int stride, int dilation, int groups, int channels) {
        if (groups == channels) {
            MobileLayers.mixedConv(b, tfSame, k, stride, dilation, true, channels, channels);
        } else {
            MobileLayers.conv(b, tfSame, k[0], stride, dilation, groups, channels, false);
        }
    }

    private static void se(CandidateBuilder b, TimmSettings s, int channels, double rdRatio, Op inner) {
        if (rdRatio != 0) {
            MobileLayers.squeezeExcite(b, channels, s.seChannels(channels, rdRatio), inner, s.seGate());
        }
    }

    /** timm's {@code num_groups(group_size, channels)}: 1 for group size 0, else channels / group size (which must divide). */
    private static int groups(int groupSize, int channels, String type) {
        if (groupSize == 0) {
            return 1;
        }
        if (channels % groupSize != 0) {
            throw new NotationException("timm " + type + " block: group size gs" + groupSize + " does not divide " + channels + " channels");
        }
        return channels / groupSize;
    }
}
