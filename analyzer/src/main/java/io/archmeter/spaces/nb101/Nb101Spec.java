package io.archmeter.spaces.nb101;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;

import java.util.Arrays;

/**
 * A NAS-Bench-101 cell spec: an upper-triangular adjacency matrix of V ≤ 7 vertices (vertex 0 the
 * cell input, V − 1 its output) and an op for each interior vertex. Immutable.
 *
 * <h2>Encoding</h2>
 * The matrix is an {@code int} of edge bits in the benchmark's own order ({@code graph_util.gen_is_edge_fn}):
 * the edge x → y (x &lt; y) is bit x + y·(y − 1)/2, so the 21 bits of a 7-vertex matrix run
 * column by column. The interior ops are their labels ({@link Nb101Op#label()}).
 *
 * <h2>Notations</h2>
 * <ul>
 *   <li>JSON, as Python users export a {@code ModelSpec}: {@code {"matrix": [[0,1,…],…], "ops":
 *       ["input","conv3x3-bn-relu",…,"output"]}}; the dataset's keys {@code module_adjacency} and
 *       {@code module_operations} are accepted too, quotes may be single (a printed dict), and the
 *       commas between numbers may be spaces (a printed NumPy array). No other key is accepted.</li>
 *   <li>Compact, one token for a CSV cell: {@code nb101:ROWS:OPS}. ROWS are the rows of the upper
 *       triangle, row i holding the V − 1 − i bits of the edges i → i+1 … V−1, separated by
 *       '.'; OPS are the interior ops by short name ({@code c3}, {@code c1}, {@code mp}) or
 *       benchmark name, separated by '.'. The Inception-like cell of the benchmark's README is
 *       {@code nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp}.</li>
 * </ul>
 *
 * <p>Checks, with a message naming what is wrong: a square matrix of 0s and 1s, at most 7×7,
 * upper-triangular; {@code input} first and {@code output} last; known ops; a path from input to
 * output; at most 9 edges once pruned (the benchmark's {@code api._check_spec}).
 */
public final class Nb101Spec {
    /** The benchmark's limits ({@code config.py}: module_vertices, max_edges). */
    public static final int MAX_VERTICES = 7;
    public static final int MAX_EDGES = 9;

    static final String NOTATION = "NAS-Bench-101 spec";
    static final String PREFIX = "nb101:";

    private final int vertices;
    private final int bits;
    private final int[] ops;

    private Nb101Spec(int vertices, int bits, int[] ops) {
        this.vertices = vertices;
        this.bits = bits;
        this.ops = ops;
    }

    /**
     * A spec of {@code vertices} vertices with edge bits {@code bits} and interior op labels
     * {@code ops[0 .. vertices−2)}, checked as a parsed one is.
     */
    public static Nb101Spec of(int vertices, int bits, int[] ops) {
        if (vertices < 2 || vertices > MAX_VERTICES) {
            throw error("a cell has 2 to " + MAX_VERTICES + " vertices, not " + vertices);
        }
        if (ops.length != vertices - 2) {
            throw error(vertices + " vertices need " + (vertices - 2) + " interior ops, not " + ops.length);
        }
        if ((bits >>> edgeBit(0, vertices)) != 0) {
            throw error("edge bits beyond a " + vertices + "-vertex matrix");
        }
        for (int op : ops) {
            if (op < 0 || op >= Nb101Op.values().length) {
                throw error("op label " + op + " is not 0, 1 or 2");
            }
        }
        Nb101Spec spec = new Nb101Spec(vertices, bits, ops.clone());
        spec.pruned().checkEdges();
        return spec;
    }

    /** The bit of edge x → y (x &lt; y): x + y·(y − 1)/2, as the benchmark numbers them. */
    public static int edgeBit(int x, int y) {
        return x + y * (y - 1) / 2;
    }

    /** Reads a spec in JSON or compact form (see the class comment). */
    public static Nb101Spec parse(CharSequence text) {
        String s = text.toString().trim();
        if (s.startsWith(PREFIX)) {
            return Nb101Notation.parseCompact(s);
        }
        if (s.startsWith("{")) {
            return Nb101Notation.parseJson(s);
        }
        throw error("expected {\"matrix\": …, \"ops\": …} or nb101:ROWS:OPS, not '" + abbreviate(s) + "'");
    }

    /**
     * True if {@code text} is written in one of this spec's notations (it may still be invalid):
     * {@code nb101:…}, or a JSON object naming {@code matrix} or {@code module_adjacency}. Cheap and
     * allocation-free: it runs for every row of a CSV.
     */
    public static boolean looksLikeSpec(CharSequence text) {
        if (Notations.startsWith(text, PREFIX)) {
            return true;
        }
        return Notations.startsWith(text, "{") && (Notations.contains(text, "matrix") || Notations.contains(text, "module_adjacency"));
    }

