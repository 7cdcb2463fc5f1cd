package io.archmeter.stats;

import java.util.Arrays;

/**
 * The non-dominated rows of a stream, kept in one pass in memory that grows with the front, not
 * the stream. Every objective is to be <em>minimised</em>: pass {@link Keys#descending} keys for
 * objectives to maximise (see {@link Objective}).
 *
 * <h2>Dominance and ties</h2>
 * Row p dominates row q when p is no worse in every objective and strictly better in at least
 * one. The front is every row no other row dominates, so <b>rows with equal objective values are
 * all on the front</b> (none dominates another), as in pymoo's non-dominated sort: a front never
 * depends on input order. With (macs:min, acc:max):
 * <pre>
 *   row  macs  acc     on the front?
 *   1    100   0.70    yes
 *   2    200   0.70    no: row 1 has fewer MACs and the same acc
 *   3    200   0.80    yes
 *   4    100   0.70    yes: equal to row 1, which does not dominate it
 *   5     50   0.60    yes
 * </pre>
 *
 * <h2>How</h2>
 * A row is first checked ({@link #dominated}); only if no member dominates it is it
 * {@link #add added}, and the members it dominates leave. With two objectives the members are
 * kept sorted by the first (ascending; the second then descends), so the check is a binary search:
 * O(log f) per row for a front of f. With three or more, the check scans the members: O(f·d).
 * The front of n random rows has O(log n) members with two objectives, O(log² n) with three.
 *
 * <pre>{@code
 * ParetoFront<String[]> front = new ParetoFront<>(2);
 * long[] k = new long[2];
 * for (each row, seq = 0, 1, …) {
 *     k[0] = macs; k[1] = Keys.descending(Keys.ofDouble(acc));
 *     if (!front.dominated(k)) front.add(k, seq, cells);   // the payload is made only for survivors
 * }
 * for (int m : front.inInputOrder()) write(front.payload(m));
 * }</pre>
 *
 * <p>Mergeable: {@link #addAll} of another stream's front gives the front of both streams.
 *
 * @param <T> what the caller keeps with each member (the row's cells and metrics)
 */
public final class ParetoFront<T> {
    private final int d;
    /** Member m's keys at [m·d, m·d + d); with d = 2, members sorted by key 0 ascending, key 1 descending. */
    private long[] keys;
    private long[] seqs;
    private Object[] payloads;
    private int size;

    /** A front over {@code objectives} (≥ 2) minimised keys. */
    public ParetoFront(int objectives) {
        if (objectives < 2) {
            throw new IllegalArgumentException("a Pareto front needs at least 2 objectives, not " + objectives);
        }
        d = objectives;
        keys = new long[16 * d];
        seqs = new long[16];
        payloads = new Object[16];
    }

    /** The number of objectives. */
    public int objectives() {
        return d;
    }

    /** Members on the front. */
    public int size() {
        return size;
    }

