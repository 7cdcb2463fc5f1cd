package io.archmeter.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code archmeter stats} and {@code archmeter report} compute, in one pass over rows
 * given as {@link Keys} (one per column): per-column {@link ColumnStats}, a {@link RowSample}
 * for correlations and the scatter plot, an optional {@link BudgetTable}, and an optional
 * two-column {@link ParetoFront} (the front drawn on the scatter). Memory is fixed by the options,
 * never by the number of rows; {@link #merge} combines collectors of parts of a stream (threads,
 * Spark partitions) into exactly the one-pass result, if each part numbered its rows by their
 * position in the whole stream.
 *
 * <pre>{@code
 * List<StatsCollector.Column> cols = List.of(new StatsCollector.Column("macs", ValueKind.INTEGER, false),
 *         new StatsCollector.Column("acc", ValueKind.DECIMAL, false));
 * StatsCollector c = new StatsCollector(cols, StatsCollector.Options.defaults());
 * long[] row = new long[2];
 * for (long seq = 0; …; seq++) {
 *     row[0] = macs; row[1] = Keys.ofDouble(acc);
 *     c.add(seq, row);
 * }
 * StatsResult r = c.result();
 * }</pre>
 *
 * <p>Not thread-safe: one per thread, merged at the end.
 */
public final class StatsCollector {

    /**
     * A column of the rows.
     *
     * @param name  its name
     * @param kind  INTEGER or DECIMAL
     * @param bytes true if its values are bytes (reports print KiB, MiB)
     */
    public record Column(String name, ValueKind kind, boolean bytes) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * What to compute besides the per-column numbers.
     *
     * @param bins       histogram bins per column
     * @param sampleSize rows in the sample (correlations, scatter)
     * @param seed       the sample's hash seed
     * @param budgets    budget dimensions (columns by index), empty for no budget table
     * @param frontX     column index of the scatter front's first objective, or -1 for no front
     * @param frontY     column index of the second objective
     * @param maximizeX  the first objective is to be maximised
     * @param maximizeY  the second objective is to be maximised
     * @param exactLimit distinct values per column held exactly before the 0.1% sketch ({@link QuantileSketch})
     */
    public record Options(int bins, int sampleSize, long seed, List<BudgetTable.Dimension> budgets, int frontX, int frontY,
                          boolean maximizeX, boolean maximizeY, int exactLimit) {
        public Options {
            budgets = List.copyOf(budgets);
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1, not " + bins);
            }
            if (sampleSize < 1) {
                throw new IllegalArgumentException("the sample must hold at least 1 row, not " + sampleSize);
            }
            if (exactLimit < 0) {
                throw new IllegalArgumentException("the exact limit must be at least 0, not " + exactLimit);
            }
        }

        /**
         * {@value Histogram#DEFAULT_BINS} bins, a sample of {@value RowSample#DEFAULT_CAPACITY} rows, no budgets, no front,
         * {@value QuantileSketch#DEFAULT_EXACT_LIMIT} exact values per column.
         */
        public static Options defaults() {
            return new Options(Histogram.DEFAULT_BINS, RowSample.DEFAULT_CAPACITY, RowSample.DEFAULT_SEED, List.of(), -1, -1,
                    false, false, QuantileSketch.DEFAULT_EXACT_LIMIT);
        }

        /** These options with {@code dims} as the budgets. */
        public Options withBudgets(List<BudgetTable.Dimension> dims) {
            return new Options(bins, sampleSize, seed, dims, frontX, frontY, maximizeX, maximizeY, exactLimit);
        }

        /** These options with a front over columns x and y. */
        public Options withFront(int x, boolean maxX, int y, boolean maxY) {
            return new Options(bins, sampleSize, seed, budgets, x, y, maxX, maxY, exactLimit);
        }

        /** These options with other bins, sample size and seed. */
        public Options withSampling(int histogramBins, int rows, long hashSeed) {
            return new Options(histogramBins, rows, hashSeed, budgets, frontX, frontY, maximizeX, maximizeY, exactLimit);
        }

