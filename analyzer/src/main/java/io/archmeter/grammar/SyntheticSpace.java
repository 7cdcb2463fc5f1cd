package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;

/**
 * The synthetic candidates of {@link CandidateGenerator} as search spaces that {@code generate}
 * samples: {@link #CHAINS} (20-layer conv/BN/activation chains) and {@link #BLOCKS} (MobileNet-style
 * graphs of 20 inverted-residual blocks), written in the archmeter grammar. They recognise no
 * string (a grammar string is read by the parser itself), so they are not in
 * {@link SearchSpaces#STANDARD}: {@link #GENERATE} is the registry {@code generate} walks, the
 * standard spaces and these two. A sample seeds a generator with the random state's next long.
 * Input 224x224x3; the classifier is in the string (1,000 outputs).
 */
public final class SyntheticSpace implements SearchSpace {
    /** 20-layer chains. */
    public static final SyntheticSpace CHAINS = new SyntheticSpace(false);
    /** 20-block MobileNet-style graphs. */
    public static final SyntheticSpace BLOCKS = new SyntheticSpace(true);
    /** Every space {@code generate} knows: {@link SearchSpaces#STANDARD}, then {@link #CHAINS} and {@link #BLOCKS}. */
    public static final SearchSpaces GENERATE = SearchSpaces.STANDARD.with(CHAINS).with(BLOCKS);

    private static final int DEPTH = 20;

    private final boolean blocks;

    private SyntheticSpace(boolean blocks) {
        this.blocks = blocks;
    }

    @Override
    public String name() {
        return blocks ? "blocks" : "chains";
    }

    @Override
    public String title() {
        return blocks ? "synthetic MobileNet-style graphs of 20 inverted-residual blocks (archmeter grammar)"
                : "synthetic 20-layer conv/BN/activation chains (archmeter grammar)";
    }

    @Override
    public String example() {
        return new CandidateGenerator(1).next(DEPTH);
    }

    @Override
    public InputShape defaultInput() {
        return SearchSpaces.GRAMMAR_INPUT;
    }

    @Override
    public int defaultClasses() {
        return 1000;
    }

    /** Grammar strings are read by the parser, not by a space. */
    @Override
    public String firstChars() {
        return "";
    }

    @Override
    public boolean recognizes(CharSequence text) {
        return false;
    }

    @Override
    public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
        ArchParser.writeLayers(text, builder);
    }

    /** A candidate of a generator seeded with {@code random}'s next long (the string is made either way). */
    @Override
    public void sample(SpaceRandom random, SpaceOptions options, CandidateBuilder builder, StringBuilder notation) {
        CandidateGenerator g = new CandidateGenerator(random.nextLong());
        String arch = blocks ? g.nextBlocks(DEPTH) : g.next(DEPTH);
        if (builder != null) {
            ArchParser.writeLayers(arch, builder);
        }
        if (notation != null) {
            notation.append(arch);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
