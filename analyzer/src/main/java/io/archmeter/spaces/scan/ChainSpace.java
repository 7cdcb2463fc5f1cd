package io.archmeter.spaces.scan;

import io.archmeter.gen.CandidateGenerator;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.support.SplitMix;

import java.math.BigInteger;

/**
 * The synthetic candidates of {@link CandidateGenerator}: 20-layer chains ({@code chains}) or
 * 20-block MobileNet-style graphs ({@code blocks}), in the architecture grammar. Sample i of seed s
 * comes from a generator seeded by (s, i).
 */
final class ChainSpace extends StringSpace {
    private final boolean blocks;

    ChainSpace(boolean blocks) {
        this.blocks = blocks;
    }

    @Override
    public String name() {
        return blocks ? "blocks" : "chains";
    }

    @Override
    public String description() {
        return blocks ? "synthetic MobileNet-style graphs of 20 inverted-residual blocks (archmeter grammar)"
                : "synthetic 20-layer conv/BN/activation chains (archmeter grammar)";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(224, 224, 3);
    }

    @Override
    public int defaultClasses() {
        return 1000;
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
    void appendString(StringBuilder sb, long seed, long index, boolean sampled) {
        CandidateGenerator g = new CandidateGenerator(new SplitMix().seed(seed, index).nextLong());
        sb.append(blocks ? g.nextBlocks(20) : g.next(20));
    }
}
