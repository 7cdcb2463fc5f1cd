package io.archmeter.bench.baseline;

import io.archmeter.model.Conventions;
import io.archmeter.model.FlopsConvention;

import java.util.List;

/**
 * Baseline (a) of the benchmarks: the scorer any Java programmer would write first. A candidate
 * is a {@code List<Layer>} of records, the result is a new {@link ObjectMetrics} per candidate,
 * and the arithmetic is {@code long} with {@link Math#multiplyExact}/{@link Math#addExact}, as in
 * the engine. It implements the formulas of the engine's {@code Scorer} Javadoc from scratch
 * (output size, receptive field, MACs, FLOPs, parameters, activation memory) so that the two
 * implementations check each other, and {@code ObjectBaselineBenchmark} shows what the primitive
 * encoding buys.
 *
 * <p>Throws {@link IllegalArgumentException} on an invalid shape; the benchmarks only feed it
 * valid candidates.
 */
public final class ObjectScorer {
    private final long macFactor;
    private final boolean countElementwise;
    private final long weightBytes;
    private final long activationBytes;

    public ObjectScorer(Conventions conventions) {
        this.macFactor = conventions.flops() == FlopsConvention.STRICT ? 2 : 1;
        this.countElementwise = conventions.countElementwise();
        this.weightBytes = conventions.weightType().bytes();
        this.activationBytes = conventions.activationType().bytes();
    }

