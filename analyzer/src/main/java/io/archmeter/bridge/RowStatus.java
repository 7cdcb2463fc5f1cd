package io.archmeter.bridge;

import io.archmeter.model.InputShape;

import io.archmeter.io.Text;

/**
 * Why a candidate has no metrics: one byte per row in a batch's status array, and the prefix of
 * its reason, which is the same text {@code archmeter filter} writes to its rejects file
 * ({@code syntax: token 3 'conv_k3_z2': unknown key 'z' …}, {@code invalid shapes: layer 2 (conv): …},
 * {@code input: '22x' is not HxWxC …}), so that a row gets the same verdict in every front end.
 */
public final class RowStatus {
    /** Scored: the metric columns hold its numbers. */
    public static final byte OK = 0;
    /** The architecture string does not parse. */
    public static final byte SYNTAX = 1;
    /** It parses, but its shapes do not work out (an output size ≤ 0, groups not dividing channels, an overflow). */
    public static final byte SHAPES = 2;
    /** The input shape is not H×W×C with every dimension at least 1. */
    public static final byte INPUT = 3;
    /** A candidate built without a string ({@link BuildProgram}) was refused by the builder. */
    public static final byte BUILD = 4;

    private static final String[] KINDS = {"ok", "syntax", "shapes", "input", "build"};
    private static final String[] PREFIXES = {"", "syntax: ", "invalid shapes: ", "input: ", "build: "};

    private RowStatus() {
    }

    /** The kind of a status, one word: ok, syntax, shapes, input or build. */
    public static String kind(int status) {
        return KINDS[status];
    }

    /**
     * The reason of a row with {@code status} whose error message is {@code message}: escaped and
     * bounded as {@code filter} writes it ({@link Text#escape}: controls shown as escapes, at most
     * {@value Text#REASON_LIMIT} characters).
     */
    static String reason(int status, String message) {
        return PREFIXES[status] + Text.escape(String.valueOf(message), Text.REASON_LIMIT);
    }

    /** The reason of an input cell that is not a shape: the words of {@code archmeter filter}'s rejects. */
    static String badInput(String cell) {
        return "input: " + Text.quote(cell) + " is not HxWxC with every dimension at least 1 (e.g. 224x224x3)";
    }

    /** The reason of an input that looks like PyTorch's CxHxW, e.g. {@code 3x224x224}. */
    static String channelsFirst(InputShape s) {
        return "input: " + Text.quote(s.toString()) + " " + s.channelsFirstReason();
    }

    /** The reason of an input given as three integers that are not all at least 1. */
    static String badInput(int h, int w, int c) {
        return badInput(h + "x" + w + "x" + c);
    }
}
