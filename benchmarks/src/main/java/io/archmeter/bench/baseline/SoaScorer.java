package io.archmeter.bench.baseline;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.MetricRecord;
import io.archmeter.model.Conventions;
import io.archmeter.model.FlopsConvention;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.FLAG_CEIL;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;
import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * The engine's scoring loop, statement for statement, over a {@link SoaBatch} instead of
 * fixed-stride records: the only difference from {@code io.archmeter.engine.Scorer} is that
 * {@code records[r + KERNEL_H_OFFSET]} becomes {@code kh[l]}, on chains (the engine's chain path:
 * one {@code in0} test per layer, no graph scratch state). Comparing the two in
 * {@code ObjectBaselineBenchmark} answers "structure of arrays or records?" with everything else
 * equal. Writes {@link MetricRecord}s like the engine; invalid candidates are not supported (the
 * benchmarks only score valid ones) and throw {@link IllegalArgumentException}.
 */
public final class SoaScorer {
    private final int macFactor;
    private final boolean elementwise;
    private final int weightBytes;
    private final int actBytes;

    public SoaScorer(Conventions conventions) {
        this.macFactor = conventions.flops() == FlopsConvention.STRICT ? 2 : 1;
        this.elementwise = conventions.countElementwise();
        this.weightBytes = conventions.weightType().bytes();
        this.actBytes = conventions.activationType().bytes();
    }

    /** Scores every candidate of {@code b} into {@code out}, {@link MetricRecord#LENGTH} longs each. */
    public long[] scoreAll(SoaBatch b, long[] out) {
        for (int i = 0; i < b.size(); i++) {
            score(b, i, out, MetricRecord.offset(i));
        }
        return out;
    }

    private void score(SoaBatch b, int candidate, long[] out, int o) {
        long h = b.inputH[candidate], w = b.inputW[candidate], c = b.inputC[candidate];
        long live = h * w * c;
        long peak = live;
        long total = 0;
        long macs = 0, flops = 0, params = 0;
        long rfH = 1, rfW = 1, jH = 1, jW = 1, padH = 0, padW = 0;
        boolean global = false;
        final int[] ops = b.op, kha = b.kh, kwa = b.kw, sha = b.sh, swa = b.sw, pha = b.ph, pwa = b.pw, dha = b.dh, dwa = b.dw;
        final int[] flagsa = b.flags, in0a = b.in0;
        final int to = b.firstLayer[candidate + 1];
        for (int l = b.firstLayer[candidate]; l < to; l++) {
            final int op = ops[l];
            if (in0a[l] != LayerRecord.PREVIOUS) {
                // the engine makes the same test per layer to start a branch; here branches are not supported
                throw new IllegalArgumentException("structure-of-arrays scoring supports chains only");
            }
            long m = 0, f = 0, p = 0, alloc = 0;
            switch (op) {
                case OpCode.CONV:
                case OpCode.DEPTHWISE: {
                    final int kh = kha[l], kw = kwa[l];
                    final int groupsField = b.groups[l];
                    final int coutField = b.cout[l];
                    final long g = groupsField == GROUPS_PER_CHANNEL ? c : groupsField;
                    final long co = coutField == CHANNELS_FROM_INPUT ? multiplyExact(c, b.cmult[l]) : coutField;
                    final long cinPerGroup = g == 1 ? c : g == c ? 1 : divideGroups(c, g);
                    if (g != 1 && co % g != 0) {
                        throw new IllegalArgumentException("output channels not divisible by groups");
                    }
                    final long oh = outSize(h, kh, sha[l], pha[l], dha[l], false);
                    final long ow = outSize(w, kw, swa[l], pwa[l], dwa[l], false);
                    if (oh <= 0 || ow <= 0) {
                        throw new IllegalArgumentException("output size is not positive");
                    }
                    final long perOutput = multiplyExact(multiplyExact((long) kh, kw), cinPerGroup);
                    alloc = multiplyExact(multiplyExact(oh, ow), co);
                    m = multiplyExact(perOutput, alloc);
                    p = multiplyExact(perOutput, co);
                    if ((flagsa[l] & FLAG_BIAS) != 0) {
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
                    final int kh = kha[l], kw = kwa[l];
                    final boolean ceil = (flagsa[l] & FLAG_CEIL) != 0;
                    final long oh = outSize(h, kh, sha[l], pha[l], dha[l], ceil);
                    final long ow = outSize(w, kw, swa[l], pwa[l], dwa[l], ceil);
                    if (oh <= 0 || ow <= 0) {
                        throw new IllegalArgumentException("output size is not positive");
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
                    final long co = b.cout[l];
                    alloc = co;
                    m = multiplyExact(live, co);
                    p = m;
                    if ((flagsa[l] & FLAG_BIAS) != 0) {
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
                    if (op < OpCode.RELU || op > OpCode.GELU) {
                        throw new IllegalArgumentException("unknown op code " + op);
                    }
                    if (elementwise) {
                        f = live;
                    }
                    break;
            }
            if (!global && op <= OpCode.AVG_POOL) {
                rfH = addExact(rfH, multiplyExact((long) (kha[l] - 1) * dha[l], jH));
                rfW = addExact(rfW, multiplyExact((long) (kwa[l] - 1) * dwa[l], jW));
                padH = addExact(padH, multiplyExact((long) pha[l], jH));
                padW = addExact(padW, multiplyExact((long) pwa[l], jW));
                jH = multiplyExact(jH, sha[l]);
                jW = multiplyExact(jW, swa[l]);
            }
            if (alloc != 0) {
                peak = Math.max(peak, addExact(live, alloc));
                total = addExact(total, alloc);
                live = alloc;
            }
            macs = addExact(macs, m);
            flops = addExact(flops, f);
            params = addExact(params, p);
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
    }

    private static long divideGroups(long c, long g) {
        if (c % g != 0) {
            throw new IllegalArgumentException("input channels " + c + " not divisible by groups " + g);
        }
        return c / g;
    }

    /** The engine's output-size rule, with its shift for strides 1 and 2. */
    private static long outSize(long n, int k, int s, int p, int d, boolean ceil) {
        final long span = n + 2L * p - (long) d * (k - 1) - 1;
        if (span < 0) {
            return 0;
        }
        if (ceil) {
            long q = (span + s - 1) / s;
            if (q * s >= n + p) {
                q--;
            }
            return q + 1;
        }
        return (s == 1 ? span : s == 2 ? span >> 1 : span / s) + 1;
    }
}
