package io.archmeter.spaces.darts;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.spaces.support.SplitMix;

import java.math.BigInteger;

/**
 * Samples the DARTS search space uniformly: in the normal and in the reduction cell, each of the 4
 * intermediate nodes takes 2 distinct inputs among the states before it (the 2 cell inputs and the
 * earlier nodes), each through one of the 7 operations other than {@code none}
 * ({@code genotypes.PRIMITIVES}); the output concatenates the 4 nodes ({@code range(2, 6)}), as a
 * derived DARTS genotype does. Edges are written in increasing input order (the order of a node's
 * two edges does not change its network).
 *
 * <p>The space has (C(2,2)·C(3,2)·C(4,2)·C(5,2)·7⁸)² = 1,037,664,180² ≈ 1.08·10¹⁸ genotypes
 * ({@link #SIZE}). Sample {@code i} of seed {@code s} depends on (s, i) only. Not thread-safe.
 */
public final class DartsSampler {
    static final int NODES = 4;
    /** Genotypes per cell: 1·3·6·10 input pairs times 7^8 op choices. */
    public static final BigInteger CELLS = BigInteger.valueOf(180L * 5_764_801L);
    /** Genotypes of the space: a normal and a reduction cell. */
    public static final BigInteger SIZE = CELLS.multiply(CELLS);

    private final SplitMix random = new SplitMix();
    private final Sample sample = new Sample();

    /** Draws sample {@code index} of {@code seed}; the returned holder is reused by the next call. */
    public Sample sample(long seed, long index) {
        random.seed(seed, index);
        for (int kind = 0; kind < 2; kind++) {
            for (int node = 0; node < NODES; node++) {
                int states = node + 2;
                int a = random.nextInt(states);
                int b = random.nextInt(states - 1);
                if (b >= a) {
                    b++;
                }
                sample.inputs[kind][2 * node] = (byte) Math.min(a, b);
                sample.inputs[kind][2 * node + 1] = (byte) Math.max(a, b);
                sample.ops[kind][2 * node] = (byte) DartsOp.SEARCH_SPACE[random.nextInt(7)].ordinal();
                sample.ops[kind][2 * node + 1] = (byte) DartsOp.SEARCH_SPACE[random.nextInt(7)].ordinal();
            }
        }
        return sample;
    }

    /** One sampled genotype, its arrays reused. */
    public static final class Sample extends DartsNetwork.CellSource {
        private static final int[] CONCAT = {2, 3, 4, 5};
        private static final int[][] CONCATS = {CONCAT, CONCAT};
        final byte[][] ops = new byte[2][2 * NODES];
        final byte[][] inputs = new byte[2][2 * NODES];

        Sample() {
            super(null);
        }

        @Override
        int nodes(boolean reduce) {
            return NODES;
        }

        @Override
        DartsOp op(boolean reduce, int e) {
            return DartsOp.ofOrdinal(ops[reduce ? 1 : 0][e]);
        }

        @Override
        int input(boolean reduce, int e) {
            return inputs[reduce ? 1 : 0][e];
        }

        @Override
        int concatLength(boolean reduce) {
            return CONCAT.length;
        }

        @Override
        int concatState(boolean reduce, int k) {
            return CONCAT[k];
        }

        /** Appends the genotype as DARTS prints it. */
        public void appendNotation(StringBuilder sb) {
            Genotype.appendNotation(sb, ops, inputs, CONCATS, 0, 0);
        }

        /** Appends the evaluation network (defaults for the input size) to the open candidate. */
        public void appendNetwork(DartsNetwork network, CandidateBatch batch, int h, int w, int classes) {
            network.append(batch, this, h, w, 0, 0, classes);
        }
    }
}
