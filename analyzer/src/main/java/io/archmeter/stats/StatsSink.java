package io.archmeter.stats;

import io.archmeter.engine.Metric;
import io.archmeter.io.KeptRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Feeds rows into a {@link StatsCollector}: the {@link KeptRows} of {@code archmeter stats} and
 * {@code report}. Rows come from the filter pipeline (scored here: metrics from the engine) or
 * from a file that is already scored (metric columns read from its cells); it writes nothing.
 *
 * <h2>Which columns</h2>
 * The columns asked for, or by default:
 * <ul>
 *   <li>scored rows: the metrics {@link #DEFAULT_METRICS} (filter's default numeric columns);</li>
 *   <li>rows of a scored file: its columns named like a metric whose first row holds a whole number;</li>
 *   <li>and every other column whose cell in the first row is a decimal number ({@code acc},
 *       {@code latency_ms}), except the architecture and {@code input} columns and one named
 *       {@code id};</li>
 *   <li>and the columns of the budgets and of the scatter front, if not among them.</li>
 * </ul>
 * A later cell that is not a number counts as missing in its column's numbers.
 *
 * <pre>{@code
 * StatsSink sink = new StatsSink(true, List.of(), budgets, null, null, StatsCollector.Options.defaults(), Set.of("arch"));
 * new FilterPipeline(spec).keptRows(sink).run(in, Writer.nullWriter(), rejects);
 * StatsResult r = sink.result();
 * }</pre>
 */
public final class StatsSink implements KeptRows {
    /** The metrics summarised by default: every numeric column {@code filter} writes by default. */
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.MACS, Metric.FLOPS, Metric.PARAMS, Metric.WEIGHT_BYTES,
            Metric.ACT_PEAK_BYTES, Metric.ACT_TOTAL_BYTES, Metric.RF, Metric.RF_STRIDE);
    /** A column of this name is an identifier, not a measurement: left out by default. */
    public static final String ID_COLUMN = "id";

    private final boolean scored;
    private final List<String> requested;
    private final List<Budget> budgets;
    private final Objective scatterX;
    private final Objective scatterY;
    private final StatsCollector.Options options;
    private final Set<String> excluded;
    private String[] header;
    private List<ValueColumn> columns;
    private StatsCollector collector;
    private long[] keys;
    /** The cells the columns read, once they are fixed; null before (every cell). */
    private int[] cellsRead;

    /**
     * @param scored    rows come with metric records (from the pipeline), rather than from a scored file's cells
     * @param requested the columns to summarise, or empty for the default (see the class comment)
     * @param budgets   the budgets of the budget table (empty: none)
     * @param scatterX  the scatter front's first objective, or null for no front
     * @param scatterY  its second objective
     * @param options   bins, sample size and seed (budgets and front are set here)
     * @param excluded  columns never summarised by default (the architecture and input columns)
     */
    public StatsSink(boolean scored, List<String> requested, List<Budget> budgets, Objective scatterX, Objective scatterY,
                     StatsCollector.Options options, Set<String> excluded) {
        this.scored = scored;
        this.requested = List.copyOf(requested);
        this.budgets = List.copyOf(budgets);
        this.scatterX = scatterX;
        this.scatterY = scatterY;
        this.options = Objects.requireNonNull(options, "options");
        this.excluded = Set.copyOf(excluded);
        if ((scatterX == null) != (scatterY == null)) {
            throw new IllegalArgumentException("a scatter front needs both x and y");
        }
    }

    @Override
    public void start(String[] inputHeader) {
        header = inputHeader.clone();
        // every name given must exist: fail before the first row
        for (String name : requested) {
            ValueColumn.resolve(name, header, scored);
        }
        for (Budget b : budgets) {
            ValueColumn.resolve(b.name(), header, scored);
        }
        if (scatterX != null) {
            scatterX.resolve(header, scored);
            scatterY.resolve(header, scored);
        }
        if (!requested.isEmpty()) {
            init(null);
        }
    }

    @Override
    public String take(long seq, String[] cells, long[] metrics, int offset) {
        if (collector == null) {
            init(cells);
        }
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns.get(i).key(cells, metrics, offset);
        }
        collector.add(seq, keys);
        return null;
    }

    @Override
    public void finish(RowWriter out) {
        // statistics write no rows
    }

    /** The numbers so far (of no rows, if none came). */
    public StatsResult result() {
        if (collector == null) {
            init(null);
        }
        return collector.result();
    }

    /** The columns summarised, once the first row (or the header, for requested columns) fixed them. */
    public List<ValueColumn> columns() {
        return columns;
    }

    /** Fixes the columns, from the first row's cells if the default applies (null: no row). */
    private void init(String[] firstRow) {
        List<ValueColumn> cols = new ArrayList<>();
        if (!requested.isEmpty()) {
            for (String name : requested) {
                addNew(cols, ValueColumn.resolve(name, header, scored));
            }
        } else {
            defaults(cols, firstRow);
        }
        for (Budget b : budgets) {
            addNew(cols, ValueColumn.resolve(b.name(), header, scored));
        }
        if (scatterX != null) {
            addNew(cols, scatterX.resolve(header, scored).column());
            addNew(cols, scatterY.resolve(header, scored).column());
        }
        columns = List.copyOf(cols);
        List<StatsCollector.Column> defs = new ArrayList<>();
        for (ValueColumn c : columns) {
            defs.add(new StatsCollector.Column(c.name(), c.kind(), c.isBytes()));
        }
        collector = new StatsCollector(defs, collectorOptions());
        keys = new long[columns.size()];
        cellsRead = columns.stream().filter(c -> c.metric() == null).mapToInt(ValueColumn::cell).toArray();
    }

    /** Every cell until the columns are fixed (the first row may decide them), then the cells they read. */
    @Override
    public int[] cellsRead() {
        return cellsRead;
    }

    private void defaults(List<ValueColumn> cols, String[] firstRow) {
        if (scored) {
            for (Metric m : DEFAULT_METRICS) {
                cols.add(ValueColumn.metric(m));
            }
        }
        for (int i = 0; firstRow != null && i < header.length; i++) {
            String name = header[i];
            Metric m = Metric.ofColumn(name);
            if (excluded.contains(name) || name.trim().toLowerCase(Locale.ROOT).equals(ID_COLUMN) || scored && m != null) {
                continue;
            }
            if (m != null && m.isNumeric()) {
                if (ValueColumn.parseInteger(firstRow[i]) != Keys.MISSING) {
                    addNew(cols, ValueColumn.cell(name, i, ValueKind.INTEGER));
                }
            } else if (m == null && ValueColumn.parseDecimal(firstRow[i]) != Keys.MISSING) {
                addNew(cols, ValueColumn.cell(name, i, ValueKind.DECIMAL));
            }
        }
    }

    private static void addNew(List<ValueColumn> cols, ValueColumn c) {
        for (ValueColumn x : cols) {
            if (x.name().equals(c.name())) {
                return;
            }
        }
        cols.add(c);
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column " + name + " was not collected");
    }

    private StatsCollector.Options collectorOptions() {
        List<BudgetTable.Dimension> dims = new ArrayList<>();
        for (Budget b : budgets) {
            ValueColumn c = ValueColumn.resolve(b.name(), header, scored);
            dims.add(new BudgetTable.Dimension(indexOf(c.name()), c.name(), b.atMost(), b.keys(c.kind())));
        }
        StatsCollector.Options o = options.withBudgets(dims);
        if (scatterX != null) {
            int x = indexOf(scatterX.resolve(header, scored).column().name());
            int y = indexOf(scatterY.resolve(header, scored).column().name());
            o = o.withFront(x, scatterX.maximize(), y, scatterY.maximize());
        }
        return o;
    }
}
