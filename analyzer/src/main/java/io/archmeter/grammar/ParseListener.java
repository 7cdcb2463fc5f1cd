package io.archmeter.grammar;

/**
 * Told, token by token, which layers each token of an architecture string wrote: so that a
 * per-layer table (the {@code summary} command) can group its rows by block token and branch
 * group, and point at the token a row came from. {@link LayerSpans} keeps the answer per layer.
 *
 * <p>Example: {@code conv_k3_c16 ( ir_k3_e6_c16 | )add relu} reports
 * <pre>
 *   position 1 conv_k3_c16     layers [0, 1)   depth 0
 *   position 2 (               layers [1, 1)   depth 1
 *   position 3 ir_k3_e6_c16    layers [1, 10)  depth 1   (a block: its own residual group inside)
 *   position 4 |               layers [10, 10) depth 1
 *   position 5 )add            layers [10, 11) depth 1   (the join closes the group it is written in)
 *   position 6 relu            layers [11, 12) depth 0
 * </pre>
 * A string of a search space's notation is one token, at position 1, depth 0.
 */
@FunctionalInterface
public interface ParseListener {
    /**
     * Token {@code position} (1-based), at characters [start, end) of the string, wrote the layers
     * [firstLayer, endLayer) of the candidate (0-based; empty for {@code (} and {@code |}), at group
     * nesting depth {@code depth}: the groups open while its layers were written.
     */
    void token(int position, int start, int end, int firstLayer, int endLayer, int depth);
}
