package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.nb101.Nb101Enumerator;
import io.archmeter.spaces.nb101.Nb101Network;
import io.archmeter.spaces.support.SplitMix;

import java.math.BigInteger;

/**
 * NAS-Bench-101: the 423,624 unique cells in the benchmark's order ({@link Nb101Enumerator}),
 * written in the compact notation; a sample is a uniformly drawn unique cell.
 */
final class Nb101Space implements GenerableSpace {
    @Override
    public String name() {
        return "nb101";
    }

    @Override
    public String description() {
        return "NAS-Bench-101 cells (google-research/nasbench): 423,624 unique, CIFAR-10 network";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(32, 32, 3);
    }

    @Override
    public int defaultClasses() {
        return Nb101Network.DEFAULT_CLASSES;
    }

    @Override
    public BigInteger size() {
        return BigInteger.valueOf(Nb101Enumerator.UNIQUE_CELLS);
    }

    @Override
    public long enumerationSize() {
        return Nb101Enumerator.UNIQUE_CELLS;
    }

    @Override
    public Cursor cursor() {
        return new Cursor() {
            private final Nb101Enumerator cells = Nb101Enumerator.cells();
            private final Nb101Network network = new Nb101Network();
            private final SplitMix random = new SplitMix();
            private final int[] ops = new int[7];
            private int index;

            @Override
            public void enumerate(long i) {
                index = (int) i;
            }

            @Override
            public void sample(long seed, long i) {
                index = random.seed(seed, i).nextInt(cells.size());
            }

            @Override
            public void appendNotation(StringBuilder sb) {
                cells.appendCompact(index, sb, ops);
            }

            @Override
            public void appendCandidate(CandidateBatch batch, InputShape input, int classes) {
                cells.opLabels(index, ops);
                batch.begin(input.height(), input.width(), input.channels());
                try {
                    network.append(batch, cells.vertices(index), cells.bits(index), ops, classes);
                    batch.end();
                } catch (RuntimeException e) {
                    batch.abort();
                    throw e;
                }
            }
        };
    }
}
