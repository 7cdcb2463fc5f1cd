package io.archmeter.spaces.nb101;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;

/**
 * NAS-Bench-101 in the registry ({@code nb101}): cell specs in JSON or the compact form
 * ({@link Nb101Spec}) expanded into the benchmark's CIFAR-10 network ({@link Nb101Network}); the
 * 423,624 unique cells in the benchmark's order as candidates 0 … 423,623
 * ({@link Nb101Enumerator}), written in the compact form; a sample is a uniformly drawn unique
 * cell. Input 32x32x3, 10 classes by default.
 */
public final class Nb101Space implements SearchSpace {
    /** The one instance, in {@link io.archmeter.spaces.SearchSpaces#STANDARD}. */
    public static final Nb101Space INSTANCE = new Nb101Space();

    private static final InputShape CIFAR = new InputShape(32, 32, 3);
    /** Per thread: a network writer and the op labels of a cell. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Nb101Space() {
    }

    @Override
    public String name() {
        return "nb101";
    }

    @Override
    public String title() {
        return "NAS-Bench-101 cell (google-research/nasbench CIFAR-10 network, 3 stacks of 3 cells, 128 stem channels)";
    }

    @Override
    public String example() {
        return "nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp";
    }

    @Override
    public InputShape defaultInput() {
        return CIFAR;
    }

    @Override
    public int defaultClasses() {
        return Nb101Network.DEFAULT_CLASSES;
    }

    /** {@code nb101:…}, or a JSON object naming {@code matrix} (or {@code module_adjacency}). */
    @Override
    public String firstChars() {
        return "{" + Nb101Spec.PREFIX.charAt(0);
    }

    @Override
    public boolean recognizes(CharSequence text) {
        return Nb101Spec.looksLikeSpec(text);
    }

    @Override
    public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
        try {
            SCRATCH.get().network.write(builder, Nb101Spec.parse(text), options.classesFor(this));
        } catch (NotationException e) {
            throw Notations.withText(e, text);
        }
    }

    /** The benchmark's 423,624 unique cells. */
    @Override
    public long size() {
        return Nb101Enumerator.UNIQUE_CELLS;
    }

    @Override
    public void writeCandidate(long index, SpaceOptions options, CandidateBuilder builder) {
        final Nb101Enumerator cells = Nb101Enumerator.cells();
        final int i = checkIndex(index);
        final Scratch s = SCRATCH.get();
        cells.opLabels(i, s.ops);
        s.network.write(builder, cells.vertices(i), cells.bits(i), s.ops, options.classesFor(this));
    }

    @Override
    public void appendNotation(long index, StringBuilder out) {
        Nb101Enumerator.cells().appendCompact(checkIndex(index), out, SCRATCH.get().ops);
    }

    private int checkIndex(long index) {
        if (index < 0 || index >= Nb101Enumerator.UNIQUE_CELLS) {
            throw new IndexOutOfBoundsException("nb101 has candidates 0 to " + (Nb101Enumerator.UNIQUE_CELLS - 1) + ", not " + index);
        }
        return (int) index;
    }

    @Override
    public String toString() {
        return name();
    }

    private static final class Scratch {
        final Nb101Network network = new Nb101Network();
        final int[] ops = new int[Nb101Spec.MAX_VERTICES];
    }
}
