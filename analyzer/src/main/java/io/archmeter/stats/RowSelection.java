package io.archmeter.stats;

import io.archmeter.engine.MetricRecord;
import io.archmeter.io.KeptRows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The selection of {@code archmeter filter}: {@code --pareto}, {@code --top K --by}, {@code --sort},
 * applied to the rows that met the constraints, in one streaming pass (a {@link KeptRows}).
 *
 * <ul>
 *   <li>{@code --pareto macs:min,acc:max}: the rows no other kept row dominates
 *       ({@link ParetoFront}: rows with equal objective values are all kept).</li>
 *   <li>{@code --top K --by COL[:min|max]}: the K best by one column, ties by input order
 *       ({@link TopK}). With {@code --pareto} too: the K best of the front.</li>
 *   <li>Output order: input order for a front; best first for a top K; {@code --sort COL[:min|max]}
 *       sorts either by a column (ties by input order).</li>
 * </ul>
 * Every kept row must have a number in each selection column: one that has not is rejected, with
 * its line and the cell, as a constrained cell that is not a number is.
 *
 * <p>Memory: the front (or K rows, or both), each row's cells and its metric record; nothing else
 * grows with the input. The rows are written, through the pipeline's output, when the input ends.
 *
 * <pre>{@code
 * RowSelection s = new RowSelection(Objective.parseList("macs:min,acc:max"), 0, null, null);
 * new FilterPipeline(spec).keptRows(s).run(in, out, rejects);
 * s.frontSize();    // rows on the front
 * }</pre>
 */
public final class RowSelection implements KeptRows {
    private final List<Objective> pareto;
    private final int top;
    private final Objective by;
    private final Objective sort;
    private Objective.Resolved[] paretoColumns;
    private Objective.Resolved byColumn;
    private Objective.Resolved sortColumn;
    private ParetoFront<Held> front;
    private TopK<Held> best;
    private final long[] paretoKeys;
    private long written = -1;

    /** A kept row, held until the input ends. */
    private record Held(String[] cells, long[] metrics, long byKey, long sortKey) {
    }

    /**
     * @param pareto the front's objectives (empty: no front; else at least 2)
     * @param top    K of a top K (0: none)
     * @param by     the top K's column (required with K)
     * @param sort   the output order's column, or null for the default order
     */
    public RowSelection(List<Objective> pareto, int top, Objective by, Objective sort) {
        this.pareto = List.copyOf(pareto);
        this.top = top;
        this.by = by;
        this.sort = sort;
        if (!this.pareto.isEmpty() && this.pareto.size() < 2) {
            throw new IllegalArgumentException("--pareto needs at least two objectives (e.g. macs:min,acc:max), not "
                    + this.pareto.size());
        }
        if (top < 0) {
            throw new IllegalArgumentException("--top must be at least 1, not " + top);
        }
        if ((top > 0) != (by != null)) {
            throw new IllegalArgumentException(top > 0 ? "--top needs --by COL[:min|max]" : "--by needs --top K");
        }
        if (this.pareto.isEmpty() && top == 0) {
            throw new IllegalArgumentException("a selection needs --pareto or --top");
        }
        this.paretoKeys = new long[this.pareto.size()];
    }

    @Override
    public void start(String[] header) {
        paretoColumns = new Objective.Resolved[pareto.size()];
        for (int i = 0; i < paretoColumns.length; i++) {
            paretoColumns[i] = pareto.get(i).resolve(header, true);
        }
        byColumn = by != null ? by.resolve(header, true) : null;
        sortColumn = sort != null ? sort.resolve(header, true) : null;
        front = pareto.isEmpty() ? null : new ParetoFront<>(pareto.size());
        best = pareto.isEmpty() ? new TopK<>(top) : null;
        written = -1;
    }

