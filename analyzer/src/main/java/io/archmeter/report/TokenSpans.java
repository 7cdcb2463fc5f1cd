package io.archmeter.report;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Which token of the architecture string wrote each layer, as the parser reports it: its 1-based
 * position, its text, and the group depth it was written at (0 outside every group). This is
 * what lets {@code summary} show a block token or a branch group as one row with its layers
 * beneath ({@link LayerTree}).
 *
 * @param position per layer, the token's position (a token's layers are consecutive)
 * @param depth    per layer, the number of groups open when the token was read
 * @param token    per layer, the token's text ({@code res_r2_c64}, {@code )add})
 */
public record TokenSpans(int[] position, int[] depth, String[] token) {

    public TokenSpans {
        if (position.length != depth.length || position.length != token.length) {
            throw new IllegalArgumentException("one position, depth and token per layer: " + position.length + ", " + depth.length
                    + ", " + token.length);
        }
        position = position.clone();
        depth = depth.clone();
        token = token.clone();
    }

    /** The spans of {@code layers} layers, read from the parser's per-layer answers. */
    public static TokenSpans of(int layers, IntUnaryOperator position, IntUnaryOperator depth, IntFunction<String> token) {
        int[] p = new int[layers];
        int[] d = new int[layers];
        String[] t = new String[layers];
        for (int j = 0; j < layers; j++) {
            p[j] = position.applyAsInt(j);
            d[j] = depth.applyAsInt(j);
            t[j] = token.apply(j);
        }
        return new TokenSpans(p, d, t);
    }

    /** Number of layers. */
    public int size() {
        return position.length;
    }
}