        /** These options with {@code limit} distinct values per column held exactly. */
        public Options withExactLimit(int limit) {
            return new Options(bins, sampleSize, seed, budgets, frontX, frontY, maximizeX, maximizeY, limit);
        }
    }

    private final List<Column> columns;
    private final Options options;
    private final ColumnStats[] stats;
    private final RowSample sample;
    private final BudgetTable budgets;
    private final ParetoFront<Object> front;
    private final long[] frontKeys = new long[2];
    private long rows;
    private long frontSkipped;

    public StatsCollector(List<Column> columns, Options options) {
        this.columns = List.copyOf(columns);
        this.options = Objects.requireNonNull(options, "options");
        this.stats = new ColumnStats[this.columns.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new ColumnStats(this.columns.get(i).name(), this.columns.get(i).kind(),
                    new QuantileSketch(QuantileSketch.DEFAULT_RELATIVE_ACCURACY, options.exactLimit()));
        }
        this.sample = new RowSample(options.sampleSize(), stats.length, options.seed());
        for (BudgetTable.Dimension d : options.budgets()) {
            Objects.checkIndex(d.column(), stats.length);
        }
        this.budgets = options.budgets().isEmpty() ? null : new BudgetTable(options.budgets());
        if (options.frontX() >= 0) {
            Objects.checkIndex(options.frontX(), stats.length);
            Objects.checkIndex(options.frontY(), stats.length);
            this.front = new ParetoFront<>(2);
        } else {
            this.front = null;
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public Options options() {
        return options;
    }

    /** Rows added. */
    public long rows() {
        return rows;
    }

    /**
     * Adds row {@code seq} (its 0-based position in the whole stream) with one key per column
     * ({@link Keys#MISSING} for a missing value).
     */
    public void add(long seq, long[] keys) {
        rows++;
        for (int i = 0; i < stats.length; i++) {
            stats[i].add(keys[i]);
        }
        if (sample.wants(seq)) {
            sample.add(seq, keys);
        }
        if (budgets != null) {
            budgets.add(keys);
        }
        if (front != null) {
            addToFront(seq, keys);
        }
    }

    private void addToFront(long seq, long[] keys) {
        long x = keys[options.frontX()];
        long y = keys[options.frontY()];
        if (x == Keys.MISSING || y == Keys.MISSING) {
            frontSkipped++;
            return;
        }
        frontKeys[0] = options.maximizeX() ? Keys.descending(x) : x;
        frontKeys[1] = options.maximizeY() ? Keys.descending(y) : y;
        if (!front.dominated(frontKeys)) {
            front.add(frontKeys, seq, null);
        }
    }

    /** Adds everything {@code other} collected (same columns and options). */
    public void merge(StatsCollector other) {
        if (!columns.equals(other.columns) || !options.equals(other.options)) {
            throw new IllegalArgumentException("cannot merge collectors of different columns or options");
        }
        rows += other.rows;
        frontSkipped += other.frontSkipped;
        for (int i = 0; i < stats.length; i++) {
            stats[i].merge(other.stats[i]);
        }
        sample.merge(other.sample);
        if (budgets != null) {
            budgets.merge(other.budgets);
        }
        if (front != null) {
            front.addAll(other.front);
        }
    }

    /** The finished numbers (the collector may go on collecting). */
    public StatsResult result() {
        List<ColumnSummary> summaries = new ArrayList<>();
        for (ColumnStats s : stats) {
            summaries.add(s.summary(options.bins()));
        }
        long[][] frontPoints = new long[0][];
        if (front != null) {
            int[] order = front.inInputOrder();
            frontPoints = new long[order.length][];
            for (int i = 0; i < order.length; i++) {
                int m = order[i];
                long x = front.key(m, 0);
                long y = front.key(m, 1);
                frontPoints[i] = new long[] {options.maximizeX() ? Keys.descending(x) : x, options.maximizeY() ? Keys.descending(y) : y,
                    front.seq(m)};
            }
        }
        return new StatsResult(columns, rows, summaries, sample, Spearman.matrix(sample), budgets, frontPoints, frontSkipped,
                options);
    }
}
