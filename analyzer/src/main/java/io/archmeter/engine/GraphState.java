package io.archmeter.engine;

import io.archmeter.encoding.LayerRecord;

/**
 * Descriptor of the scratch state the engine keeps per tensor while it scores a graph candidate
 * (one with branches or joins); chains need none. Slot 0 is the network input, slot j + 1 the
 * output of layer j.
 *
 * <pre>
 *  long offset 0   1   2   3      4      5        6        7       8       9          10       11         12        13
 *            +---+---+---+------+------+--------+--------+-------+-------+----------+--------+----------+---------+-----------+
 *            | h | w | c | rf_h | rf_w | jump_h | jump_w | pad_h | pad_w | rf_flags | tensor | last_use | free_at | read_back |
 *            +---+---+---+------+------+--------+--------+-------+-------+----------+--------+----------+---------+-----------+
 * </pre>
 *
 * <p>{@code tensor} is the slot whose memory this output is: its own, or for an in-place layer
 * that of its input. {@code last_use} (of a tensor slot) is the last layer that reads it, so the
 * engine frees it there; a fused run of joins reads all its inputs until its last join.
 * {@code free_at} (of a layer slot) is the elements of the tensors whose last reader is that layer,
 * booked when each is allocated and freed after the layer. There is one slot more than layers:
 * the network output's last reader is "after the last layer". {@code read_back} is 1 if a later
 * layer reads the output other than as "the previous layer" (a branch, a join): only then does the
 * engine store the first ten fields there.
 *
 * <h2>Worked example: the peak of a residual block</h2>
 * On x of 8 elements: {@code ( conv bn relu conv bn | id )add relu}, every conv keeping the size.
 * Layer by layer the live tensors are: conv1: x + out1 = 16; bn, relu: in place; conv2: x + out1 +
 * out2 = 24, then out1 is freed; bn: in place; id: in place (it is x); add: x + out2 + sum = 24,
 * then x and out2 are freed. Peak 24 elements: the skip tensor x is alive across the whole block.
 */
final class GraphState {
    static final int H = 0;
    static final int W = 1;
    static final int C = 2;
    static final int RF_H = 3;
    static final int RF_W = 4;
    static final int JUMP_H = 5;
    static final int JUMP_W = 6;
    static final int PAD_H = 7;
    static final int PAD_W = 8;
    static final int RF_FLAGS = 9;
    static final int TENSOR = 10;
    static final int LAST_USE = 11;
    static final int FREE_AT = 12;
    static final int READ_BACK = 13;

    /** Longs per slot. */
    static final int LENGTH = 14;

    private GraphState() {
    }

    /** Longs of scratch a candidate of {@code layers} layers needs: the input, each layer, and "after the last". */
    static int size(int layers) {
        return (layers + 2) * LENGTH;
    }

    /** Offset of the slot of layer {@code j}'s output ({@code j = -1}: the network input). */
    static int slot(int j) {
        return (j + 1) * LENGTH;
    }

    /**
     * First pass over a graph candidate: which tensor each output is, and the last layer that
     * reads each tensor. Needs only the records, not the shapes.
     */
    static void prepare(int[] records, int from, int to, long[] s) {
        final int n = to - from;
        s[slot(-1) + TENSOR] = -1;
        s[slot(-1) + LAST_USE] = -1;
        s[slot(-1) + FREE_AT] = 0;
        long previous = -1;     // the tensor of the previous layer's output: most layers read it (no load)
        int runEnd = -1;
        for (int j = 0; j < n; j++) {
            final int r = (from + j) * LayerRecord.LENGTH;
            final int op = records[r + LayerRecord.OP_OFFSET];
            final int in0 = records[r + LayerRecord.IN0_OFFSET];
            final long t0 = in0 == LayerRecord.PREVIOUS ? previous : s[slot(j - in0) + TENSOR];
            final long tensor = (OpBits.BITS[op] & OpBits.ALLOCATES) == 0 ? t0 : j;   // in place: its input's tensor
            final int o = slot(j);
            s[o + TENSOR] = tensor;
            s[o + LAST_USE] = -1;
            s[o + FREE_AT] = 0;
            s[o + READ_BACK] = 0;
            if ((OpBits.BITS[op] & OpBits.JOIN) != 0 || in0 != LayerRecord.PREVIOUS) {
                s[slot(j - in0) + READ_BACK] = 1;    // a join or a branch reads the state stored at its input
            }
            if (j > runEnd) {
                // a fused run of joins reads all its inputs until its last join
                runEnd = j;
                while ((records[(from + runEnd) * LayerRecord.LENGTH + LayerRecord.FLAGS_OFFSET] & LayerRecord.FLAG_FUSED) != 0) {
                    runEnd++;
                }
            }
            // runEnd never decreases, so the last reader of a tensor is the last one written (no max)
            s[slot((int) t0) + LAST_USE] = runEnd;
            final int in1 = records[r + LayerRecord.IN1_OFFSET];
            if (in1 != LayerRecord.NO_INPUT) {
                s[slot((int) s[slot(j - in1) + TENSOR]) + LAST_USE] = runEnd;
                s[slot(j - in1) + READ_BACK] = 1;
            }
            previous = tensor;
        }
        // the network output stays alive to the end: its last reader is "after the last layer", slot n
        s[slot(n) + LAST_USE] = -1;
        s[slot(n) + FREE_AT] = 0;
        s[slot((int) previous) + LAST_USE] = n;
    }
}
