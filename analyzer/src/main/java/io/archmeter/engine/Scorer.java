package io.archmeter.engine;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.CMULT_OFFSET;
import static io.archmeter.encoding.LayerRecord.COUT_OFFSET;
import static io.archmeter.encoding.LayerRecord.DILATION_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.DILATION_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.FLAGS_OFFSET;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.FLAG_CEIL;
import static io.archmeter.encoding.LayerRecord.GROUPS_OFFSET;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;
import static io.archmeter.encoding.LayerRecord.KERNEL_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.KERNEL_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_W_OFFSET;
import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * The one implementation of every formula archmeter reports. {@code summary}, {@code filter}, the
 * library and the benchmarks all end up in {@link #score}; nothing else computes a metric.
 *
 * <h2>The formulas, for a layer with kernel k, stride s, padding p, dilation d (per axis)</h2>
 * <ul>
 *   <li><b>Output size</b>: n_out = floor((n + 2p − d·(k−1) − 1) / s) + 1, or with ceil rounding
 *       ceil(…) + 1, less one if that last window would start in the padding (as PyTorch and Caffe).
 *       An output size ≤ 0 is an error.</li>
 *   <li><b>Receptive field</b> (Araujo, Norris &amp; Sim, Distill 2019), from r₀ = 1, j₀ = 1, P₀ = 0:
 *       r_l = r_{l−1} + (k_l − 1)·d_l·j_{l−1}; P_l = P_{l−1} + p_l·j_{l−1}; j_l = j_{l−1}·s_l.
 *       j is the effective stride S. Global pooling, flatten and fully-connected layers see the
 *       whole input; the network's r, S, P are those of the last spatial map before them.</li>
 *   <li><b>MACs</b> of a convolution: kh·kw·(C_in/g)·H_out·W_out·C_out; of an fc layer: in·out.</li>
 *   <li><b>FLOPs</b>: MACs (or 2·MACs, {@link io.archmeter.model.FlopsConvention#STRICT}) + one per
 *       output element of a layer with a bias; plus, if asked, the element-wise costs of
 *       {@link io.archmeter.model.Conventions}.</li>
 *   <li><b>Parameters</b>: kh·kw·(C_in/g)·C_out (+ C_out bias); fc in·out (+ out); batch norm 2·C
 *       (γ, β; the running mean and variance are buffers, not parameters), as PyTorch counts.</li>
 *   <li><b>Activations</b>, batch 1, in elements then bytes: every layer that is not in place
 *       allocates its output; total = the sum of those outputs (the input excluded); peak = the
 *       largest input + output of one layer (the input alone if no layer allocates). BN, the
 *       activations, dropout, flatten and identity are in place and allocate nothing.</li>
 * </ul>
 *
 * <h2>Worked example: Caffe AlexNet conv1</h2>
 * 227×227×3 input, 96 kernels of 11×11, stride 4, no padding: n_out = floor((227 − 10 − 1)/4) + 1
 * = 55; MACs = 11·11·3 · 55·55·96 = 363 · 290,400 = 105,415,200; FLOPs = 364 · 290,400 =
 * 105,705,600; parameters = 363·96 + 96 = 34,944; r = 11, S = 4, P = 0.
 *
 * <p>All arithmetic is {@code long} with {@link Math#multiplyExact}/{@link Math#addExact}: a count
 * that would overflow is an {@link InvalidArchitectureException}, never a wrapped number.
 *
 * <p>Stateless and thread-safe: everything lives in locals and the caller's arrays.
 */
final class Scorer {

    private Scorer() {
    }

    /**
     * Scores layers {@code [from, to)} of {@code records} on an input of h×w×c and writes one
     * {@link MetricRecord} at {@code out[o…]}. Allocates nothing on success.
     *
     * @param macFactor   1 for {@code multiply} FLOPs, 2 for {@code strict}
     * @param elementwise whether element-wise layers add FLOPs
     * @param weightBytes bytes per weight
     * @param actBytes    bytes per activation element
     * @param trace       if not null, receives a {@link LayerMetricsRecord} per layer from offset 0
     * @throws InvalidArchitectureException naming the layer, when a shape or a count is invalid
     */
    static void score(int[] records, int from, int to, int h0, int w0, int c0,
                      int macFactor, boolean elementwise, int weightBytes, int actBytes,
                      long[] out, int o, long[] trace) {
        long h = h0, w = w0, c = c0;
        long live = 0;                          // elements of the tensor the next layer reads
        long peak = 0;
        long total = 0;
        long macs = 0, flops = 0, params = 0;
        long rfH = 1, rfW = 1, jH = 1, jW = 1, padH = 0, padW = 0;
        boolean global = false;
        int i = from;
        try {
            live = multiplyExact(multiplyExact((long) h0, w0), c0);
            peak = live;
            for (; i < to; i++) {
                final int r = i * LayerRecord.LENGTH;
                final int op = records[r];
                long m = 0, f = 0, p = 0, alloc = 0;
                switch (op) {
                    case OpCode.CONV:
                    case OpCode.DEPTHWISE: {
                        final int kh = records[r + KERNEL_H_OFFSET], kw = records[r + KERNEL_W_OFFSET];
                        final int groupsField = records[r + GROUPS_OFFSET];
                        final int coutField = records[r + COUT_OFFSET];
                        final long g = groupsField == GROUPS_PER_CHANNEL ? c : groupsField;
                        final long co = coutField == CHANNELS_FROM_INPUT ? multiplyExact(c, records[r + CMULT_OFFSET]) : coutField;
                        // groups are 1 (dense) or C (depthwise) in practice: skip the 64-bit divide for both
                        final long cinPerGroup = g == 1 ? c : g == c ? 1 : cinPerGroup(c, g, co, i - from, op);
                        if (g != 1 && co % g != 0) {
                            throw groupsError(i - from, op, c, g, co);
                        }
                        final long oh = outSize(h, kh, records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], false);
                        final long ow = outSize(w, kw, records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], false);
                        if (oh <= 0 || ow <= 0) {
                            throw outputSizeError(i - from, records, r, h, w);
                        }
                        final long perOutput = multiplyExact(multiplyExact((long) kh, kw), cinPerGroup);
                        alloc = multiplyExact(multiplyExact(oh, ow), co);
                        m = multiplyExact(perOutput, alloc);
                        p = multiplyExact(perOutput, co);
                        if ((records[r + FLAGS_OFFSET] & FLAG_BIAS) != 0) {
                            f = alloc;
                            p = addExact(p, co);
                        }
                        f = addExact(f, multiplyExact(m, macFactor));
                        h = oh;
                        w = ow;
                        c = co;
                        break;
                    }
                    case OpCode.MAX_POOL:
                    case OpCode.AVG_POOL: {
                        final int kh = records[r + KERNEL_H_OFFSET], kw = records[r + KERNEL_W_OFFSET];
                        final boolean ceil = (records[r + FLAGS_OFFSET] & FLAG_CEIL) != 0;
                        final long oh = outSize(h, kh, records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], ceil);
                        final long ow = outSize(w, kw, records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], ceil);
                        if (oh <= 0 || ow <= 0) {
                            throw outputSizeError(i - from, records, r, h, w);
                        }
                        alloc = multiplyExact(multiplyExact(oh, ow), c);
                        if (elementwise) {
                            f = multiplyExact(alloc, (long) kh * kw);
                        }
                        h = oh;
                        w = ow;
                        break;
                    }
                    case OpCode.GLOBAL_AVG_POOL:
                        alloc = c;
                        if (elementwise) {
                            f = live;
                        }
                        h = 1;
                        w = 1;
                        global = true;
                        break;
                    case OpCode.FC: {
                        final long in = live;
                        final long co = records[r + COUT_OFFSET];
                        alloc = co;
                        m = multiplyExact(in, co);
                        p = m;
                        if ((records[r + FLAGS_OFFSET] & FLAG_BIAS) != 0) {
                            f = co;
                            p = addExact(p, co);
                        }
                        f = addExact(f, multiplyExact(m, macFactor));
                        h = 1;
                        w = 1;
                        c = co;
                        global = true;
                        break;
                    }
                    case OpCode.BATCH_NORM:
                        p = multiplyExact(2L, c);
                        if (elementwise) {
                            f = multiplyExact(2L, live);
                        }
                        break;
                    case OpCode.LRN:
                        alloc = live;
                        if (elementwise) {
                            f = multiplyExact(5L, live);
                        }
                        break;
                    case OpCode.FLATTEN:
                        c = live;
                        h = 1;
                        w = 1;
                        global = true;
                        break;
                    case OpCode.DROPOUT:
                    case OpCode.IDENTITY:
                        break;
                    default:
                        // the activations: relu … gelu, one operation per element when counted
                        if (op < OpCode.RELU || op > OpCode.GELU) {
                            throw unknownOp(i - from, op);
                        }
                        if (elementwise) {
                            f = live;
                        }
                        break;
                }
                if (!global && (op <= OpCode.AVG_POOL)) {
                    // conv, dw, maxpool, avgpool move the receptive field; the rest leave it as it is
                    rfH = addExact(rfH, multiplyExact((long) (records[r + KERNEL_H_OFFSET] - 1) * records[r + DILATION_H_OFFSET], jH));
                    rfW = addExact(rfW, multiplyExact((long) (records[r + KERNEL_W_OFFSET] - 1) * records[r + DILATION_W_OFFSET], jW));
                    padH = addExact(padH, multiplyExact((long) records[r + PAD_H_OFFSET], jH));
                    padW = addExact(padW, multiplyExact((long) records[r + PAD_W_OFFSET], jW));
                    jH = multiplyExact(jH, records[r + STRIDE_H_OFFSET]);
                    jW = multiplyExact(jW, records[r + STRIDE_W_OFFSET]);
                }
                if (alloc != 0) {
                    peak = Math.max(peak, addExact(live, alloc));
                    total = addExact(total, alloc);
                    live = alloc;
                }
                macs = addExact(macs, m);
                flops = addExact(flops, f);
                params = addExact(params, p);
                if (trace != null) {
                    traceLayer(trace, i - from, h, w, c, rfH, rfW, jH, jW, padH, padW, m, f, p,
                            multiplyExact(alloc, actBytes), global);
                }
            }
            out[o + MetricRecord.MACS_OFFSET] = macs;
            out[o + MetricRecord.FLOPS_OFFSET] = flops;
            out[o + MetricRecord.PARAMS_OFFSET] = params;
            out[o + MetricRecord.WEIGHT_BYTES_OFFSET] = multiplyExact(params, weightBytes);
            out[o + MetricRecord.ACT_PEAK_BYTES_OFFSET] = multiplyExact(peak, actBytes);
            out[o + MetricRecord.ACT_TOTAL_BYTES_OFFSET] = multiplyExact(total, actBytes);
            out[o + MetricRecord.RF_H_OFFSET] = rfH;
            out[o + MetricRecord.RF_W_OFFSET] = rfW;
            out[o + MetricRecord.STRIDE_H_OFFSET] = jH;
            out[o + MetricRecord.STRIDE_W_OFFSET] = jW;
            out[o + MetricRecord.PAD_H_OFFSET] = padH;
            out[o + MetricRecord.PAD_W_OFFSET] = padW;
            out[o + MetricRecord.OUT_H_OFFSET] = h;
            out[o + MetricRecord.OUT_W_OFFSET] = w;
            out[o + MetricRecord.OUT_C_OFFSET] = c;
            out[o + MetricRecord.STATUS_OFFSET] = MetricRecord.STATUS_OK;
        } catch (ArithmeticException e) {
            // live is 0 only if the input's own element count overflowed
            throw live == 0 ? inputOverflowError() : overflowError(i - from, i < to ? records[i * LayerRecord.LENGTH] : -1);
        }
    }

    /**
     * floor((n + 2p − d·(k−1) − 1)/s) + 1, or with {@code ceil} the ceiling, less one if the last
     * window would start in the right padding. Returns a value ≤ 0 when no window fits.
     */
    static long outSize(long n, int k, int s, int p, int d, boolean ceil) {
        final long span = n + 2L * p - (long) d * (k - 1) - 1;
        if (span < 0) {
            return 0;
        }
        if (ceil) {
            long q = (span + s - 1) / s;
            if (q * s >= n + p) {
                q--;   // the last window would start inside the padding: PyTorch and Caffe drop it
            }
            return q + 1;
        }
        // stride is 1 or 2 in practice: shift instead of a 64-bit divide
        return (s == 1 ? span : s == 2 ? span >> 1 : span / s) + 1;
    }

    private static void traceLayer(long[] t, int j, long h, long w, long c, long rfH, long rfW, long jH, long jW,
                                   long padH, long padW, long m, long f, long p, long actBytes, boolean global) {
        final int b = LayerMetricsRecord.offset(j);
        t[b + LayerMetricsRecord.OUT_H_OFFSET] = h;
        t[b + LayerMetricsRecord.OUT_W_OFFSET] = w;
        t[b + LayerMetricsRecord.OUT_C_OFFSET] = c;
        t[b + LayerMetricsRecord.RF_H_OFFSET] = rfH;
        t[b + LayerMetricsRecord.RF_W_OFFSET] = rfW;
        t[b + LayerMetricsRecord.STRIDE_H_OFFSET] = jH;
        t[b + LayerMetricsRecord.STRIDE_W_OFFSET] = jW;
        t[b + LayerMetricsRecord.PAD_H_OFFSET] = padH;
        t[b + LayerMetricsRecord.PAD_W_OFFSET] = padW;
        t[b + LayerMetricsRecord.MACS_OFFSET] = m;
        t[b + LayerMetricsRecord.FLOPS_OFFSET] = f;
        t[b + LayerMetricsRecord.PARAMS_OFFSET] = p;
        t[b + LayerMetricsRecord.ACT_BYTES_OFFSET] = actBytes;
        t[b + LayerMetricsRecord.GLOBAL_OFFSET] = global ? 1 : 0;
    }

    // ---- slow paths: out of line so that the loop above stays small -------------------------

    private static long cinPerGroup(long c, long g, long co, int layer, int op) {
        if (c % g != 0) {
            throw groupsError(layer, op, c, g, co);
        }
        return c / g;
    }

    private static InvalidArchitectureException groupsError(int layer, int op, long c, long g, long co) {
        String what = c % g != 0 ? "input channels " + c : "output channels " + co;
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (" + Op.ofCode(op).token() + "): "
                + what + " not divisible by groups " + g + " (C_in " + c + ", C_out " + co + ")");
    }

    private static InvalidArchitectureException outputSizeError(int layer, int[] records, int r, long h, long w) {
        String op = Op.ofCode(records[r]).token();
        StringBuilder sb = new StringBuilder("layer ").append(layer + 1).append(" (").append(op).append("): output size ");
        boolean ceil = (records[r + FLAGS_OFFSET] & FLAG_CEIL) != 0;
        long oh = outSize(h, records[r + KERNEL_H_OFFSET], records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], ceil);
        long ow = outSize(w, records[r + KERNEL_W_OFFSET], records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], ceil);
        sb.append(oh).append('x').append(ow).append(" is not positive: input ").append(h).append('x').append(w)
                .append(", kernel ").append(records[r + KERNEL_H_OFFSET]).append('x').append(records[r + KERNEL_W_OFFSET])
                .append(", stride ").append(records[r + STRIDE_H_OFFSET]).append('x').append(records[r + STRIDE_W_OFFSET])
                .append(", padding ").append(records[r + PAD_H_OFFSET]).append('x').append(records[r + PAD_W_OFFSET])
                .append(", dilation ").append(records[r + DILATION_H_OFFSET]).append('x').append(records[r + DILATION_W_OFFSET])
                .append(" (the dilated kernel d*(k-1)+1 must fit in the padded input n+2p)");
        return new InvalidArchitectureException(layer + 1, sb.toString());
    }

    private static InvalidArchitectureException overflowError(int layer, int op) {
        String name = op < 0 ? "totals" : Op.ofCode(op).token();
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (" + name
                + "): a count overflows a 64-bit integer (more than 9.2e18)");
    }

    private static InvalidArchitectureException inputOverflowError() {
        return new InvalidArchitectureException(0, "input: its element count H*W*C overflows a 64-bit integer");
    }

    private static InvalidArchitectureException unknownOp(int layer, int op) {
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + ": unknown op code " + op);
    }
}
