package io.archmeter.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How many rows each combination of budgets keeps, counted exactly in one pass: the table a
 * NAS user reads to choose a search space's budget (the TinyNAS way: which macs × memory limits
 * leave enough candidates). {@code --budget macs=100M,200M,400M --budget act_peak_bytes=256KiB,512KiB}
 * asks for the 3 × 2 combinations.
 *
 * <h2>How</h2>
 * Each dimension's limits are sorted; a row is placed, per dimension, by the first (tightest)
 * limit it meets, or "none" — one cell of a grid of {@code Π(limits + 1)} counters. After the
 * stream, combination (i₁, …, i_d) keeps the rows of every cell whose index is at most i_k in
 * each dimension k (a prefix sum along each axis). So the per-row cost is one binary search per
 * dimension, memory is the grid (at most {@value #MAX_CELLS} cells), and two tables merge by
 * adding their grids.
 *
 * <pre>
 *   rows (macs, peak KiB):  (90M, 200)  (150M, 300)  (150M, 600)  (500M, 100)
 *   --budget macs=100M,200M --budget peak=256KiB,512KiB
 *                 peak≤256KiB  peak≤512KiB
 *   macs≤100M          1            1
 *   macs≤200M          1            2
 * </pre>
 *
 * A row with a {@link Keys#MISSING} value in a budget column cannot be judged: it is counted in
 * {@link #skipped()}, in no combination.
 */
public final class BudgetTable {
    /** The largest grid: a million counters (8 MB). */
    public static final int MAX_CELLS = 1 << 20;

    /**
     * One dimension: a column of the row's keys, its limits, and whether rows must be at most
     * ({@code atMost}, a budget) or at least ({@code !atMost}, e.g. {@code rf>=224}) each limit.
     *
     * @param column index of the column in the rows' keys
     * @param name   the column's name (for output)
     * @param atMost true for value ≤ limit, false for value ≥ limit
     * @param limits the limits as keys of the column's kind, in the order given (distinct)
     */
    public record Dimension(int column, String name, boolean atMost, long[] limits) {
        public Dimension {
            Objects.requireNonNull(name, "name");
            if (limits.length == 0) {
                throw new IllegalArgumentException("budget " + name + ": at least one limit");
            }
            long[] sorted = limits.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("budget " + name + ": a limit is given twice");
                }
            }
            limits = limits.clone();
        }
    }

    private final Dimension[] dims;
    private final int[] columns;
    /** Per dimension, the limits as "≤" keys (descending dims negated), ascending. */
    private final long[][] sorted;
    /** Per dimension, the position in {@link #sorted} of each limit in the given order. */
    private final int[][] rankOfGiven;
    private final int[] stride;
    private final long[] cells;
    private long rows;
    private long skipped;
    private long[] cumulative;

    public BudgetTable(List<Dimension> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a budget table needs at least one budget");
        }
        dims = dimensions.toArray(new Dimension[0]);
        int d = dims.length;
        columns = new int[d];
        sorted = new long[d][];
        rankOfGiven = new int[d][];
        stride = new int[d];
        long size = 1;
        for (int k = d - 1; k >= 0; k--) {
            Dimension dim = dims[k];
            columns[k] = dim.column();
            long[] asAtMost = new long[dim.limits().length];
            for (int i = 0; i < asAtMost.length; i++) {
                asAtMost[i] = dim.atMost() ? dim.limits()[i] : Keys.descending(dim.limits()[i]);
            }
            sorted[k] = asAtMost.clone();
            Arrays.sort(sorted[k]);
            rankOfGiven[k] = new int[asAtMost.length];
            for (int i = 0; i < asAtMost.length; i++) {
                rankOfGiven[k][i] = Arrays.binarySearch(sorted[k], asAtMost[i]);
            }
            stride[k] = (int) size;
            size *= asAtMost.length + 1;
            if (size > MAX_CELLS) {
                throw new IllegalArgumentException("too many budget combinations: at most " + MAX_CELLS + " grid cells");
            }
        }
        cells = new long[(int) size];
    }

    /** The dimensions, as given. */
    public List<Dimension> dimensions() {
        return List.of(dims);
    }

    /** Rows judged (not skipped). */
    public long rows() {
        return rows;
    }

    /** Rows with a missing value in a budget column. */
    public long skipped() {
        return skipped;
    }

    /** Counts a row, given the keys of all its columns (the dimensions read theirs). */
    public void add(long[] rowKeys) {
        int cell = 0;
        for (int k = 0; k < sorted.length; k++) {
            long key = rowKeys[columns[k]];
            if (key == Keys.MISSING) {
                skipped++;
                return;
            }
            long v = dims[k].atMost() ? key : Keys.descending(key);
            cell += firstAtLeast(sorted[k], v) * stride[k];
        }
        cells[cell]++;
        rows++;
        cumulative = null;
    }

    /** The index of the first limit ≥ v (the tightest one v meets), or limits.length if none. */
    private static int firstAtLeast(long[] limits, long v) {
        int lo = 0;
        int hi = limits.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (limits[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Adds the counts of a table of the same dimensions. */
    public void merge(BudgetTable other) {
        if (!Arrays.deepEquals(sorted, other.sorted) || !Arrays.equals(columns, other.columns)) {
            throw new IllegalArgumentException("cannot merge budget tables of different budgets");
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] += other.cells[i];
        }
        rows += other.rows;
        skipped += other.skipped;
        cumulative = null;
    }

    /**
     * Rows kept by the combination of the {@code limit[k]}-th limit (in the order given) of each
     * dimension k.
     */
    public long kept(int... limit) {
        if (limit.length != dims.length) {
            throw new IllegalArgumentException(limit.length + " limits for " + dims.length + " budgets");
        }
        if (cumulative == null) {
            cumulative = cumulate();
        }
        int cell = 0;
        for (int k = 0; k < limit.length; k++) {
            cell += rankOfGiven[k][limit[k]] * stride[k];
        }
        return cumulative[cell];
    }

    /** Prefix sums of the grid along every axis: cell (i₁…i_d) then counts rows with index ≤ i_k everywhere. */
    private long[] cumulate() {
        long[] c = cells.clone();
        for (int k = 0; k < sorted.length; k++) {
            int extent = sorted[k].length + 1;
            for (int cell = 0; cell < c.length; cell++) {
                int index = cell / stride[k] % extent;
                if (index > 0) {
                    c[cell] += c[cell - stride[k]];
                }
            }
        }
        return c;
    }

    /** Number of combinations: the product of the dimensions' limit counts. */
    public int combinations() {
        int n = 1;
        for (Dimension d : dims) {
            n *= d.limits().length;
        }
        return n;
    }

    /** The limit indices of combination {@code c} (0 ≤ c &lt; {@link #combinations()}), the last dimension varying fastest. */
    public int[] combination(int c) {
        int[] idx = new int[dims.length];
        for (int k = dims.length - 1; k >= 0; k--) {
            int n = dims[k].limits().length;
            idx[k] = c % n;
            c /= n;
        }
        return idx;
    }
}
