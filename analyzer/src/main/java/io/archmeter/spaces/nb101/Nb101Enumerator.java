package io.archmeter.spaces.nb101;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

import java.util.Arrays;

/**
 * Every computationally unique NAS-Bench-101 cell, once, in the order and with the representative
 * the benchmark's {@code scripts/generate_graphs.py} gives each: for V = 2 … 7 vertices, for every
 * edge bit pattern in increasing order that is a full DAG (every vertex on an input → output path)
 * with at most 9 edges, for every labelling of the interior vertices in {@code itertools.product}
 * order, the first graph of each isomorphism class. 423,624 cells, the benchmark's count.
 *
 * <h2>How isomorphism is decided, exactly and fast</h2>
 * The benchmark hashes every labelled graph (a Weisfeiler-Lehman colouring under MD5) and keeps the
 * first of each hash, having checked exhaustively that no two non-isomorphic graphs share one. This
 * class decides isomorphism itself, exactly, in two steps. (1) Unlabelled matrices: a matrix's
 * canonical form is the smallest adjacency code over all orderings of its interior vertices (input
 * and output are fixed: they are the only source and sink); matrices sharing it form a class, whose
 * first member (smallest bits) is where the benchmark meets every labelling of that class first.
 * (2) Labellings of that first member: two are isomorphic exactly when an automorphism of the
 * matrix maps one onto the other, so the benchmark keeps the labelling that is smallest, in
 * product order, in its orbit under the automorphism group. The classes and groups are computed
 * once (a few thousand matrices); the labellings are then a check against a handful of
 * permutations each.
 *
 * <p>Thread-safe once built; {@link #cells()} is computed once per JVM and shared.
 */
public final class Nb101Enumerator {
    /** The benchmark's count of unique cells (README; {@code generate_graphs.py}). */
    public static final int UNIQUE_CELLS = 423_624;

    private static volatile Nb101Enumerator cells;

    /** Vertices of cell i. */
    private final byte[] vertices;
    /** Edge bits of cell i. */
    private final int[] bits;
    /** Interior op labels of cell i, base 3, vertex 1 the most significant digit. */
    private final short[] labels;
    private final int size;

    private Nb101Enumerator(byte[] vertices, int[] bits, short[] labels, int size) {
        this.vertices = vertices;
        this.bits = bits;
        this.labels = labels;
        this.size = size;
    }

    /** The unique cells of the benchmark's space (7 vertices, 9 edges, 3 ops), computed once. */
    public static Nb101Enumerator cells() {
        Nb101Enumerator c = cells;
        if (c == null) {
            synchronized (Nb101Enumerator.class) {
                c = cells;
                if (c == null) {
                    c = enumerate(Nb101Spec.MAX_VERTICES, Nb101Spec.MAX_EDGES, Nb101Op.values().length);
                    cells = c;
                }
            }
        }
        return c;
    }

    /** The unique cells computed afresh (what {@link #cells()} caches): for benchmarks of the deduplication. */
    public static Nb101Enumerator compute() {
        return enumerate(Nb101Spec.MAX_VERTICES, Nb101Spec.MAX_EDGES, Nb101Op.values().length);
    }

    /** The unique cells of up to {@code maxVertices} vertices, {@code maxEdges} edges and {@code ops} labels. */
    static Nb101Enumerator enumerate(int maxVertices, int maxEdges, int ops) {
        Builder b = new Builder();
        for (int v = 2; v <= maxVertices; v++) {
            enumerateVertices(v, maxEdges, ops, b);
        }
        return new Nb101Enumerator(Arrays.copyOf(b.vertices, b.size), Arrays.copyOf(b.bits, b.size),
                Arrays.copyOf(b.labels, b.size), b.size);
    }

    private static void enumerateVertices(int v, int maxEdges, int ops, Builder out) {
        final int interior = v - 2;
        final int[][] perms = Permutations.of(interior);
        final int edgeBits = v * (v - 1) / 2;
        final LongIntHashMap seen = new LongIntHashMap();
        final int labellings = pow(ops, interior);
        final int[] digits = new int[interior];
        final int[] permuted = new int[interior];
        final int[][] automorphisms = new int[perms.length][];
        for (int m = 0; m < 1 << edgeBits; m++) {
            if (Integer.bitCount(m) > maxEdges || !Nb101Graphs.isFullDag(v, m)) {
                continue;
            }
            int autCount = 0;
            long canonical = Long.MAX_VALUE;
            final long identity = code(v, m, perms[0]);
            for (int[] p : perms) {
                long c = code(v, m, p);
                canonical = Math.min(canonical, c);
                if (c == identity) {
                    automorphisms[autCount++] = p;
                }
            }
            if (seen.containsKey(canonical)) {
                continue;     // not the first matrix of its class: every labelling was met before
            }
            seen.put(canonical, m);
            for (int l = 0; l < labellings; l++) {
                digits(l, ops, digits);
                if (isSmallestInOrbit(l, digits, permuted, automorphisms, autCount, ops)) {
                    out.add(v, m, l);
                }
            }
        }
    }

