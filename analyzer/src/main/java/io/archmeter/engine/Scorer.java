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
import static io.archmeter.encoding.LayerRecord.FLAG_FUSED;
import static io.archmeter.encoding.LayerRecord.FLAG_TF_SAME;
import static io.archmeter.encoding.LayerRecord.tfSameOutSize;
import static io.archmeter.encoding.LayerRecord.tfSamePadBefore;
import static io.archmeter.encoding.LayerRecord.IN0_OFFSET;
import static io.archmeter.encoding.LayerRecord.IN1_OFFSET;
import static io.archmeter.encoding.LayerRecord.PREVIOUS;
import static io.archmeter.engine.MetricRecord.RF_GLOBAL_BRANCH;
import static io.archmeter.engine.MetricRecord.RF_UNALIGNED;
import static io.archmeter.encoding.LayerRecord.KERNEL_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.KERNEL_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_W_OFFSET;
import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * The one implementation of every formula archmeter reports: each op's cost formula is a case of
 * {@link #score}'s switch; everything else about an op (whether it moves the receptive field, sees
 * the whole input, joins, allocates) is its description in {@link io.archmeter.model.Op}, read
 * here as bits of {@link OpBits}. {@code summary}, {@code filter}, the
 * library and the benchmarks all end up in {@link #score}; nothing else computes a metric.
 *
 * <h2>The formulas, for a layer with kernel k, stride s, padding p, dilation d (per axis)</h2>
 * <ul>
 *   <li><b>Output size</b>: n_out = floor((n + 2p − d·(k−1) − 1) / s) + 1, or with ceil rounding
 *       (pooling) floor((n + 2p − d·(k−1) − 1 + s − 1) / s) + 1, less one if that last window would
 *       start in the right padding: PyTorch's {@code pooling_output_shape}, so a ceil window may
 *       overhang the input (2×2 stride 2 on 1×1 gives 1×1).
 *       With TF "SAME" padding ({@code tfsame1}) ceil(n / s), the padding before the input
 *       floor(max((n_out − 1)·s + d·(k−1) + 1 − n, 0) / 2) per axis ({@code LayerRecord.tfSamePadBefore}).
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
 *       largest input + output of one layer (the input alone if no layer allocates). Which ops
 *       allocate is their description ({@link io.archmeter.model.Op.Memory}): BN, the activations,
 *       dropout, flatten and identity are in place; channel shuffle is a copy.</li>
 *   <li><b>Channel shuffle</b> (g groups): no MACs, FLOPs or parameters; g must divide C.</li>
 *   <li><b>Channel slice</b> {@code x[:, at:at+c]} and <b>crop</b> {@code x[:, :, o:, o:]}: views, with
 *       no MACs, FLOPs, parameters or allocation; the input they view stays alive while they are
 *       read ({@link io.archmeter.model.Op.Memory#VIEW}). A crop's output is (H − o_h)×(W − o_w),
 *       and it shifts the receptive field: P −= o·S per axis, r and S unchanged.</li>
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
     * {@link MetricRecord} at {@code out[o…]}. Allocates nothing.
     *
     * @param graph       true if the candidate has branches or joins ({@link io.archmeter.encoding.CandidateBatch#isGraph})
     * @param scratch     for a graph, at least {@link GraphState#size}(to − from) longs; unused for a chain
     * @param macFactor   1 for {@code multiply} FLOPs, 2 for {@code strict}
     * @param elementwise whether element-wise layers add FLOPs
     * @param weightBytes bytes per weight
     * @param actBytes    bytes per activation element
     * @param trace       if not null, receives a {@link LayerMetricsRecord} per layer from offset 0
     * @throws InvalidArchitectureException naming the layer, when a shape or a count is invalid
     */
    // The one method longer than the code gates' 80 lines, on purpose (checkstyle.xml): the JIT compiles
    // the per-layer loop as one unit and keeps its ~20 running values (shape, r/S/P per axis, totals) in
    // registers; split into calls, that state would travel through arrays or objects on every layer.
    // Slow paths (joins, graph memory, error messages) are already out of line.
    @SuppressWarnings("checkstyle:MethodLength")
    static void score(int[] records, int from, int to, int h0, int w0, int c0, boolean graph, long[] scratch,
                      int macFactor, boolean elementwise, int weightBytes, int actBytes,
                      long[] out, int o, long[] trace) {
        long h = h0, w = w0, c = c0;
        long cur = 0;                           // elements of the tensor the next layer reads
        long live = 0;                          // graphs: elements of every tensor alive
        long peak = 0;
        long total = 0;
        long macs = 0, flops = 0, params = 0;
        long rfH = 1, rfW = 1, jH = 1, jW = 1, padH = 0, padW = 0;
        long rfFlags = 0;
        int i = from;
        try {
            cur = multiplyExact(multiplyExact((long) h0, w0), c0);
            peak = cur;
            live = cur;
            if (graph) {
                GraphState.prepare(records, from, to, scratch);
                final int s0 = GraphState.slot(-1);
                // the input is freed after its last reader (prepare gave every tensor its last reader)
                scratch[GraphState.slot((int) scratch[s0 + GraphState.LAST_USE]) + GraphState.FREE_AT] += cur;
                store(scratch, s0, h, w, c, rfH, rfW, jH, jW, padH, padW, rfFlags);
            }
            for (; i < to; i++) {
                final int j = i - from;
                final int r = i * LayerRecord.LENGTH;
                final int op = records[r];
                // the op's traits from its description (OpBits): one load, no range of codes
                final int bits = OpBits.BITS[op];
                final int in0 = records[r + IN0_OFFSET];
                long m = 0, f = 0, p = 0, alloc = 0;
                // the padding before the input of a window op, for the receptive field (TF "SAME": from the input size)
                long padBeforeH = 0, padBeforeW = 0;
                int src = in0 == PREVIOUS ? NONE : j - in0;
                if ((bits & OpBits.JOIN) != 0) {
                    // a join (graphs only): computed out of line into its own slot, then loaded below
                    alloc = join(records, r, j, scratch);
                    src = j;
                }
                if (src != NONE) {
                    // a branch starts from an earlier tensor, or a join's result: graphs only
                    final int s = GraphState.slot(src);
                    h = scratch[s + GraphState.H];
                    w = scratch[s + GraphState.W];
                    c = scratch[s + GraphState.C];
                    rfH = scratch[s + GraphState.RF_H];
                    rfW = scratch[s + GraphState.RF_W];
                    jH = scratch[s + GraphState.JUMP_H];
                    jW = scratch[s + GraphState.JUMP_W];
                    padH = scratch[s + GraphState.PAD_H];
                    padW = scratch[s + GraphState.PAD_W];
                    rfFlags = scratch[s + GraphState.RF_FLAGS];
                    cur = h * w * c;
                }
                switch (op) {
                    case OpCode.CONV:
                    case OpCode.DEPTHWISE: {
                        final int kh = records[r + KERNEL_H_OFFSET], kw = records[r + KERNEL_W_OFFSET];
                        final int groupsField = records[r + GROUPS_OFFSET];
                        final long g = groupsField == GROUPS_PER_CHANNEL ? c : groupsField;
                        // the C_OR_MULTIPLIER channel rule of conv and dw: c, or C_in * m
                        final int coutField = records[r + COUT_OFFSET];
                        final long co = coutField == CHANNELS_FROM_INPUT ? multiplyExact(c, records[r + CMULT_OFFSET]) : coutField;
                        // groups are 1 (dense) or C (depthwise) in practice: skip the 64-bit divide for both
                        final long cinPerGroup = g == 1 ? c : g == c ? 1 : cinPerGroup(c, g, co, j, op);
                        if (g != 1 && co % g != 0) {
                            throw groupsError(j, op, c, g, co);
                        }
                        final long oh, ow;
                        if ((records[r + FLAGS_OFFSET] & FLAG_TF_SAME) == 0) {
                            padBeforeH = records[r + PAD_H_OFFSET];
                            padBeforeW = records[r + PAD_W_OFFSET];
                            oh = outSize(h, kh, records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], false);
                            ow = outSize(w, kw, records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], false);
                        } else {
                            // TF "SAME": ceil(n/s), the padding resolved per axis from the input size (out of line)
                            padBeforeH = tfSamePadBefore(h, kh, records[r + STRIDE_H_OFFSET], records[r + DILATION_H_OFFSET]);
                            padBeforeW = tfSamePadBefore(w, kw, records[r + STRIDE_W_OFFSET], records[r + DILATION_W_OFFSET]);
                            oh = tfSameOutSize(h, records[r + STRIDE_H_OFFSET]);
                            ow = tfSameOutSize(w, records[r + STRIDE_W_OFFSET]);
                        }
                        if (oh <= 0 || ow <= 0) {
                            throw outputSizeError(j, records, r, h, w);
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
                        final long oh, ow;
                        if ((records[r + FLAGS_OFFSET] & FLAG_TF_SAME) == 0) {
                            final boolean ceil = (records[r + FLAGS_OFFSET] & FLAG_CEIL) != 0;
                            padBeforeH = records[r + PAD_H_OFFSET];
                            padBeforeW = records[r + PAD_W_OFFSET];
                            oh = outSize(h, kh, records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], ceil);
                            ow = outSize(w, kw, records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], ceil);
                        } else {
                            padBeforeH = tfSamePadBefore(h, kh, records[r + STRIDE_H_OFFSET], records[r + DILATION_H_OFFSET]);
                            padBeforeW = tfSamePadBefore(w, kw, records[r + STRIDE_W_OFFSET], records[r + DILATION_W_OFFSET]);
                            oh = tfSameOutSize(h, records[r + STRIDE_H_OFFSET]);
                            ow = tfSameOutSize(w, records[r + STRIDE_W_OFFSET]);
                        }
                        if (oh <= 0 || ow <= 0) {
                            throw outputSizeError(j, records, r, h, w);
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
                            f = cur;
                        }
                        h = 1;
                        w = 1;
                        break;
                    case OpCode.FC: {
                        final long co = records[r + COUT_OFFSET];
                        alloc = co;
                        m = multiplyExact(cur, co);
                        p = m;
                        if ((records[r + FLAGS_OFFSET] & FLAG_BIAS) != 0) {
                            f = co;
                            p = addExact(p, co);
                        }
                        f = addExact(f, multiplyExact(m, macFactor));
                        h = 1;
                        w = 1;
                        c = co;
                        break;
                    }
                    case OpCode.BATCH_NORM:
                        p = multiplyExact(2L, c);
                        if (elementwise) {
                            f = multiplyExact(2L, cur);
                        }
                        break;
                    case OpCode.LRN:
                        alloc = cur;
                        if (elementwise) {
                            f = multiplyExact(5L, cur);
                        }
                        break;
                    case OpCode.FLATTEN:
                        c = cur;
                        h = 1;
                        w = 1;
                        break;
                    case OpCode.DROPOUT:
                    case OpCode.IDENTITY:
                        break;
                    case OpCode.ADD:
                    case OpCode.MUL:
                        // shapes and receptive field were joined out of line above; one operation per element
                        if (elementwise) {
                            f = multiplyExact(h, multiplyExact(w, c));
                        }
                        break;
                    case OpCode.CONCAT:
                        break;
                    case OpCode.RELU:
                    case OpCode.RELU6:
                    case OpCode.SIGMOID:
                    case OpCode.SWISH:
                    case OpCode.HSWISH:
                    case OpCode.HSIGMOID:
                    case OpCode.TANH:
                    case OpCode.GELU:
                        // one operation per element when counted
                        if (elementwise) {
                            f = cur;
                        }
                        break;
                    case OpCode.SHUFFLE: {
                        // view(g, C/g) -> transpose -> contiguous: a copy of the input, no arithmetic
                        final int g = records[r + GROUPS_OFFSET];
                        if (c % g != 0) {
                            throw shuffleError(j, c, g);
                        }
                        alloc = cur;
                        break;
                    }
                    case OpCode.SLICE: {
                        // x[:, at:at+c]: a view (no copy, no arithmetic); the channels must be there
                        final long first = records[r + GROUPS_OFFSET];
                        final long count = records[r + COUT_OFFSET];
                        if (first + count > c) {
                            throw sliceError(j, c, first, count);
                        }
                        c = count;
                        break;
                    }
                    case OpCode.CROP: {
                        // x[:, :, o:, o:]: a view; its field shifts by the offset (SHIFT, below)
                        final int top = records[r + PAD_H_OFFSET], left = records[r + PAD_W_OFFSET];
                        if (top >= h || left >= w) {
                            throw cropError(j, h, w, top, left);
                        }
                        h -= top;
                        w -= left;
                        break;
                    }
                    default:
                        throw unknownOp(j, op);
                }
                // global pooling, flatten and fc see the whole input from here on (SEES_WHOLE == RF_GLOBAL)
                rfFlags |= bits & OpBits.SEES_WHOLE;
                if ((rfFlags & RF_GLOBAL) == 0 && (bits & OpBits.WINDOW) != 0) {
                    // conv, dw, maxpool, avgpool move the receptive field; the rest leave it as it is
                    rfH = addExact(rfH, multiplyExact((long) (records[r + KERNEL_H_OFFSET] - 1) * records[r + DILATION_H_OFFSET], jH));
                    rfW = addExact(rfW, multiplyExact((long) (records[r + KERNEL_W_OFFSET] - 1) * records[r + DILATION_W_OFFSET], jW));
                    padH = addExact(padH, multiplyExact(padBeforeH, jH));
                    padW = addExact(padW, multiplyExact(padBeforeW, jW));
                    jH = multiplyExact(jH, records[r + STRIDE_H_OFFSET]);
                    jW = multiplyExact(jW, records[r + STRIDE_W_OFFSET]);
                } else if ((bits & OpBits.SHIFT) != 0 && (rfFlags & RF_GLOBAL) == 0) {
                    // a crop: output pixel i is input pixel i + o, so the first field starts o*S further in
                    padH = Math.subtractExact(padH, multiplyExact((long) records[r + PAD_H_OFFSET], jH));
                    padW = Math.subtractExact(padW, multiplyExact((long) records[r + PAD_W_OFFSET], jW));
                }
                total = addExact(total, alloc);
                long atAlloc = 0;                   // elements alive while this layer allocates (traced)
                if (!graph) {
                    // a chain: a layer's input dies when it allocates its output
                    if (alloc != 0) {
                        atAlloc = addExact(cur, alloc);
                        peak = Math.max(peak, atAlloc);
                        cur = alloc;
                    }
                } else {
                    live = addExact(live, alloc);
                    atAlloc = alloc != 0 ? live : 0;
                    peak = Math.max(peak, live);
                    live = afterLayer(scratch, j, live, alloc);
                    cur = multiplyExact(multiplyExact(h, w), c);
                    final int sj = GraphState.slot(j);
                    if (scratch[sj + GraphState.READ_BACK] != 0) {
                        // only an output a branch or a join reads back needs its state stored (ten stores)
                        store(scratch, sj, h, w, c, rfH, rfW, jH, jW, padH, padW, rfFlags);
                    }
                }
                macs = addExact(macs, m);
                flops = addExact(flops, f);
                params = addExact(params, p);
                if (trace != null) {
                    traceLayer(trace, j, h, w, c, rfH, rfW, jH, jW, padH, padW, m, f, p,
                            multiplyExact(alloc, actBytes), rfFlags, multiplyExact(atAlloc, actBytes));
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
            out[o + MetricRecord.RF_FLAGS_OFFSET] = rfFlags & ~RF_GLOBAL;
            out[o + MetricRecord.STATUS_OFFSET] = MetricRecord.STATUS_OK;
        } catch (ArithmeticException e) {
            // cur is 0 only if the input's own element count overflowed
            throw cur == 0 ? inputOverflowError() : overflowError(i - from, i < to ? records[i * LayerRecord.LENGTH] : -1);
        } catch (ArrayIndexOutOfBoundsException e) {
            // a record written past validation with an op code that has no description (no cost measured: ScoringBenchmark)
            final int op = records[i * LayerRecord.LENGTH];
            if (op >= 0 && op < OpCode.COUNT) {
                throw e;
            }
            throw unknownOp(i - from, op);
        }
    }


    /** Receptive-field flag: the layer sees the whole input (global pooling, flatten, fc, and after them). */
    static final long RF_GLOBAL = 1;

    /** {@code src} of a layer that reads the previous one. */
    private static final int NONE = Integer.MIN_VALUE;

    /**
     * A join (graphs only, out of the loop to keep it small): checks the shapes of its two inputs,
     * joins their receptive fields (per axis the union; flags for unaligned paths and global
     * branches), writes its output state into its slot and returns the elements it allocates
     * (none for a fused join: the last join of the run allocates the whole output).
     */
    private static long join(int[] records, int r, int j, long[] scratch) {
        final int op = records[r];
        final int a = GraphState.slot(j - records[r + IN0_OFFSET]);
        final int b = GraphState.slot(j - records[r + IN1_OFFSET]);
        final long h = scratch[a + GraphState.H], w = scratch[a + GraphState.W], c = scratch[a + GraphState.C];
        final long h1 = scratch[b + GraphState.H], w1 = scratch[b + GraphState.W], c1 = scratch[b + GraphState.C];
        if (op == OpCode.CONCAT ? h1 != h || w1 != w : op == OpCode.ADD ? h1 != h || w1 != w || c1 != c
                : c1 != c || !(h1 == h && w1 == w || h1 == 1 && w1 == 1)) {
            throw joinShapeError(j, op, h, w, c, h1, w1, c1);
        }
        final long cOut = op == OpCode.CONCAT ? addExact(c, c1) : c;
        final long flags0 = scratch[a + GraphState.RF_FLAGS], flags1 = scratch[b + GraphState.RF_FLAGS];
        final int o = GraphState.slot(j);
        long rfFlags;
        int from;       // the input whose field the output keeps, when one of them is global
        if ((flags1 & RF_GLOBAL) != 0 && (flags0 & RF_GLOBAL) == 0) {
            // a global branch (squeeze-excite) joins a spatial one: keep the spatial field, and say so
            rfFlags = flags0 | RF_GLOBAL_BRANCH | (flags1 & RF_UNALIGNED);
            from = a;
        } else if ((flags0 & RF_GLOBAL) != 0 && (flags1 & RF_GLOBAL) == 0) {
            rfFlags = flags1 | RF_GLOBAL_BRANCH | (flags0 & RF_UNALIGNED);
            from = b;
        } else {
            from = NONE;
            rfFlags = flags0 | flags1;
        }
        if (from != NONE) {
            System.arraycopy(scratch, from + GraphState.RF_H, scratch, o + GraphState.RF_H, GraphState.PAD_W - GraphState.RF_H + 1);
        } else {
            // the union of the two fields, per axis; aligned if jumps and centres agree
            for (int axis = 0; axis < 2; axis++) {
                final long r0 = scratch[a + GraphState.RF_H + axis], r1 = scratch[b + GraphState.RF_H + axis];
                final long j0 = scratch[a + GraphState.JUMP_H + axis], j1 = scratch[b + GraphState.JUMP_H + axis];
                final long p0 = scratch[a + GraphState.PAD_H + axis], p1 = scratch[b + GraphState.PAD_H + axis];
                if (j0 != j1 || r0 - 2 * p0 != r1 - 2 * p1) {
                    rfFlags |= RF_UNALIGNED;
                }
                final long pad = Math.max(p0, p1);
                scratch[o + GraphState.RF_H + axis] = Math.max(r0 - p0, r1 - p1) + pad;
                scratch[o + GraphState.JUMP_H + axis] = Math.max(j0, j1);
                scratch[o + GraphState.PAD_H + axis] = pad;
            }
        }
        scratch[o + GraphState.H] = h;
        scratch[o + GraphState.W] = w;
        scratch[o + GraphState.C] = cOut;
        scratch[o + GraphState.RF_FLAGS] = rfFlags;
        return (records[r + FLAGS_OFFSET] & FLAG_FUSED) == 0 ? multiplyExact(multiplyExact(h, w), cOut) : 0;
    }

    /**
     * Graph memory after layer j allocated {@code alloc}: a tensor that nothing reads is freed at
     * once, any other is booked to be freed after its last reader ({@code last_use}, known from
     * {@link GraphState#prepare}); then what is booked at j is freed. Why booked: one load per layer
     * instead of walking each layer's inputs (and a fused run's) to find the tensors that die there.
     * A tensor is booked once, so an add of x and x frees it once.
     */
    private static long afterLayer(long[] scratch, int j, long live, long alloc) {
        final int s = GraphState.slot(j);
        if (alloc != 0) {
            final long last = scratch[s + GraphState.LAST_USE];
            if (last < 0) {
                live -= alloc;
            } else {
                scratch[GraphState.slot((int) last) + GraphState.FREE_AT] += alloc;
            }
        }
        return live - scratch[s + GraphState.FREE_AT];
    }

    private static void store(long[] s, int o, long h, long w, long c, long rfH, long rfW, long jH, long jW,
                              long padH, long padW, long rfFlags) {
        s[o + GraphState.H] = h;
        s[o + GraphState.W] = w;
        s[o + GraphState.C] = c;
        s[o + GraphState.RF_H] = rfH;
        s[o + GraphState.RF_W] = rfW;
        s[o + GraphState.JUMP_H] = jH;
        s[o + GraphState.JUMP_W] = jW;
        s[o + GraphState.PAD_H] = padH;
        s[o + GraphState.PAD_W] = padW;
        s[o + GraphState.RF_FLAGS] = rfFlags;
    }

    /**
     * floor((n + 2p − d·(k−1) − 1)/s) + 1; with {@code ceil}, PyTorch's {@code pooling_output_shape}
     * (ATen {@code Pool.h}): floor((n + 2p − d·(k−1) − 1 + (s − 1))/s) + 1, less one if the last
     * window would start in the right padding. With ceil a window may overhang the padded input by
     * up to s − 1 pixels (a 2×2 stride-2 pool on 1×1 gives 1×1). Returns a value ≤ 0 when no
     * window fits.
     */
    static long outSize(long n, int k, int s, int p, int d, boolean ceil) {
        final long span = n + 2L * p - (long) d * (k - 1) - 1;
        if (span < 0) {
            // the dilated kernel is wider than the padded input: only a ceil window may still overhang it, by up to
            // s - 1 (then floor((span + s - 1)/s) = 0: one output); this test first keeps the common path as it was
            // (checking ceil first scored 20-layer chains ~2% slower in a same-process A/B)
            return ceil && span + s - 1 >= 0 ? 1 : 0;
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
                                   long padH, long padW, long m, long f, long p, long actBytes, long rfFlags, long liveBytes) {
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
        t[b + LayerMetricsRecord.GLOBAL_OFFSET] = (rfFlags & RF_GLOBAL) != 0 ? 1 : 0;
        t[b + LayerMetricsRecord.RF_FLAGS_OFFSET] = rfFlags & ~RF_GLOBAL;
        t[b + LayerMetricsRecord.LIVE_BYTES_OFFSET] = liveBytes;
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
        long oh = outSize(h, records[r + KERNEL_H_OFFSET], records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET],
                records[r + DILATION_H_OFFSET], ceil);
        long ow = outSize(w, records[r + KERNEL_W_OFFSET], records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET],
                records[r + DILATION_W_OFFSET], ceil);
        sb.append(oh).append('x').append(ow).append(" is not positive: input ").append(h).append('x').append(w)
                .append(", kernel ").append(records[r + KERNEL_H_OFFSET]).append('x').append(records[r + KERNEL_W_OFFSET])
                .append(", stride ").append(records[r + STRIDE_H_OFFSET]).append('x').append(records[r + STRIDE_W_OFFSET])
                .append(", padding ").append(records[r + PAD_H_OFFSET]).append('x').append(records[r + PAD_W_OFFSET])
                .append(", dilation ").append(records[r + DILATION_H_OFFSET]).append('x').append(records[r + DILATION_W_OFFSET])
                .append(ceil ? " (with ceil rounding the dilated kernel d*(k-1)+1 may overhang the padded input n+2p by at most s-1)"
                        : " (the dilated kernel d*(k-1)+1 must fit in the padded input n+2p)");
        return new InvalidArchitectureException(layer + 1, sb.toString());
    }

    private static InvalidArchitectureException shuffleError(int layer, long c, int g) {
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (shuffle): input channels " + c
                + " not divisible by groups " + g);
    }

    private static InvalidArchitectureException sliceError(int layer, long c, long first, long count) {
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (slice): channels [" + first + ", "
                + (first + count) + ") are not all in the input's " + c + " channels");
    }

    private static InvalidArchitectureException cropError(int layer, long h, long w, int top, int left) {
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (crop): dropping " + top + "x" + left
                + " rows x columns leaves no pixel of the " + h + "x" + w + " input");
    }

    private static InvalidArchitectureException joinShapeError(int layer, int op, long h, long w, long c, long h1, long w1, long c1) {
        String rule = op == OpCode.CONCAT ? "equal height and width" : op == OpCode.ADD ? "equal shapes"
                : "equal channels, the second 1x1 or of the same height and width";
        return new InvalidArchitectureException(layer + 1, "layer " + (layer + 1) + " (" + Op.ofCode(op).token() + "): inputs "
                + h + "x" + w + "x" + c + " and " + h1 + "x" + w1 + "x" + c1 + " do not join: " + Op.ofCode(op).token()
                + " needs " + rule);
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
