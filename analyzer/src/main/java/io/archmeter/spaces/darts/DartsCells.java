package io.archmeter.spaces.darts;

/**
 * The two cells a DARTS network is built from, normal ({@code reduce} false) and reduction: a
 * parsed {@link Genotype}, or a candidate of the space decoded into reused arrays
 * ({@link DartsSpace}). Edges are numbered 0 … 2·nodes − 1, two per intermediate node.
 */
interface DartsCells {
    /** Number of intermediate nodes of the cell. */
    int nodes(boolean reduce);

    /** The op of edge {@code e}. */
    DartsOp op(boolean reduce, int e);

    /** The state edge {@code e} reads: 0 and 1 the cell's inputs, 2 + k node k. */
    int input(boolean reduce, int e);

    /** Number of states concatenated into the cell's output. */
    int concatLength(boolean reduce);

    /** The k-th state concatenated into the cell's output. */
    int concatState(boolean reduce, int k);
}
