package io.archmeter.spaces.mobile;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Key;
import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;

/**
 * The layer patterns every MobileNet-family space is made of, written through the library's
 * {@link CandidateBuilder} (the one way to write layers): convolution without bias followed by
 * batch norm, activations, squeeze-excite gates and residual adds. The spaces
 * ({@code timm}, {@code ofa}, {@code proxyless}) compute their channel counts by their own
 * reference rules and call these with the results, so that each rule lives with its space and
 * each layer pattern here.
 *
 * <p>Padding is symmetric, PyTorch's: {@link #pad} is timm's {@code get_padding}, which equals
 * OFA's and ProxylessNAS's {@code get_same_padding(k)·d} for the odd kernels they use.
 */
public final class MobileLayers {
    private MobileLayers() {
    }

    /**
     * timm's {@code get_padding(k, s, d)} = ((s − 1) + d·(k − 1)) / 2, rounded down: the PyTorch
     * symmetric padding of every timm, OFA and ProxylessNAS convolution. For odd k and s ≤ 2 it is
     * d·(k − 1)/2; for even kernels at stride 2 it is one more than that (k = 2: 1, not 0).
     */
    public static int pad(int k, int s, int d) {
        return ((s - 1) + d * (k - 1)) / 2;
    }

    /** k×k convolution, stride s, dilation d, {@code groups} groups (1 dense), to {@code cout}, timm padding; no bias unless asked. */
    public static void conv(CandidateBuilder b, int k, int s, int d, int groups, int cout, boolean bias) {
        conv(b, false, k, s, d, groups, cout, bias);
    }

    /**
     * As {@link #conv(CandidateBuilder, int, int, int, int, int, boolean)}, with TF "SAME" padding when
     * {@code tfSame} (timm's {@code pad_type='same'}: its {@code tf_} ports pad a strided or even
     * kernel as TensorFlow does, {@code Conv2dSame}, and the others symmetrically, which TF's rule
     * gives too).
     */
    public static void conv(CandidateBuilder b, boolean tfSame, int k, int s, int d, int groups, int cout, boolean bias) {
        if (tfSame) {
            b.layer(Op.CONV, b.parts().set(Key.K, k).set(Key.S, s).set(Key.D, d).set(Key.G, groups).set(Key.C, cout)
                    .set(Key.B, bias ? 1 : 0).set(Key.TFSAME, 1));
            return;
        }
        int p = pad(k, s, d);
        b.conv(k, k, s, s, p, p, d, d, groups, cout, bias);
    }

    /** Depthwise k×k convolution, stride s, dilation d, timm padding, no bias. */
    public static void depthwise(CandidateBuilder b, int k, int s, int d) {
        depthwise(b, false, k, s, d);
    }

    /** Depthwise k×k convolution, stride s, dilation d, no bias; TF "SAME" padding when {@code tfSame}, else timm's. */
    public static void depthwise(CandidateBuilder b, boolean tfSame, int k, int s, int d) {
        if (tfSame) {
            b.layer(Op.DEPTHWISE, b.parts().set(Key.K, k).set(Key.S, s).set(Key.D, d).set(Key.B, 0).set(Key.TFSAME, 1));
            return;
        }
        int p = pad(k, s, d);
        b.depthwise(k, k, s, s, p, p, d, d, 1, false);
    }

    /**
     * timm's {@code MixedConv2d} (MixNet): the {@code cin} input channels split into one group per
     * kernel as {@code _split_channels} splits them (equal parts, the remainder to the first), each
     * group a convolution with its own kernel to its part of {@code cout} (split the same way;
     * depthwise: each group on itself), the outputs concatenated. Written as
     * {@code ( slice conv | slice conv | … )cat}: the slices are views, each convolution allocates
     * its output and the concatenation its own, as torch.split, the convolutions and torch.cat do.
     * One kernel is a plain convolution. No bias; timm or TF "SAME" padding per convolution.
     */
    public static void mixedConv(CandidateBuilder b, boolean tfSame, int[] kernels, int s, int d, boolean depthwise, int cin, int cout) {
        if (kernels.length == 1) {
            if (depthwise) {
                depthwise(b, tfSame, kernels[0], s, d);
            } else {
                conv(b, tfSame, kernels[0], s, d, 1, cout, false);
            }
            return;
        }
        final int n = kernels.length;
        if (cin < n || cout < n) {
            throw new NotationException("mixed convolution: " + n + " kernels for " + Math.min(cin, cout) + " channels");
        }
        b.beginGroup();
        int first = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.nextBranch();
            }
            final int in = split(cin, n, i);
            b.slice(first, in);
            first += in;
            if (depthwise) {
                depthwise(b, tfSame, kernels[i], s, d);
            } else {
                conv(b, tfSame, kernels[i], s, d, 1, split(cout, n, i), false);
            }
        }
        b.endGroup(Op.CONCAT);
    }

    /** timm's {@code _split_channels(total, n)[i]}: total // n each, the first part also the remainder. */
    public static int split(int total, int n, int i) {
        return total / n + (i == 0 ? total % n : 0);
    }

    /** Convolution (no bias), batch norm, then {@code act} unless it is null. */
    public static void convBnAct(CandidateBuilder b, int k, int s, int d, int groups, int cout, Op act) {
        convBnAct(b, false, k, s, d, groups, cout, act);
    }

    /** Convolution (no bias; TF "SAME" padding when {@code tfSame}), batch norm, then {@code act} unless it is null. */
    public static void convBnAct(CandidateBuilder b, boolean tfSame, int k, int s, int d, int groups, int cout, Op act) {
        conv(b, tfSame, k, s, d, groups, cout, false);
        b.bn();
        if (act != null) {
            b.simple(act);
        }
    }

    /** Depthwise convolution (no bias), batch norm, {@code act}. */
    public static void depthwiseBnAct(CandidateBuilder b, int k, int s, int d, Op act) {
        depthwise(b, k, s, d);
        b.bn();
        b.simple(act);
    }

    /**
     * Squeeze-excite on a tensor of {@code channels}: the input times
     * gate(conv 1×1 (bias) to channels (inner(conv 1×1 (bias) to {@code squeeze} (global average pool)))),
     * as timm's {@code SqueezeExcite}, OFA's {@code SEModule} and torchvision's
     * {@code SqueezeExcitation} compute it.
     */
    public static void squeezeExcite(CandidateBuilder b, int channels, int squeeze, Op inner, Op gate) {
        if (squeeze < 1) {
            throw new NotationException("squeeze-excite: " + squeeze + " squeeze channels: expected at least 1");
        }
        b.beginGroup();
        b.nextBranch();
        b.gap();
        b.conv(1, 1, 1, 1, 0, 0, 1, 1, 1, squeeze, true);
        b.simple(inner);
        b.conv(1, 1, 1, 1, 0, 0, 1, 1, 1, channels, true);
        b.simple(gate);
        b.endGroup(Op.MUL);
    }

    /** Opens a residual block when {@code skip}: the block's layers follow, then {@link #endResidual}. */
    public static void beginResidual(CandidateBuilder b, boolean skip) {
        if (skip) {
            b.beginGroup();
        }
    }

    /** Closes a residual block opened by {@link #beginResidual}: the sum of the block's output and its input. */
    public static void endResidual(CandidateBuilder b, boolean skip) {
        if (skip) {
            b.nextBranch();
            b.endGroup(Op.ADD);
        }
    }
}