    /** Scores {@code layers} on an input of {@code height}×{@code width}×{@code channels}. */
    // the object baseline in the engine loop's shape, one method, so that the ratio compares layouts (checkstyle.xml)
    @SuppressWarnings("checkstyle:MethodLength")
    public ObjectMetrics score(List<Layer> layers, int height, int width, int channels) {
        long h = height, w = width, c = channels;
        long live = Math.multiplyExact(Math.multiplyExact(h, w), c);   // elements of the tensor the next layer reads
        long peak = live, total = 0;
        long macs = 0, flops = 0, params = 0;
        long rfH = 1, rfW = 1, jumpH = 1, jumpW = 1, padH = 0, padW = 0;
        boolean global = false;                                          // a layer has seen the whole map
        for (Layer layer : layers) {
            long layerMacs = 0, layerFlops = 0, layerParams = 0, allocated = 0;
            switch (layer.kind()) {
                case CONV, DEPTHWISE -> {
                    long groups = layer.kind() == Layer.Kind.DEPTHWISE ? c : layer.groups();
                    long out = layer.kind() == Layer.Kind.DEPTHWISE ? Math.multiplyExact(c, layer.multiplier())
                            : layer.outChannels() == 0 ? c : layer.outChannels();
                    if (c % groups != 0 || out % groups != 0) {
                        throw new IllegalArgumentException("channels " + c + " -> " + out + " not divisible by groups " + groups);
                    }
                    long oh = outputSize(h, layer.kh(), layer.sh(), layer.ph(), layer.dh(), false);
                    long ow = outputSize(w, layer.kw(), layer.sw(), layer.pw(), layer.dw(), false);
                    long weightsPerOutput = Math.multiplyExact(Math.multiplyExact((long) layer.kh(), layer.kw()), c / groups);
                    allocated = Math.multiplyExact(Math.multiplyExact(oh, ow), out);
                    layerMacs = Math.multiplyExact(weightsPerOutput, allocated);
                    layerParams = Math.multiplyExact(weightsPerOutput, out);
                    layerFlops = Math.multiplyExact(layerMacs, macFactor);
                    if (layer.bias()) {
                        layerParams = Math.addExact(layerParams, out);
                        layerFlops = Math.addExact(layerFlops, allocated);
                    }
                    h = oh;
                    w = ow;
                    c = out;
                }
                case MAX_POOL, AVG_POOL -> {
                    long oh = outputSize(h, layer.kh(), layer.sh(), layer.ph(), layer.dh(), layer.ceil());
                    long ow = outputSize(w, layer.kw(), layer.sw(), layer.pw(), layer.dw(), layer.ceil());
                    allocated = Math.multiplyExact(Math.multiplyExact(oh, ow), c);
                    if (countElementwise) {
                        layerFlops = Math.multiplyExact(allocated, (long) layer.kh() * layer.kw());
                    }
                    h = oh;
                    w = ow;
                }
                case GLOBAL_AVG_POOL -> {
                    allocated = c;
                    if (countElementwise) {
                        layerFlops = live;
                    }
                    h = 1;
                    w = 1;
                    global = true;
                }
                case FC -> {
                    long out = layer.outChannels();
                    allocated = out;
                    layerMacs = Math.multiplyExact(live, out);
                    layerParams = layerMacs;
                    layerFlops = Math.multiplyExact(layerMacs, macFactor);
                    if (layer.bias()) {
                        layerParams = Math.addExact(layerParams, out);
                        layerFlops = Math.addExact(layerFlops, out);
                    }
                    h = 1;
                    w = 1;
                    c = out;
                    global = true;
                }
                case BATCH_NORM -> {
                    layerParams = Math.multiplyExact(2L, c);                       // gamma and beta
                    if (countElementwise) {
                        layerFlops = Math.multiplyExact(2L, live);
                    }
                }
                case LRN -> {
                    allocated = live;
                    if (countElementwise) {
                        layerFlops = Math.multiplyExact(5L, live);
                    }
                }
                case FLATTEN -> {
                    c = live;
                    h = 1;
                    w = 1;
                    global = true;
                }
                case ACTIVATION -> {
                    if (countElementwise) {
                        layerFlops = live;
                    }
                }
                case DROPOUT, IDENTITY -> {
                }
                default -> throw new IllegalStateException("unknown kind " + layer.kind());
            }
            if (!global && layer.kind().slidesWindow()) {
                rfH = Math.addExact(rfH, Math.multiplyExact((long) (layer.kh() - 1) * layer.dh(), jumpH));
                rfW = Math.addExact(rfW, Math.multiplyExact((long) (layer.kw() - 1) * layer.dw(), jumpW));
                padH = Math.addExact(padH, Math.multiplyExact((long) layer.ph(), jumpH));
                padW = Math.addExact(padW, Math.multiplyExact((long) layer.pw(), jumpW));
                jumpH = Math.multiplyExact(jumpH, layer.sh());
                jumpW = Math.multiplyExact(jumpW, layer.sw());
            }
            if (allocated != 0) {
                peak = Math.max(peak, Math.addExact(live, allocated));
                total = Math.addExact(total, allocated);
                live = allocated;
            }
            macs = Math.addExact(macs, layerMacs);
            flops = Math.addExact(flops, layerFlops);
            params = Math.addExact(params, layerParams);
        }
        return new ObjectMetrics(macs, flops, params, Math.multiplyExact(params, weightBytes),
                Math.multiplyExact(peak, activationBytes), Math.multiplyExact(total, activationBytes),
                rfH, rfW, jumpH, jumpW, padH, padW, h, w, c);
    }

    /**
     * floor((n + 2p − d·(k−1) − 1)/s) + 1; with {@code ceil} the ceiling, less one when the last
     * window would start in the padding, a window overhanging the input by up to s − 1 (PyTorch).
     */
    static long outputSize(long n, int k, int s, int p, int d, boolean ceil) {
        long span = n + 2L * p - (long) d * (k - 1) - 1;
        // ceil rounding lets the last window overhang the input by up to s - 1 (PyTorch's pooling_output_shape)
        long windows = ceil ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s);
        if (windows < 0 || !ceil && span < 0) {
            throw new IllegalArgumentException("kernel " + k + " (dilation " + d + ") does not fit in " + n + " + 2·" + p);
        }
        if (ceil && windows > 0 && windows * s >= n + p) {
            windows--;
        }
        return windows + 1;
    }
}
