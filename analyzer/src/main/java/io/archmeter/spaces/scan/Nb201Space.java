package io.archmeter.spaces.scan;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.support.SplitMix;

import java.math.BigInteger;

/**
 * NAS-Bench-201 (NATS-Bench topology): 5 operations on each of the 6 edges, 15,625 cells, in the
 * order of xautodl's {@code CellStructure.gen_all} (edges in the string's order, the first the most
 * significant; operations in the order none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3).
 */
final class Nb201Space extends StringSpace {
    private static final String[] OPS = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"};
    static final int CELLS = 15_625;

    @Override
    public String name() {
        return "nb201";
    }

    @Override
    public String description() {
        return "NAS-Bench-201 cells (xautodl TinyNetwork): 15,625";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(32, 32, 3);
    }

    @Override
    public int defaultClasses() {
        return 10;
    }

    @Override
    public BigInteger size() {
        return BigInteger.valueOf(CELLS);
    }

    @Override
    public long enumerationSize() {
        return CELLS;
    }

    @Override
    void appendString(StringBuilder sb, long seed, long index, boolean sampled) {
        int code = sampled ? new SplitMix().seed(seed, index).nextInt(CELLS) : (int) index;
        int[] digits = new int[6];
        for (int e = 5; e >= 0; e--) {
            digits[e] = code % 5;
            code /= 5;
        }
        int e = 0;
        for (int node = 1; node <= 3; node++) {
            sb.append(node == 1 ? "|" : "+|");
            for (int from = 0; from < node; from++) {
                sb.append(OPS[digits[e++]]).append('~').append(from).append('|');
            }
        }
    }
}