    /**
     * The adjacency of matrix {@code m} with interior vertex i renamed p[i − 1] + 1, as a 49-bit
     * code (bit 7·x + y for the edge x → y): equal codes, equal graphs.
     */
    private static long code(int v, int m, int[] p) {
        long c = 0;
        for (int y = 1; y < v; y++) {
            final int py = y == v - 1 ? y : p[y - 1] + 1;
            for (int x = 0; x < y; x++) {
                if ((m >>> Nb101Spec.edgeBit(x, y) & 1) != 0) {
                    final int px = x == 0 ? 0 : p[x - 1] + 1;
                    c |= 1L << (7 * px + py);
                }
            }
        }
        return c;
    }

    /** True if no automorphism maps labelling {@code l} to one earlier in product order. */
    private static boolean isSmallestInOrbit(int l, int[] digits, int[] permuted, int[][] aut, int n, int ops) {
        for (int a = 1; a < n; a++) {
            final int[] p = aut[a];
            for (int i = 0; i < digits.length; i++) {
                permuted[p[i]] = digits[i];
            }
            int code = 0;
            for (int d : permuted) {
                code = code * ops + d;
            }
            if (code < l) {
                return false;
            }
        }
        return true;
    }

    /** Labelling l in product order: vertex 1 is the most significant digit. */
    private static void digits(int l, int ops, int[] out) {
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = l % ops;
            l /= ops;
        }
    }

    private static int pow(int b, int e) {
        int r = 1;
        for (int i = 0; i < e; i++) {
            r *= b;
        }
        return r;
    }

    /** Number of unique cells. */
    public int size() {
        return size;
    }

    public int vertices(int i) {
        return vertices[i];
    }

    public int bits(int i) {
        return bits[i];
    }

    /** Writes the interior op labels of cell i into {@code out[0 .. vertices(i) − 2)}. */
    public void opLabels(int i, int[] out) {
        int l = labels[i];
        for (int k = vertices[i] - 3; k >= 0; k--) {
            out[k] = l % 3;
            l /= 3;
        }
    }

    /** Cell i as a spec. */
    public Nb101Spec spec(int i) {
        int[] ops = new int[vertices[i] - 2];
        opLabels(i, ops);
        return Nb101Spec.of(vertices[i], bits[i], ops);
    }

    /** Appends cell i's compact form to {@code sb}. */
    public void appendCompact(int i, StringBuilder sb, int[] scratch) {
        opLabels(i, scratch);
        Nb101Notation.appendCompact(sb, vertices[i], bits[i], scratch);
    }

    private static final class Builder {
        byte[] vertices = new byte[1 << 16];
        int[] bits = new int[1 << 16];
        short[] labels = new short[1 << 16];
        int size;

        void add(int v, int m, int l) {
            if (size == bits.length) {
                vertices = Arrays.copyOf(vertices, 2 * size);
                bits = Arrays.copyOf(bits, 2 * size);
                labels = Arrays.copyOf(labels, 2 * size);
            }
            vertices[size] = (byte) v;
            bits[size] = m;
            labels[size] = (short) l;
            size++;
        }
    }

    /** All permutations of 0 … n−1, the identity first. */
    static final class Permutations {
        private Permutations() {
        }

        static int[][] of(int n) {
            int count = 1;
            for (int i = 2; i <= n; i++) {
                count *= i;
            }
            int[][] out = new int[count][];
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int k = 0; k < count; k++) {
                out[k] = p.clone();
                next(p);
            }
            return out;
        }

        /** Advances p to the next permutation in lexicographic order (wraps to the identity). */
        private static void next(int[] p) {
            int i = p.length - 2;
            while (i >= 0 && p[i] >= p[i + 1]) {
                i--;
            }
            if (i < 0) {
                return;
            }
            int j = p.length - 1;
            while (p[j] <= p[i]) {
                j--;
            }
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
            for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
                t = p[a];
                p[a] = p[b];
                p[b] = t;
            }
        }
    }
}