    /** Builds a spec from a parsed matrix and op names, checking everything. */
    static Nb101Spec fromParts(int[][] matrix, String[] opNames) {
        final int v = matrix.length;
        if (v > MAX_VERTICES) {
            throw error("the matrix is " + v + "x" + v + ": NAS-Bench-101 cells have at most " + MAX_VERTICES + " vertices");
        }
        if (v < 2) {
            throw error("a cell has at least 2 vertices (input and output), not " + v);
        }
        int bits = 0;
        for (int r = 0; r < v; r++) {
            if (matrix[r].length != v) {
                throw error("matrix row " + r + " has " + matrix[r].length + " entries; the matrix must be square (" + v + "x" + v + ")");
            }
            for (int c = 0; c < v; c++) {
                int e = matrix[r][c];
                if (e != 0 && e != 1) {
                    throw error("matrix[" + r + "][" + c + "] = " + e + ": entries are 0 or 1");
                }
                if (e == 1 && c <= r) {
                    throw error("matrix[" + r + "][" + c + "] = 1 is on or below the diagonal: the matrix must be upper-triangular"
                            + " (edges go from a vertex to a later one)");
                }
                if (e == 1) {
                    bits |= 1 << edgeBit(r, c);
                }
            }
        }
        if (opNames.length != v) {
            throw error("ops has " + opNames.length + " entries for a " + v + "x" + v + " matrix (one per vertex)");
        }
        if (!"input".equals(opNames[0])) {
            throw error("the first op must be 'input', not '" + opNames[0] + "'");
        }
        if (!"output".equals(opNames[v - 1])) {
            throw error("the last op must be 'output', not '" + opNames[v - 1] + "'");
        }
        int[] ops = new int[v - 2];
        for (int i = 1; i < v - 1; i++) {
            Nb101Op op = Nb101Op.named(opNames[i]);
            if (op == null) {
                throw error("vertex " + i + ": unknown op '" + opNames[i] + "'" + Notations.didYouMean(
                        opNames[i], Nb101Op.allNames()) + "; expected conv3x3-bn-relu, conv1x1-bn-relu or maxpool3x3");
            }
            ops[i - 1] = op.label();
        }
        return of(v, bits, ops);
    }

    private void checkEdges() {
        int edges = Integer.bitCount(bits);
        if (edges > MAX_EDGES) {
            throw error(edges + " edges once pruned: NAS-Bench-101 cells have at most " + MAX_EDGES);
        }
    }

    public int vertices() {
        return vertices;
    }

    /** The edge bits (see the class comment). */
    public int bits() {
        return bits;
    }

    /** True if there is an edge from vertex x to vertex y. */
    public boolean edge(int x, int y) {
        return x < y && (bits >>> edgeBit(x, y) & 1) != 0;
    }

    /** The op of interior vertex {@code v} (1 … V − 2). */
    public Nb101Op op(int v) {
        return Nb101Op.ofLabel(ops[v - 1]);
    }

    /** The interior op labels, vertex 1 first. */
    public int[] opLabels() {
        return ops.clone();
    }

    /**
     * The spec with every vertex that is not on a path from input to output removed, the others
     * renumbered in order (the benchmark's {@code ModelSpec._prune}).
     *
     * @throws NotationException if no path leads from input to output
     */
    public Nb101Spec pruned() {
        int keep = Nb101Graphs.onPath(vertices, bits);
        if ((keep & 1) == 0 || (keep >>> (vertices - 1) & 1) == 0) {
            throw error("no path leads from input to output (the benchmark calls such a spec invalid)");
        }
        if (keep == (1 << vertices) - 1) {
            return this;
        }
        int n = Integer.bitCount(keep);
        int[] index = new int[vertices];
        int k = 0;
        for (int i = 0; i < vertices; i++) {
            index[i] = (keep >>> i & 1) != 0 ? k++ : -1;
        }
        int newBits = 0;
        int[] newOps = new int[n - 2];
        for (int y = 1; y < vertices; y++) {
            for (int x = 0; x < y; x++) {
                if (index[x] >= 0 && index[y] >= 0 && edge(x, y)) {
                    newBits |= 1 << edgeBit(index[x], index[y]);
                }
            }
            if (y < vertices - 1 && index[y] >= 0) {
                newOps[index[y] - 1] = ops[y - 1];
            }
        }
        return new Nb101Spec(n, newBits, newOps);
    }

    /** The compact form, e.g. {@code nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp}. */
    public String compact() {
        return Nb101Notation.compact(vertices, bits, ops);
    }

    /** The JSON form, e.g. {@code {"matrix": [[0, 1], [0, 0]], "ops": ["input", "output"]}}. */
    public String json() {
        StringBuilder sb = new StringBuilder("{\"matrix\": [");
        for (int r = 0; r < vertices; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < vertices; c++) {
                sb.append(c == 0 ? "" : ", ").append(edge(r, c) ? 1 : 0);
            }
            sb.append(']');
        }
        sb.append("], \"ops\": [\"input\"");
        for (int op : ops) {
            sb.append(", \"").append(Nb101Op.ofLabel(op).benchmarkName()).append('"');
        }
        return sb.append(", \"output\"]}").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb101Spec s && s.vertices == vertices && s.bits == bits && Arrays.equals(s.ops, ops);
    }

    @Override
    public int hashCode() {
        return (vertices * 31 + bits) * 31 + Arrays.hashCode(ops);
    }

    @Override
    public String toString() {
        return compact();
    }

    static NotationException error(String problem) {
        return Notations.error(NOTATION, problem);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
