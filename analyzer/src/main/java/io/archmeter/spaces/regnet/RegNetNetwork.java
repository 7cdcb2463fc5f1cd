package io.archmeter.spaces.regnet;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;

/**
 * Writes a RegNet into the open candidate of a {@link CandidateBuilder} as torchvision's
 * {@code RegNet} builds it: the stem (3×3 convolution, stride 2, to 32 channels, without bias,
 * batch norm, ReLU), the stages of {@link RegNetDesign} made of residual bottleneck blocks, global
 * average pooling and a linear classifier with bias (1000 classes by default; input 224×224×3).
 *
 * <h2>A block from w_in to w_out channels with stride s (torchvision {@code ResBottleneckBlock})</h2>
 * With the bottleneck width w_b = round(w_out·b) and g = w_b / group width groups: a projection
 * (1×1 convolution with stride s, batch norm) when w_in ≠ w_out or s ≠ 1; then a: 1×1 convolution
 * to w_b, BN, ReLU; b: 3×3 grouped convolution with stride s, BN, ReLU; for RegNetY a
 * squeeze-excite on b's output (global pooling, 1×1 convolution with bias to round(se·w_in) —
 * the <em>block input</em> width —, ReLU, 1×1 convolution with bias back to w_b, sigmoid, product);
 * c: 1×1 convolution to w_out, BN; the sum with the projection (computed first, as
 * {@code self.proj(x) + self.f(x)} evaluates it) or the input; ReLU. Convolutions before a batch
 * norm have no bias.
 *
 * <p>Parameters equal torchvision's for every RegNetX and RegNetY model (e.g. RegNetX-400MF
 * 5,495,976; RegNetY-400MF 4,344,144), and MACs its published {@code _ops} (0.414 G for RegNetX-400MF).
 *
 * <p>Not thread-safe: one instance per thread (it reuses a {@link RegNetDesign}).
 */
public final class RegNetNetwork {
    public static final int STEM_WIDTH = 32;
    public static final int DEFAULT_CLASSES = 1000;

    private final RegNetDesign design = new RegNetDesign();
    /** The two tensors a block adds. */
    private final int[] sum = new int[2];

    /** Writes the RegNet of {@code p} into the open candidate of {@code b}. */
    public void write(CandidateBuilder b, RegNetParams p, int classes) {
        write(b, p.d(), p.w0(), p.wa().doubleValue(), p.wm().doubleValue(), p.g(), p.b().doubleValue(),
                p.se() == null ? 0 : p.se().doubleValue(), classes);
    }

    /** Writes the RegNet of the given parameters ({@code se} 0: no squeeze-excite, a RegNetX). */
    public void write(CandidateBuilder b, int d, int w0, double wa, double wm, int g, double bottleneck, double se, int classes) {
        if (!(se >= 0 && se <= 1)) {
            throw RegNetParams.error("se must be from 0 to 1, not " + se);
        }
        write(b, design.compute(d, w0, wa, wm, g, bottleneck), se, classes);
    }

    /** Writes the RegNet of a computed design ({@code se} 0: no squeeze-excite). */
    public void write(CandidateBuilder b, RegNetDesign design, double se, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        final double bottleneck = design.bottleneck();
        b.conv(3, 2, 1, STEM_WIDTH, false).bn().relu();
        int width = STEM_WIDTH;
        for (int s = 0; s < design.stages(); s++) {
            for (int i = 0; i < design.depth(s); i++) {
                block(b, width, design.width(s), i == 0 ? 2 : 1, design.groupWidth(s), bottleneck, se);
                width = design.width(s);
            }
        }
        b.gap().fc(classes);
    }

    private void block(CandidateBuilder b, int win, int wout, int stride, int groupWidth, double bottleneck, double se) {
        final int x = b.position();
        final int wb = (int) Math.rint(wout * bottleneck);
        final int groups = wb / groupWidth;
        if (groups < 1) {
            throw RegNetParams.error("a block of bottleneck width " + wb + " has no group of width " + groupWidth);
        }
        int proj = x;
        if (win != wout || stride != 1) {
            b.conv(1, 1, stride, stride, 0, 0, 1, 1, 1, wout, false).bn();
            proj = b.position();
            b.from(x);
        }
        b.conv(1, 1, 1, wb, false).bn().relu()
                .conv(3, 3, stride, stride, 1, 1, 1, 1, groups, wb, false).bn().relu();
        if (se > 0) {
            final int squeeze = (int) Math.rint(se * win);
            if (squeeze < 1) {
                throw RegNetParams.error("squeeze-excite of ratio " + se + " on a " + win + "-channel block input squeezes to 0");
            }
            b.squeezeExcite(squeeze, Op.RELU, Op.SIGMOID);
        }
        b.conv(1, 1, 1, wout, false).bn();
        sum[0] = proj;
        sum[1] = b.position();
        b.join(Op.ADD, sum, 2).relu();
    }
}
