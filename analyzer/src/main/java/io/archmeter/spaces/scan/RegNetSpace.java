package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.regnet.RegNetNetwork;
import io.archmeter.spaces.regnet.RegNetSampler;

import java.math.BigInteger;

/** The RegNetX ({@code regnet}) or RegNetY ({@code regnety}, SE 0.25) design space, sampled as pycls does. */
final class RegNetSpace implements GenerableSpace {
    private final boolean y;

    RegNetSpace(boolean y) {
        this.y = y;
    }

    @Override
    public String name() {
        return y ? "regnety" : "regnet";
    }

    @Override
    public String description() {
        return (y ? "RegNetY (SE 0.25)" : "RegNetX") + " design space, pycls sweep ranges, 4 stages (torchvision networks)";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(224, 224, 3);
    }

    @Override
    public int defaultClasses() {
        return RegNetNetwork.DEFAULT_CLASSES;
    }

    @Override
    public BigInteger size() {
        return null;
    }

    @Override
    public long enumerationSize() {
        return -1;
    }

    @Override
    public Cursor cursor() {
        return new Cursor() {
            private final RegNetSampler sampler = new RegNetSampler(y ? 0.25 : 0);
            private final RegNetSampler.Sample s = new RegNetSampler.Sample();
            private final RegNetNetwork network = new RegNetNetwork();

            @Override
            public void enumerate(long index) {
                throw new UnsupportedOperationException("the RegNet design space is sampled, not enumerated");
            }

            @Override
            public void sample(long seed, long index) {
                sampler.sample(seed, index, s);
            }

            @Override
            public void appendNotation(StringBuilder sb) {
                s.appendNotation(sb);
            }

            @Override
            public void appendCandidate(CandidateBatch batch, InputShape input, int classes) {
                batch.begin(input.height(), input.width(), input.channels());
                try {
                    network.append(batch, s.d(), s.w0(), s.wa(), s.wm(), s.g(), 1.0, s.se(), classes);
                    batch.end();
                } catch (RuntimeException e) {
                    batch.abort();
                    throw e;
                }
            }
        };
    }
}
