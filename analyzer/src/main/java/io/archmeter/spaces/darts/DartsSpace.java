package io.archmeter.spaces.darts;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;

/**
 * DARTS in the registry ({@code darts}): genotypes as the DARTS family prints them
 * ({@link Genotype}), expanded into the evaluation networks ({@link DartsNetwork}: CIFAR below
 * 64×64 inputs, ImageNet above), and the DARTS search space as candidates.
 *
 * <h2>The space</h2>
 * In the normal and in the reduction cell, each of the 4 intermediate nodes takes 2 distinct inputs
 * among the states before it (the 2 cell inputs and the earlier nodes), each through one of the 7
 * operations other than {@code none} ({@code genotypes.PRIMITIVES}); the output concatenates the 4
 * nodes ({@code range(2, 6)}), as a derived DARTS genotype does. A node's two edges are written in
 * increasing input order (their order does not change the network). A cell has
 * C(2,2)·C(3,2)·C(4,2)·C(5,2)·7⁸ = 180 · 5,764,801 = 1,037,664,180 choices and the space
 * 1,037,664,180² = 1,076,746,950,455,072,400 ≈ 1.08·10¹⁸ ({@link #size()}, exact).
 *
 * <h2>Candidate i</h2>
 * i = normal · 1,037,664,180 + reduce; a cell's number is its input pairs (node 0 the most
 * significant digit, node k's pair (a, b), a &lt; b, numbered b(b−1)/2 + a) times 7⁸ plus its 8 ops
 * in base 7 (edge 0 the most significant digit, ops in {@code PRIMITIVES} order: max_pool_3x3,
 * avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5). A sample is a
 * uniform i, so a uniform genotype.
 *
 * <h2>Options</h2>
 * C and L: the genotype's own ({@code Genotype(…) C=16 L=8}), else the options' settings {@code C}
 * and {@code L}, else the network's defaults for the input. Classes: the options', else 10 on a
 * CIFAR-sized input and 1000 on an ImageNet-sized one.
 */
public final class DartsSpace implements SearchSpace {
    /** The one instance, in {@link io.archmeter.spaces.SearchSpaces#STANDARD}. */
    public static final DartsSpace INSTANCE = new DartsSpace();

    static final int NODES = 4;
    /** 7^8: the op choices of a cell's 8 edges. */
    static final long OP_CHOICES = 5_764_801L;
    /** 1·3·6·10: the input pairs of a cell's 4 nodes. */
    static final long PAIR_CHOICES = 180;
    /** Choices of one cell. */
    public static final long CELL_CHOICES = PAIR_CHOICES * OP_CHOICES;
    /** Genotypes of the space: a normal and a reduction cell. */
    public static final long SIZE = CELL_CHOICES * CELL_CHOICES;

    private static final InputShape CIFAR = new InputShape(32, 32, 3);
    private static final ThreadLocal<Decoded> SCRATCH = ThreadLocal.withInitial(Decoded::new);

    private DartsSpace() {
    }

    @Override
    public String name() {
        return "darts";
    }

    @Override
    public String title() {
        return "DARTS genotype (quark0/darts evaluation network: CIFAR C=36 L=20, ImageNet C=48 L=14 on 224x224)";
    }

    @Override
    public String example() {
        return "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1),"
                + " ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
                + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0),"
                + " ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";
    }

    @Override
    public InputShape defaultInput() {
        return CIFAR;
    }

    @Override
    public int defaultClasses() {
        return DartsNetwork.CIFAR_CLASSES;
    }

    @Override
    public String firstChars() {
        return Genotype.PREFIX.substring(0, 1);
    }

    @Override
    public boolean recognizes(CharSequence text) {
        return Genotype.looksLike(text);
    }

    @Override
    public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
        try {
            final Genotype g = Genotype.parse(text);
            final int c = g.channels() != 0 ? g.channels() : options.setting("C", 0);
            final int l = g.layers() != 0 ? g.layers() : options.setting("L", 0);
            SCRATCH.get().network.write(builder, (DartsCells) g, c, l, classes(options, builder));
        } catch (NotationException e) {
            throw Notations.withText(e, text);
        }
    }

    /** The options' classes, else 10 on a CIFAR-sized input and 1000 on an ImageNet-sized one. */
    private static int classes(SpaceOptions options, CandidateBuilder b) {
        if (options.classes() != SpaceOptions.SPACE_DEFAULT) {
            return options.classes();
        }
        return DartsNetwork.isImageNet(b.inputHeight(), b.inputWidth()) ? DartsNetwork.IMAGENET_CLASSES : DartsNetwork.CIFAR_CLASSES;
    }

    /** 1,037,664,180²: every normal cell with every reduction cell. */
    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public void writeCandidate(long index, SpaceOptions options, CandidateBuilder builder) {
        final Decoded d = SCRATCH.get().decode(checkIndex(index));
        d.network.write(builder, d, options.setting("C", 0), options.setting("L", 0), classes(options, builder));
    }

    @Override
    public void appendNotation(long index, StringBuilder out) {
        SCRATCH.get().decode(checkIndex(index)).appendNotation(out);
    }

    private static long checkIndex(long index) {
        if (index < 0 || index >= SIZE) {
            throw new IndexOutOfBoundsException("darts has candidates 0 to " + (SIZE - 1) + ", not " + index);
        }
        return index;
    }

    @Override
    public String toString() {
        return name();
    }

    /** A candidate decoded into reused arrays, with a network writer: one per thread. */
    static final class Decoded implements DartsCells {
        private static final int[] CONCAT = {2, 3, 4, 5};
        private static final int[][] CONCATS = {CONCAT, CONCAT};
        final byte[][] ops = new byte[2][2 * NODES];
        final byte[][] inputs = new byte[2][2 * NODES];
        final DartsNetwork network = new DartsNetwork();

        /** Decodes candidate {@code index} (see the class comment). */
        Decoded decode(long index) {
            decodeCell(0, index / CELL_CHOICES);
            decodeCell(1, index % CELL_CHOICES);
            return this;
        }

        private void decodeCell(int kind, long cell) {
            long opDigits = cell % OP_CHOICES;
            for (int e = 2 * NODES - 1; e >= 0; e--) {
                ops[kind][e] = (byte) DartsOp.SEARCH_SPACE[(int) (opDigits % 7)].ordinal();
                opDigits /= 7;
            }
            long pairs = cell / OP_CHOICES;
            for (int node = NODES - 1; node >= 0; node--) {
                final int states = node + 2;
                final int choices = states * (states - 1) / 2;
                final int p = (int) (pairs % choices);
                pairs /= choices;
                int b = 1;
                while ((b + 1) * b / 2 <= p) {
                    b++;
                }
                inputs[kind][2 * node] = (byte) (p - b * (b - 1) / 2);
                inputs[kind][2 * node + 1] = (byte) b;
            }
        }

        void appendNotation(StringBuilder sb) {
            Genotype.appendNotation(sb, ops, inputs, CONCATS, 0, 0);
        }

        @Override
        public int nodes(boolean reduce) {
            return NODES;
        }

        @Override
        public DartsOp op(boolean reduce, int e) {
            return DartsOp.ofOrdinal(ops[reduce ? 1 : 0][e]);
        }

        @Override
        public int input(boolean reduce, int e) {
            return inputs[reduce ? 1 : 0][e];
        }

        @Override
        public int concatLength(boolean reduce) {
            return CONCAT.length;
        }

        @Override
        public int concatState(boolean reduce, int k) {
            return CONCAT[k];
        }
    }
}
