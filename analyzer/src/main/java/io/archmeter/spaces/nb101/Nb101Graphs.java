package io.archmeter.spaces.nb101;

/**
 * Graph rules of NAS-Bench-101 on edge bits (see {@link Nb101Spec}): which vertices lie on a path
 * from input to output, whether a matrix is a "full DAG", and how many channels each vertex has
 * ({@code model_builder.compute_vertex_channels}). Static, allocation-free: the enumeration of the
 * whole space calls them hundreds of thousands of times.
 */
final class Nb101Graphs {
    private Nb101Graphs() {
    }

    /** Bit i set if vertex i is reachable from vertex 0 and reaches vertex V − 1. */
    static int onPath(int v, int bits) {
        int fromInput = 1;
        for (int y = 1; y < v; y++) {
            for (int x = 0; x < y; x++) {
                if ((fromInput >>> x & 1) != 0 && (bits >>> Nb101Spec.edgeBit(x, y) & 1) != 0) {
                    fromInput |= 1 << y;
                    break;
                }
            }
        }
        int toOutput = 1 << (v - 1);
        for (int x = v - 2; x >= 0; x--) {
            for (int y = x + 1; y < v; y++) {
                if ((toOutput >>> y & 1) != 0 && (bits >>> Nb101Spec.edgeBit(x, y) & 1) != 0) {
                    toOutput |= 1 << x;
                    break;
                }
            }
        }
        return fromInput & toOutput;
    }

    /**
     * The benchmark's {@code graph_util.is_full_dag}: every vertex but the output has an out-edge
     * and every vertex but the input an in-edge (so every vertex is on an input → output path).
     */
    static boolean isFullDag(int v, int bits) {
        int hasOut = 0;
        int hasIn = 0;
        for (int y = 1; y < v; y++) {
            for (int x = 0; x < y; x++) {
                if ((bits >>> Nb101Spec.edgeBit(x, y) & 1) != 0) {
                    hasOut |= 1 << x;
                    hasIn |= 1 << y;
                }
            }
        }
        int all = (1 << v) - 1;
        return hasOut == (all & ~(1 << (v - 1))) && hasIn == (all & ~1);
    }

    /**
     * Channels of every vertex of a pruned matrix, into {@code out[0 .. v)} (the benchmark's
     * {@code compute_vertex_channels}): the input has {@code cin}, the output {@code cout}; the
     * vertices feeding the output share {@code cout} equally, the remainder going one channel each
     * to the first of them; every other interior vertex takes the largest of its successors'.
     *
     * <p>Worked example: three vertices feed the output of a 128-channel cell: 43, 43, 42.
     */
    static void vertexChannels(int v, int bits, int cin, int cout, int[] out) {
        out[0] = cin;
        out[v - 1] = cout;
        if (v == 2) {
            return;
        }
        final int output = v - 1;
        int fanIn = 0;
        for (int x = 1; x < output; x++) {
            if ((bits >>> Nb101Spec.edgeBit(x, output) & 1) != 0) {
                fanIn++;
            }
        }
        final int share = cout / fanIn;
        int correction = cout % fanIn;
        for (int x = 1; x < output; x++) {
            out[x] = 0;
            if ((bits >>> Nb101Spec.edgeBit(x, output) & 1) != 0) {
                out[x] = share;
                if (correction > 0) {
                    out[x]++;
                    correction--;
                }
            }
        }
        for (int x = v - 3; x > 0; x--) {
            if ((bits >>> Nb101Spec.edgeBit(x, output) & 1) == 0) {
                for (int y = x + 1; y < output; y++) {
                    if ((bits >>> Nb101Spec.edgeBit(x, y) & 1) != 0) {
                        out[x] = Math.max(out[x], out[y]);
                    }
                }
            }
        }
    }
}