    @Override
    public String take(long seq, String[] cells, long[] metrics, int offset) {
        for (int i = 0; i < paretoKeys.length; i++) {
            paretoKeys[i] = paretoColumns[i].key(cells, metrics, offset);
            if (paretoKeys[i] == Keys.MISSING) {
                return paretoColumns[i].missingReason(cells, "--pareto");
            }
        }
        long byKey = byColumn != null ? byColumn.key(cells, metrics, offset) : 0;
        if (byKey == Keys.MISSING) {
            return byColumn.missingReason(cells, "--by");
        }
        long sortKey = sortColumn != null ? sortColumn.key(cells, metrics, offset) : 0;
        if (sortKey == Keys.MISSING) {
            return sortColumn.missingReason(cells, "--sort");
        }
        if (front != null) {
            if (!front.dominated(paretoKeys)) {
                front.add(paretoKeys, seq, held(cells, metrics, offset, byKey, sortKey));
            }
        } else if (best.wants(byKey, seq)) {
            best.add(byKey, seq, held(cells, metrics, offset, byKey, sortKey));
        }
        return null;
    }

    private static Held held(String[] cells, long[] metrics, int offset, long byKey, long sortKey) {
        return new Held(cells, Arrays.copyOfRange(metrics, offset, offset + MetricRecord.LENGTH), byKey, sortKey);
    }

    @Override
    public void finish(RowWriter out) throws IOException {
        List<long[]> order = new ArrayList<>();   // {seq, byKey, sortKey, index}
        List<Held> rows = new ArrayList<>();
        if (front != null) {
            for (int m : front.inInputOrder()) {
                Held h = front.payload(m);
                order.add(new long[] {front.seq(m), h.byKey(), h.sortKey(), rows.size()});
                rows.add(h);
            }
        } else {
            for (int slot : best.ranked()) {
                Held h = best.payload(slot);
                order.add(new long[] {best.seq(slot), h.byKey(), h.sortKey(), rows.size()});
                rows.add(h);
            }
        }
        Comparator<long[]> bySeq = Comparator.comparingLong(o -> o[0]);
        if (front != null && top > 0) {
            order.sort(Comparator.<long[]>comparingLong(o -> o[1]).thenComparing(bySeq));
            order = new ArrayList<>(order.subList(0, Math.min(top, order.size())));
        }
        if (sortColumn != null) {
            order.sort(Comparator.<long[]>comparingLong(o -> o[2]).thenComparing(bySeq));
        } else if (top > 0) {
            order.sort(Comparator.<long[]>comparingLong(o -> o[1]).thenComparing(bySeq));
        }
        for (long[] o : order) {
            Held h = rows.get((int) o[3]);
            out.write(h.cells(), h.metrics(), 0);
        }
        written = order.size();
    }

    /** Rows on the Pareto front at the end (-1 without {@code --pareto}). */
    public int frontSize() {
        return front != null ? front.size() : -1;
    }

    /** Rows written by {@link #finish} (-1 before). */
    public long written() {
        return written;
    }

    /** One line for the summary: what was selected from the kept rows. */
    public String describe(long kept) {
        StringBuilder sb = new StringBuilder("  selected: ");
        if (front != null) {
            sb.append(String.format(Locale.ROOT, "Pareto front (%s) of the %,d kept rows: %,d rows", join(pareto), kept,
                    front.size()));
            if (top > 0) {
                sb.append("; of those the top ").append(top).append(" by ").append(by);
            }
        } else {
            sb.append(String.format(Locale.ROOT, "top %,d by %s of the %,d kept rows", top, by, kept));
        }
        sb.append(String.format(Locale.ROOT, "; %,d rows written", Math.max(0, written)));
        if (sort != null) {
            sb.append(", sorted by ").append(sort);
        } else {
            sb.append(front != null && top == 0 ? ", in input order" : ", best first");
        }
        return sb.toString();
    }

    private static String join(List<Objective> objectives) {
        List<String> s = new ArrayList<>();
        for (Objective o : objectives) {
            s.add(o.toString());
        }
        return String.join(", ", s);
    }

    /** The objectives (for messages). */
    public List<Objective> pareto() {
        return pareto;
    }

    @Override
    public String toString() {
        return "RowSelection[pareto=" + pareto + ", top=" + top + ", by=" + by + ", sort=" + Objects.toString(sort) + "]";
    }
}
