package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * What {@link FilterPipeline} does: the conventions of the numbers, the input shape of rows without
 * an {@code input} cell, where the architecture is, the constraints, the metric columns to append,
 * and how to treat failures. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.builder()
 *         .conventions(Conventions.DEFAULT.withActivationType(DType.INT8))
 *         .constraint(Constraint.max("macs=600M"))
 *         .constraint(Constraint.min("rf=224"))
 *         .columns(Metric.MACS, Metric.RF)
 *         .build();
 * FilterStats stats = new FilterPipeline(spec).run(reader, writer, rejectsWriter);
 * }</pre>
 *
 * @param conventions  how MACs, FLOPs and bytes are counted
 * @param defaultInput the input shape of a row with no (or an empty) {@code input} cell; null (the default) for
 *                     each notation's own reference input: a search space's ({@code SearchSpaces.defaultInput}: 32x32x3
 *                     for NAS-Bench-101/201, NATS-Bench and DARTS genotypes, 224x224x3 for RegNet), {@link #DEFAULT_INPUT}
 *                     for the archmeter grammar
 * @param archColumn   the header name of the architecture column
 * @param constraints  the bounds a row must meet to be kept (all of them)
 * @param columns      the metric columns appended to each output row, in order
 * @param all          write every valid row, with a trailing {@code pass} column, instead of only the kept ones
 * @param failFast     stop at the first rejected row with a {@link FailFastException}
 * @param chunkSize    most rows per chunk: the unit of reading, scoring and writing
 * @param pool         the pool scoring large chunks in parallel, or {@code null} for the engine's default
 * @param cellClasses  classifier outputs of search-space networks (e.g. 10, 100 or 120 for NAS-Bench-201);
 *                     {@link io.archmeter.spaces.SpaceOptions#SPACE_DEFAULT} (0, the default) for each space's own
 * @param chunkChars   a chunk is full once its cells hold this many characters, whatever its rows
 * @param maxRowChars  the most characters one row may have; a longer one stops the run (it cannot be skipped
 *                     without parsing it)
 * @param batchLayers  the scorer scores a chunk's candidates in batches of about this many layers
 *
 * <h2>Bounded memory</h2>
 * A run holds {@value FilterPipeline#CHUNKS_IN_FLIGHT} chunks of at most {@code chunkSize} rows and
 * about {@code chunkChars} characters of cells each (plus one row, at most {@code maxRowChars}),
 * and one batch of about {@code batchLayers} layers (plus the largest candidate) per parsing thread.
 * With the defaults that is well under 256 MiB of heap whatever the length of the input or of its
 * rows: {@code archmeter filter} is tested on 200-layer rows with {@code -Xmx256m}.
 */
public record FilterSpec(Conventions conventions, InputShape defaultInput, String archColumn,
                         List<Constraint> constraints, List<Metric> columns, boolean all, boolean failFast,
                         int chunkSize, ForkJoinPool pool, int cellClasses, int chunkChars, int maxRowChars,
                         int batchLayers) {

    public static final String DEFAULT_ARCH_COLUMN = "arch";
    /** The optional column that overrides {@link #defaultInput()} per row, e.g. {@code 227x227x3}. */
    public static final String INPUT_COLUMN = "input";
    /** The trailing column of {@link #all()} mode. */
    public static final String PASS_COLUMN = "pass";
    public static final int DEFAULT_CHUNK_SIZE = 16384;
    /** The largest {@link #chunkSize()}: more rows per chunk would only cost memory. */
    public static final int MAX_CHUNK_SIZE = 1 << 20;
    /** Default {@link #chunkChars()}: 4 Mi characters (the default 16,384 rows of 20-layer candidates hold about 2.6 Mi). */
    public static final int DEFAULT_CHUNK_CHARS = 4 << 20;
    /** Default {@link #maxRowChars()}: 1 Mi characters (a 1,000-layer chain written out is about 15 Ki). */
    public static final int DEFAULT_MAX_ROW_CHARS = 1 << 20;
    /** Default {@link #batchLayers()}: 256 Ki layers, 15 MiB of layer records. */
    public static final int DEFAULT_BATCH_LAYERS = 1 << 18;
    public static final InputShape DEFAULT_INPUT = new InputShape(224, 224, 3);
    /** Constraints are tracked per row in a 64-bit mask. */
    public static final int MAX_CONSTRAINTS = 64;

    public FilterSpec {
        Objects.requireNonNull(conventions, "conventions");
        Objects.requireNonNull(archColumn, "archColumn");
        constraints = List.copyOf(constraints);
        columns = List.copyOf(columns);
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw new IllegalArgumentException("at most " + MAX_CONSTRAINTS + " constraints, not " + constraints.size());
        }
        if (cellClasses < 0) {
            throw new IllegalArgumentException("classes must be at least 1 (or 0 for each space's own), not " + cellClasses);
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "chunk size must be from 1 to %,d rows, not %,d", MAX_CHUNK_SIZE, chunkSize));
        }
        requireAtLeast("chunk characters", chunkChars, 1);
        requireAtLeast("row length limit", maxRowChars, 1);
        requireAtLeast("batch layers", batchLayers, 1);
        requireDistinctConstraints(constraints);
        for (Metric m : columns) {
            if (columns.indexOf(m) != columns.lastIndexOf(m)) {
                throw new IllegalArgumentException("metric column '" + m.column() + "' is asked for twice");
            }
        }
    }

    private static void requireAtLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", not " + value);
        }
    }

    /** Two bounds of one side on one column are a mistake (which one was meant?), not a tighter bound. */
    private static void requireDistinctConstraints(List<Constraint> constraints) {
        for (int i = 0; i < constraints.size(); i++) {
            for (int j = 0; j < i; j++) {
                Constraint a = constraints.get(j);
                Constraint b = constraints.get(i);
                if (a.bound() == b.bound() && a.column().equals(b.column())) {
                    throw new IllegalArgumentException(a.bound().option() + " " + Text.escape(a.column(), Text.ECHO_LIMIT)
                            + " is given twice (" + a + " and " + b + "): give it once");
                }
            }
        }
    }

    /**
     * The metrics named in {@code names}, e.g. {@code ["macs", "rf_h", "rf_w"]}.
     *
     * @throws IllegalArgumentException on an unknown name, listing the valid ones
     */
    public static List<Metric> parseColumns(List<String> names) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            Metric m = Metric.ofColumn(name);
            if (m == null) {
                throw new IllegalArgumentException("unknown metric column " + Text.quote(name.trim()) + "; valid columns: "
                        + String.join(", ", metricNames(false)));
            }
            metrics.add(m);
        }
        return metrics;
    }

    /** The metric column names, all of them or only the numeric ones (those a constraint can bound). */
    static List<String> metricNames(boolean numericOnly) {
        List<String> names = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (!numericOnly || m.isNumeric()) {
                names.add(m.column());
            }
        }
        return names;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from the defaults: fp32, multiply FLOPs, each notation's reference input
     * (224x224x3 for the grammar) and classes, column arch, default columns.
     */
    public static final class Builder {
        private Conventions conventions = Conventions.DEFAULT;
        private InputShape defaultInput;
        private String archColumn = DEFAULT_ARCH_COLUMN;
        private final List<Constraint> constraints = new ArrayList<>();
        private List<Metric> columns = Arrays.asList(Metric.DEFAULT_COLUMNS);
        private boolean all;
        private boolean failFast;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private ForkJoinPool pool;
        private int cellClasses = io.archmeter.grammar.ArchParser.DEFAULT_CELL_CLASSES;
        private int chunkChars = DEFAULT_CHUNK_CHARS;
        private int maxRowChars = DEFAULT_MAX_ROW_CHARS;
        private int batchLayers = DEFAULT_BATCH_LAYERS;

        /** Characters of cells that fill a chunk (default 4 Mi). */
        public Builder chunkChars(int chars) {
            chunkChars = chars;
            return this;
        }

        /** The most characters one row may have (default 1 Mi). */
        public Builder maxRowChars(int chars) {
            maxRowChars = chars;
            return this;
        }

        /** Layers scored in one batch (default 256 Ki). */
        public Builder batchLayers(int layers) {
            batchLayers = layers;
            return this;
        }

        /** Classes of the classifier of search-space networks (default 0: each space's own, e.g. 10 for NAS-Bench-201). */
        public Builder cellClasses(int classes) {
            cellClasses = classes;
            return this;
        }

        public Builder conventions(Conventions c) {
            conventions = c;
            return this;
        }

        /** The input of rows without an input cell; null (the default) for each notation's own. */
        public Builder defaultInput(InputShape input) {
            defaultInput = input;
            return this;
        }

        public Builder archColumn(String name) {
            archColumn = name;
            return this;
        }

        public Builder constraint(Constraint c) {
            constraints.add(Objects.requireNonNull(c));
            return this;
        }

        public Builder constraints(List<Constraint> cs) {
            cs.forEach(this::constraint);
            return this;
        }

        public Builder columns(Metric... metrics) {
            return columns(Arrays.asList(metrics));
        }

        public Builder columns(List<Metric> metrics) {
            columns = new ArrayList<>(metrics);
            return this;
        }

        public Builder all(boolean on) {
            all = on;
            return this;
        }

        public Builder failFast(boolean on) {
            failFast = on;
            return this;
        }

        public Builder chunkSize(int rows) {
            chunkSize = rows;
            return this;
        }

        public Builder pool(ForkJoinPool p) {
            pool = p;
            return this;
        }

        public FilterSpec build() {
            return new FilterSpec(conventions, defaultInput, archColumn, constraints, columns, all, failFast, chunkSize, pool,
                    cellClasses, chunkChars, maxRowChars, batchLayers);
        }
    }
}