    /** True if a member dominates a row with keys {@code k} (it would not be on the front). */
    public boolean dominated(long[] k) {
        if (d == 2) {
            int i = lastWithFirstAtMost(k[0]);
            if (i < 0) {
                return false;
            }
            long y = keys[2 * i + 1];
            return y < k[1] || y == k[1] && keys[2 * i] < k[0];
        }
        for (int m = 0; m < size; m++) {
            if (dominates(keys, m * d, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a row unless a member dominates it, removing the members it dominates.
     *
     * @param k       its keys (copied)
     * @param seq     its position in the input: output order and ties elsewhere
     * @param payload what to keep with it
     * @return false if it was dominated (nothing changed)
     */
    public boolean add(long[] k, long seq, T payload) {
        if (k.length != d) {
            throw new IllegalArgumentException(k.length + " keys for " + d + " objectives");
        }
        if (dominated(k)) {
            return false;
        }
        int at = d == 2 ? removeDominated2(k) : removeDominated(k);
        insert(at, k, seq, payload);
        return true;
    }

    /** Adds every member of {@code other} (same objectives): the front of both streams. */
    public void addAll(ParetoFront<? extends T> other) {
        if (other.d != d) {
            throw new IllegalArgumentException("cannot merge fronts of " + other.d + " and " + d + " objectives");
        }
        long[] k = new long[d];
        for (int m = 0; m < other.size; m++) {
            System.arraycopy(other.keys, m * d, k, 0, d);
            add(k, other.seqs[m], other.payload(m));
        }
    }

    /** True if the member at {@code off} dominates {@code k}. */
    private boolean dominates(long[] member, int off, long[] k) {
        boolean strictly = false;
        for (int j = 0; j < d; j++) {
            long a = member[off + j];
            if (a > k[j]) {
                return false;
            }
            strictly |= a < k[j];
        }
        return strictly;
    }

    /** d = 2: the last member whose first key ≤ x (the one with the smallest second key among them), or -1. */
    private int lastWithFirstAtMost(long x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[2 * mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * d = 2: removes the members k dominates (they follow k in the order: first key ≥ k[0],
     * second ≥ k[1], not both equal) and returns where k goes.
     */
    private int removeDominated2(long[] k) {
        int from = lastWithFirstAtMost(k[0] - 1) + 1;
        if (k[0] == Long.MIN_VALUE) {
            from = 0;
        }
        int write = from;
        int read = from;
        int at = -1;
        while (read < size && keys[2 * read + 1] >= k[1]) {
            boolean equal = keys[2 * read] == k[0] && keys[2 * read + 1] == k[1];
            if (equal) {
                move(read, write++);
                at = write;
            }
            read++;
        }
        if (at < 0) {
            at = write;
        }
        int removed = read - write;
        if (removed > 0) {
            for (int m = read; m < size; m++) {
                move(m, m - removed);
            }
            Arrays.fill(payloads, size - removed, size, null);
            size -= removed;
        }
        return at;
    }

    /** d ≥ 3: removes the members k dominates; returns the end (k is appended). */
    private int removeDominated(long[] k) {
        int write = 0;
        for (int m = 0; m < size; m++) {
            if (!dominatedBy(m, k)) {
                move(m, write++);
            }
        }
        Arrays.fill(payloads, write, size, null);
        size = write;
        return size;
    }

    /** True if k dominates member m. */
    private boolean dominatedBy(int m, long[] k) {
        boolean strictly = false;
        for (int j = 0; j < d; j++) {
            long a = keys[m * d + j];
            if (k[j] > a) {
                return false;
            }
            strictly |= k[j] < a;
        }
        return strictly;
    }

    private void move(int from, int to) {
        if (from != to) {
            System.arraycopy(keys, from * d, keys, to * d, d);
            seqs[to] = seqs[from];
            payloads[to] = payloads[from];
        }
    }

    private void insert(int at, long[] k, long seq, T payload) {
        if (size == seqs.length) {
            keys = Arrays.copyOf(keys, 2 * size * d);
            seqs = Arrays.copyOf(seqs, 2 * size);
            payloads = Arrays.copyOf(payloads, 2 * size);
        }
        for (int m = size - 1; m >= at; m--) {
            move(m, m + 1);
        }
        System.arraycopy(k, 0, keys, at * d, d);
        seqs[at] = seq;
        payloads[at] = payload;
        size++;
    }

    /** Objective {@code j}'s key of member {@code m}. */
    public long key(int m, int j) {
        check(m);
        return keys[m * d + j];
    }

    /** The input position of member {@code m}. */
    public long seq(int m) {
        check(m);
        return seqs[m];
    }

    /** The payload of member {@code m}. */
    @SuppressWarnings("unchecked")
    public T payload(int m) {
        check(m);
        return (T) payloads[m];
    }

    /** The members by ascending input position. */
    public int[] inInputOrder() {
        Integer[] order = new Integer[size];
        for (int m = 0; m < size; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> Long.compare(seqs[a], seqs[b]));
        int[] out = new int[size];
        for (int m = 0; m < size; m++) {
            out[m] = order[m];
        }
        return out;
    }

    private void check(int m) {
        if (m < 0 || m >= size) {
            throw new IndexOutOfBoundsException("member " + m + " of a front of " + size);
        }
    }
}
