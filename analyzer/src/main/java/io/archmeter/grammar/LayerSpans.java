package io.archmeter.grammar;

import java.util.Arrays;

/**
 * A {@link ParseListener} that keeps, per layer of the candidate parsed last, the token that
 * wrote it: its position, its characters in the string, and its group depth. Reusable across
 * parses ({@link #clear()}); not thread-safe.
 *
 * <pre>{@code
 * LayerSpans spans = new LayerSpans();
 * ArchParser.parseCandidate(arch, 224, 224, 3, 10, batch, null, spans);
 * for (int j = 0; j < spans.size(); j++) {
 *     System.out.println(j + " <- token " + spans.position(j) + " '" + spans.token(arch, j) + "' depth " + spans.depth(j));
 * }
 * }</pre>
 */
public final class LayerSpans implements ParseListener {
    private int[] position = new int[32];
    private int[] start = new int[32];
    private int[] end = new int[32];
    private int[] depth = new int[32];
    private int size;

    /** Forgets every layer. Parsing a candidate clears it first. */
    public LayerSpans clear() {
        size = 0;
        return this;
    }

    @Override
    public void token(int tokenPosition, int tokenStart, int tokenEnd, int firstLayer, int endLayer, int groupDepth) {
        if (endLayer > position.length) {
            int n = Math.max(endLayer, 2 * position.length);
            position = Arrays.copyOf(position, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            depth = Arrays.copyOf(depth, n);
        }
        for (int j = firstLayer; j < endLayer; j++) {
            position[j] = tokenPosition;
            start[j] = tokenStart;
            end[j] = tokenEnd;
            depth[j] = groupDepth;
        }
        size = Math.max(size, endLayer);
    }

    /** Number of layers recorded. */
    public int size() {
        return size;
    }

    /** 1-based position of the token that wrote layer {@code j} (0-based). */
    public int position(int j) {
        check(j);
        return position[j];
    }

    /** Index of the first character of layer {@code j}'s token in the string. */
    public int start(int j) {
        check(j);
        return start[j];
    }

    /** One past the last character of layer {@code j}'s token. */
    public int end(int j) {
        check(j);
        return end[j];
    }

    /** Group nesting depth at which layer {@code j} was written (0: outside every group). */
    public int depth(int j) {
        check(j);
        return depth[j];
    }

    /** The token of layer {@code j} in {@code arch}, the string that was parsed. */
    public String token(CharSequence arch, int j) {
        return arch.subSequence(start(j), end(j)).toString();
    }

    private void check(int j) {
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("layer " + j + " of " + size);
        }
    }
}
