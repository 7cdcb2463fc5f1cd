package io.archmeter.encoding;

import io.archmeter.model.Op;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.function.IntUnaryOperator;

/**
 * Builds branches and joins into a candidate of a {@link CandidateBatch}: the bookkeeping behind
 * {@link CandidateBuilder}'s groups (the grammar's {@code ( a | b )add}, the blocks that expand into
 * groups) and its DAG wiring ({@link #readFrom}, {@link #joinAt}).
 *
 * <p>A group starts from one tensor, its <em>input</em> (the output of the layer before the group).
 * Each branch is a run of layers whose first layer reads that input; an empty branch is the input
 * itself (an identity shortcut). Closing the group joins the ends of its branches, in order, with
 * one n-ary join: a run of binary join records, all but the last {@link LayerRecord#FLAG_FUSED}.
 * Groups nest.
 *
 * <pre>{@code
 *   x ( conv_k3 bn relu conv_k3 bn | )add relu        a residual block: add(conv path, x)
 * }</pre>
 *
 * <p>Layer positions are 0-based indices in the open candidate, -1 for the network input. Uses
 * Eclipse Collections primitive lists, which grow as groups nest. Every operation costs time in
 * proportion to what it writes (closing a group of n branches, n joins; never the depth of the
 * groups around it), so a candidate of any shape is built in linear time. Not thread-safe;
 * reusable after {@link #clear()}.
 */
public final class BranchStack {
    private static final int NONE = Integer.MIN_VALUE;

    /** Per open group: its input position, then the end position of each finished branch. */
    private final IntArrayList frames = new IntArrayList();
    /** Index in {@link #frames} where each open group's entries start. */
    private final IntArrayList frameStarts = new IntArrayList();
    /** The position the next appended layer must read, or NONE for the previous layer. */
    private int pending = NONE;

    /** Forgets every open group. */
    public void clear() {
        frames.clear();
        frameStarts.clear();
        pending = NONE;
    }

    /** Number of groups open. */
    public int depth() {
        return frameStarts.size();
    }

    /** Opens a group on the current tensor; its first branch starts. */
    public void open(CandidateBatch batch) {
        int input = current(batch);
        frameStarts.add(frames.size());
        frames.add(input);
        pending = input;
    }

    /** Ends the current branch of the innermost group and starts the next one. */
    public void nextBranch(CandidateBatch batch) {
        requireOpen("'|'");
        frames.add(current(batch));
        pending = groupInput();
    }

    /**
     * Ends the last branch and closes the innermost group with a join of every branch's end.
     *
     * @throws IllegalStateException if the group has fewer than two branches
     */
    public void close(CandidateBatch batch, Op join) {
        requireOpen("')" + join.token() + "'");
        if (!join.isJoin()) {
            throw new IllegalArgumentException(join.token() + " is not a join (add, cat, mul)");
        }
        frames.add(current(batch));
        final int start = frameStarts.removeAtIndex(frameStarts.size() - 1);
        final int branches = frames.size() - start - 1;
        if (branches < 2) {
            frames.removeAtIndex(frames.size() - 1);
            frameStarts.add(start);
            throw new IllegalStateException("a group needs at least two branches separated by '|' before ')"
                    + join.token() + "'");
        }
        pending = NONE;
        // the branch ends in place, no copy: a copy of every open group's frames would make deep nesting quadratic
        join(batch, join, b -> frames.get(start + 1 + b), branches);
        while (frames.size() > start) {
            frames.removeAtIndex(frames.size() - 1);
        }
    }

    /**
     * The next layer reads the tensor at {@code position} (0-based layer index, -1 for the input)
     * instead of the current one: how a DAG (a NAS cell) is wired.
     */
    public void readFrom(CandidateBatch batch, int position) {
        final int layers = batch.openLayers();
        if (position < -1 || position >= layers) {
            throw new IllegalArgumentException("position " + position + " is not a layer of the open candidate (-1 to "
                    + (layers - 1) + ")");
        }
        pending = position;
    }

    /**
     * Appends one n-ary join of the tensors at {@code positions[0 … n)}, as {@link #join}; a
     * position set by {@link #readFrom} is dropped (a join names its inputs).
     */
    public void joinAt(CandidateBatch batch, Op join, int[] positions, int n) {
        final int layers = batch.openLayers();
        for (int i = 0; i < n; i++) {
            if (positions[i] < -1 || positions[i] >= layers) {
                throw new IllegalArgumentException("join: position " + positions[i] + " is not a layer of the open candidate (-1 to "
                        + (layers - 1) + ")");
            }
        }
        pending = NONE;
        join(batch, join, b -> positions[b], n);
    }

    /**
     * Appends one n-ary join of the tensors at positions {@code end(0) … end(n − 1)} (0-based layer
     * indices in the open candidate, -1 for the input): the first join reads the first two, each
     * further one the join before it and the next tensor; all but the last are fused.
     */
    static void join(CandidateBatch batch, Op join, IntUnaryOperator end, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a join needs at least two tensors, not " + n);
        }
        if (!join.isJoin()) {
            throw new IllegalArgumentException(join.token() + " is not a join (add, cat, mul)");
        }
        int here = batch.openLayers();
        // positions are -1 … here - 1 (checked by the callers): every input is 1 … here + 1 layers back
        batch.appendCheckedJoin(join.code(), here - end.applyAsInt(0), here - end.applyAsInt(1), n > 2);
        for (int b = 2; b < n; b++) {
            here++;
            batch.appendCheckedJoin(join.code(), LayerRecord.PREVIOUS, here - end.applyAsInt(b), b < n - 1);
        }
    }

    /**
     * Points the layer appended last at the branch input it must read, if it starts a branch.
     * Call after every layer appended while a group may be open.
     */
    public void afterLayer(CandidateBatch batch) {
        if (pending != NONE) {
            int j = batch.openLayers() - 1;
            batch.setLastInput(j - pending);
            pending = NONE;
        }
    }

    /** The position the next layer reads: a pending branch input, or the last layer. */
    public int current(CandidateBatch batch) {
        return pending != NONE ? pending : batch.openLayers() - 1;
    }

    /**
     * Checks that every group is closed, at the end of a candidate.
     *
     * @throws IllegalStateException naming how many groups are open
     */
    public void requireClosed() {
        if (depth() > 0) {
            throw new IllegalStateException(depth() + " branch group" + (depth() == 1 ? " is" : "s are")
                    + " not closed: expected ')add', ')cat' or ')mul'");
        }
    }

    private int groupInput() {
        return frames.get(frameStarts.getLast());
    }

    private void requireOpen(String what) {
        if (depth() == 0) {
            throw new IllegalStateException(what + " outside a branch group: open one with '('");
        }
    }
}
