package io.archmeter.spaces.regnet;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.Op;
import io.archmeter.spaces.support.GraphWriter;

/**
 * Writes a RegNet into the open candidate of a batch as torchvision's {@code RegNet} builds it:
 * the stem (3×3 convolution, stride 2, to 32 channels, without bias, batch norm, ReLU), the stages
 * of {@link RegNetDesign} made of residual bottleneck blocks, global average pooling and a linear
 * classifier with bias (1000 classes by default; input 224×224×3).
 *
 * <h2>A block from w_in to w_out channels with stride s (torchvision {@code ResBottleneckBlock})</h2>
 * With the bottleneck width w_b = round(w_out·b) and g = w_b / group width groups: a projection
 * (1×1 convolution with stride s, batch norm) when w_in ≠ w_out or s ≠ 1; then a: 1×1 convolution
 * to w_b, BN, ReLU; b: 3×3 grouped convolution with stride s, BN, ReLU; for RegNetY a
 * squeeze-excite on b's output (global pooling, 1×1 convolution with bias to round(se·w_in) —
 * the <em>block input</em> width —, ReLU, 1×1 convolution with bias back to w_b, sigmoid, product);
 * c: 1×1 convolution to w_out, BN; the sum with the projection or the input; ReLU. Convolutions
 * before a batch norm have no bias.
 *
 * <p>Parameters equal torchvision's for every RegNetX and RegNetY model (e.g. RegNetX-400MF
 * 5,495,976; RegNetY-400MF 4,344,144), and MACs its published {@code _ops} (0.414 G for RegNetX-400MF).
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class RegNetNetwork {
    public static final int STEM_WIDTH = 32;
    public static final int DEFAULT_CLASSES = 1000;

    private final RegNetDesign design = new RegNetDesign();
    private GraphWriter writer;

    /** Appends the RegNet of {@code p} to the open candidate of {@code batch}. */
    public void append(CandidateBatch batch, RegNetParams p, int classes) {
        append(batch, p.d(), p.w0(), p.wa().doubleValue(), p.wm().doubleValue(), p.g(), p.b().doubleValue(),
                p.se() == null ? 0 : p.se().doubleValue(), classes);
    }

    /** Appends the RegNet of the given parameters ({@code se} 0: no squeeze-excite, a RegNetX). */
    public void append(CandidateBatch batch, int d, int w0, double wa, double wm, int g, double b, double se, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        if (se < 0 || se > 1) {
            throw RegNetParams.error("se must be from 0 to 1, not " + se);
        }
        design.compute(d, w0, wa, wm, g, b);
        GraphWriter gw = writer != null && writer.batch() == batch ? writer : (writer = new GraphWriter(batch));
        int x = gw.relu(gw.bn(gw.conv(GraphWriter.INPUT, 3, 3, 2, 2, 1, 1, 1, 1, STEM_WIDTH, false)));
        int width = STEM_WIDTH;
        for (int s = 0; s < design.stages(); s++) {
            for (int i = 0; i < design.depth(s); i++) {
                x = block(gw, x, width, design.width(s), i == 0 ? 2 : 1, design.groupWidth(s), b, se);
                width = design.width(s);
            }
        }
        gw.fc(gw.gap(x), classes, true);
    }

    private static int block(GraphWriter g, int x, int win, int wout, int stride, int groupWidth, double b, double se) {
        final int proj = win != wout || stride != 1 ? g.bn(g.conv(x, 1, 1, stride, stride, 0, 0, 1, 1, wout, false)) : x;
        final int wb = (int) Math.rint(wout * b);
        final int groups = wb / groupWidth;
        if (groups < 1) {
            throw RegNetParams.error("a block of bottleneck width " + wb + " has no group of width " + groupWidth);
        }
        int f = g.relu(g.bn(g.conv(x, 1, 1, 1, 1, 0, 0, 1, 1, wb, false)));
        f = g.relu(g.bn(g.conv(f, 3, 3, stride, stride, 1, 1, 1, groups, wb, false)));
        if (se > 0) {
            final int squeeze = (int) Math.rint(se * win);
            if (squeeze < 1) {
                throw RegNetParams.error("squeeze-excite of ratio " + se + " on a " + win + "-channel block input squeezes to 0");
            }
            int gate = g.conv(g.gap(f), 1, 1, 1, 1, 0, 0, 1, 1, squeeze, true);
            gate = g.simple(g.conv(g.relu(gate), 1, 1, 1, 1, 0, 0, 1, 1, wb, true), Op.SIGMOID);
            f = g.mul(f, gate);
        }
        f = g.bn(g.conv(f, 1, 1, 1, 1, 0, 0, 1, 1, wout, false));
        return g.relu(g.add(proj, f));
    }
}
