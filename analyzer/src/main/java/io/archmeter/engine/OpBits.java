package io.archmeter.engine;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

/**
 * The traits the scoring loop reads, as bits in one {@code static final int[]} indexed by op
 * code, built once from each op's description ({@link Op}): one array load per layer instead of
 * a lookup in the enum, and never a range of codes.
 */
final class OpBits {
    /**
     * The op sees the whole input ({@link Op.Field#WHOLE}): global pooling, flatten, fc. Equal to
     * {@code Scorer.RF_GLOBAL}, so that {@code rfFlags |= bits & SEES_WHOLE} sets it without a branch.
     */
    static final int SEES_WHOLE = 1;
    /** The op moves the receptive field by its kernel, stride, padding and dilation ({@link Op.Field#WINDOW}). */
    static final int WINDOW = 2;
    /** The op has two inputs ({@link Op.Family#JOIN}): computed out of the loop. */
    static final int JOIN = 4;
    /** The op allocates its output ({@link Op.Memory#ALLOCATES}); in-place ops share their input's tensor. */
    static final int ALLOCATES = 8;
    /** The op shifts the receptive field by its offset, P −= o·S ({@link Op.Field#SHIFT}): a crop. */
    static final int SHIFT = 16;

    /** Per op code, its bits. */
    static final int[] BITS = build();

    private OpBits() {
    }

    private static int[] build() {
        if (SEES_WHOLE != Scorer.RF_GLOBAL) {
            throw new AssertionError("SEES_WHOLE must equal Scorer.RF_GLOBAL");
        }
        final int[] bits = new int[OpCode.COUNT];
        for (Op op : Op.values()) {
            bits[op.code()] = (op.field() == Op.Field.WHOLE ? SEES_WHOLE : 0)
                    | (op.field() == Op.Field.WINDOW ? WINDOW : 0)
                    | (op.isJoin() ? JOIN : 0)
                    | (op.allocates() ? ALLOCATES : 0)
                    | (op.field() == Op.Field.SHIFT ? SHIFT : 0);
        }
        return bits;
    }
}
