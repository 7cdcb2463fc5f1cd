package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.darts.DartsNetwork;
import io.archmeter.spaces.darts.DartsSampler;

import java.math.BigInteger;

/** The DARTS space ({@link DartsSampler}), sampled; networks by {@link DartsNetwork} (CIFAR unless the input is large). */
final class DartsSpace implements GenerableSpace {
    @Override
    public String name() {
        return "darts";
    }

    @Override
    public String description() {
        return "DARTS genotypes (quark0/darts): ~1.08e18, evaluation network C=36 L=20 on CIFAR";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(32, 32, 3);
    }

    @Override
    public int defaultClasses() {
        return DartsNetwork.CIFAR_CLASSES;
    }

    @Override
    public BigInteger size() {
        return DartsSampler.SIZE;
    }

    @Override
    public long enumerationSize() {
        return -1;
    }

    @Override
    public Cursor cursor() {
        return new Cursor() {
            private final DartsSampler sampler = new DartsSampler();
            private final DartsNetwork network = new DartsNetwork();
            private DartsSampler.Sample current;

            @Override
            public void enumerate(long index) {
                throw new UnsupportedOperationException("the DARTS space is sampled, not enumerated");
            }

            @Override
            public void sample(long seed, long index) {
                current = sampler.sample(seed, index);
            }

            @Override
            public void appendNotation(StringBuilder sb) {
                current.appendNotation(sb);
            }

            @Override
            public void appendCandidate(CandidateBatch batch, InputShape input, int classes) {
                batch.begin(input.height(), input.width(), input.channels());
                try {
                    current.appendNetwork(network, batch, input.height(), input.width(), classes);
                    batch.end();
                } catch (RuntimeException e) {
                    batch.abort();
                    throw e;
                }
            }
        };
    }
}
