package io.archmeter.bench.baseline;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.MetricRecord;
import io.archmeter.model.Conventions;
import io.archmeter.model.FlopsConvention;
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
import static io.archmeter.encoding.LayerRecord.IN0_OFFSET;
import static io.archmeter.encoding.LayerRecord.KERNEL_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.KERNEL_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.PAD_W_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_H_OFFSET;
import static io.archmeter.encoding.LayerRecord.STRIDE_W_OFFSET;
import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * The engine's chain path over the engine's own fixed-stride records, without the graph code:
 * the engine against this scorer is the cost of the graph support (branches, joins, scratch
 * state) in the engine's one loop, which chains pay for without using. It reads the same op
 * traits as the engine, as bits in a {@code static final int[]} built from each op's description.
 *
 * <p>Chains of the ops the candidate generator writes only (a baseline, not a second engine:
 * an op it has no case for, such as channel shuffle, throws); invalid candidates throw
 * {@link IllegalArgumentException}.
 */
public final class RecordChainScorer {
    /** Per op code: 1 if it moves the receptive field (a window op), 2 if it sees the whole input. */
    private static final int[] TRAITS = new int[OpCode.COUNT];
    private static final int WINDOW = 1;
    private static final int WHOLE = 2;

    static {
        for (Op op : Op.values()) {
            TRAITS[op.code()] = (op.field() == Op.Field.WINDOW ? WINDOW : 0) | (op.field() == Op.Field.WHOLE ? WHOLE : 0);
        }
    }

    private final int macFactor;
    private final boolean elementwise;
    private final int weightBytes;
    private final int actBytes;

    public RecordChainScorer(Conventions conventions) {
        this.macFactor = conventions.flops() == FlopsConvention.STRICT ? 2 : 1;
        this.elementwise = conventions.countElementwise();
        this.weightBytes = conventions.weightType().bytes();
        this.actBytes = conventions.activationType().bytes();
    }

    /** Scores every candidate of {@code b} into {@code out}, {@link MetricRecord#LENGTH} longs each. */
    public long[] scoreAll(CandidateBatch b, long[] out) {
        final int[] records = b.records();
        for (int i = 0; i < b.size(); i++) {
            score(records, b.firstLayer(i), b.endLayer(i), b.inputHeight(i), b.inputWidth(i), b.inputChannels(i),
                    out, MetricRecord.offset(i));
        }
        return out;
    }

    // the engine's scoring loop without its graph code, in its shape: one method, as Scorer.score (checkstyle.xml)
    @SuppressWarnings("checkstyle:MethodLength")
    private void score(int[] records, int from, int to, int h0, int w0, int c0, long[] out, int o) {
        long h = h0, w = w0, c = c0;
        long live = h * w * c;
        long peak = live;
        long total = 0;
        long macs = 0, flops = 0, params = 0;
        long rfH = 1, rfW = 1, jH = 1, jW = 1, padH = 0, padW = 0;
        boolean global = false;
        for (int l = from; l < to; l++) {
            final int r = l * LayerRecord.LENGTH;
            final int op = records[r];
            if (records[r + IN0_OFFSET] != LayerRecord.PREVIOUS) {
                // the engine makes the same test per layer to start a branch; here branches are not supported
                throw new IllegalArgumentException("record chain scoring supports chains only");
            }
            long m = 0, f = 0, p = 0, alloc = 0;
            switch (op) {
                case OpCode.CONV:
                case OpCode.DEPTHWISE: {
                    final int kh = records[r + KERNEL_H_OFFSET], kw = records[r + KERNEL_W_OFFSET];
                    final int groupsField = records[r + GROUPS_OFFSET];
                    final int coutField = records[r + COUT_OFFSET];
                    final long g = groupsField == GROUPS_PER_CHANNEL ? c : groupsField;
                    final long co = coutField == CHANNELS_FROM_INPUT ? multiplyExact(c, records[r + CMULT_OFFSET]) : coutField;
                    final long cinPerGroup = g == 1 ? c : g == c ? 1 : divideGroups(c, g);
                    if (g != 1 && co % g != 0) {
                        throw new IllegalArgumentException("output channels not divisible by groups");
                    }
                    final long oh = outSize(h, kh, records[r + STRIDE_H_OFFSET], records[r + PAD_H_OFFSET], records[r + DILATION_H_OFFSET], false);
                    final long ow = outSize(w, kw, records[r + STRIDE_W_OFFSET], records[r + PAD_W_OFFSET], records[r + DILATION_W_OFFSET], false);
                    if (oh <= 0 || ow <= 0) {
                        throw new IllegalArgumentException("output size is not positive");
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
                    break;
                case OpCode.FC: {
                    final long co = records[r + COUT_OFFSET];
                    alloc = co;
                    m = multiplyExact(live, co);
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
                    break;
                case OpCode.DROPOUT:
                case OpCode.IDENTITY:
                    break;
                case OpCode.RELU:
                case OpCode.RELU6:
                case OpCode.SIGMOID:
                case OpCode.SWISH:
                case OpCode.HSWISH:
                case OpCode.HSIGMOID:
                case OpCode.TANH:
                case OpCode.GELU:
                    if (elementwise) {
                        f = live;
                    }
                    break;
                default:
                    throw new IllegalArgumentException("op code " + op + " is not scored by this baseline");
            }
            global |= (TRAITS[op] & WHOLE) != 0;
            if (!global && (TRAITS[op] & WINDOW) != 0) {
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
        if (ceil) {
            long q = Math.floorDiv(span + s - 1, s);
            if (q > 0 && q * s >= n + p) {
                q--;
            }
            return q + 1;
        }
        if (span < 0) {
            return 0;
        }
        return (s == 1 ? span : s == 2 ? span >> 1 : span / s) + 1;
    }
}
