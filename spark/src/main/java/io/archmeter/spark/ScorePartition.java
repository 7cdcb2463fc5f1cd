package io.archmeter.spark;

import io.archmeter.engine.Metric;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.MalformedCsvException;
import io.archmeter.io.RowScorer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Scores one partition: one {@link RowScorer} (one engine, one reused candidate batch and token
 * cache) for the whole partition, fed {@value #BATCH} rows at a time. Each output row is the input
 * row's values followed by the metric values, the constraint mask, {@code pass} and the reject
 * reason (null for a valid row; the metrics, mask and pass are then null).
 *
 * <p>Only the cells the scoring reads (architecture, {@code input}, constrained columns) are
 * turned into text; every other value passes through as it is, typed.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Rows per scoring batch: large enough to amortise a batch, small enough to stream. */
    static final int BATCH = 4096;

    private final ScoringSpec spec;
    /** The columns the scorer reads, by name, and their positions in the input rows. */
    private final String[] scoredHeader;
    private final int[] scoredIndex;
    private final int width;

    ScorePartition(ScoringSpec spec, String[] scoredHeader, int[] scoredIndex, int width) {
        this.spec = spec;
        this.scoredHeader = scoredHeader.clone();
        this.scoredIndex = scoredIndex.clone();
        this.width = width;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        FilterSpec filterSpec = spec.toFilterSpec();
        Metric[] columns = filterSpec.columns().toArray(new Metric[0]);
        RowScorer scorer;
        try {
            scorer = new RowScorer(filterSpec, scoredHeader, BATCH);
        } catch (MalformedCsvException e) {
            // the driver checked the header before the job: this is a bug
            throw new UncheckedIOException(e);
        }
        return new Batches(input, scorer, columns);
    }

    /** The partition's rows, scored a batch ahead of the consumer. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> input;
        private final RowScorer scorer;
        private final Metric[] columns;
        private final Row[] pending = new Row[BATCH];
        private int size;
        private int next;

        Batches(Iterator<Row> input, RowScorer scorer, Metric[] columns) {
            this.input = input;
            this.scorer = scorer;
            this.columns = columns;
        }

        @Override
        public boolean hasNext() {
            if (next == size) {
                fill();
            }
            return next < size;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int r = next++;
            Row row = pending[r];
            pending[r] = null;
            Object[] v = new Object[width + columns.length + 3];
            for (int i = 0; i < width; i++) {
                v[i] = row.get(i);
            }
            String reason = scorer.rejectReason(r);
            int o = width;
            if (reason == null) {
                for (Metric m : columns) {
                    v[o++] = m.isNumeric() ? (Object) scorer.metric(r, m) : scorer.metricText(r, m);
                }
                v[o++] = scorer.failedConstraints(r);
                v[o++] = scorer.passes(r);
            } else {
                o += columns.length + 2;
            }
            v[o] = reason;
            return RowFactory.create(v);
        }

        private void fill() {
            scorer.clear();
            size = 0;
            next = 0;
            while (size < BATCH && input.hasNext()) {
                Row row = input.next();
                String[] cells = new String[scoredIndex.length];
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = text(row, scoredIndex[k]);
                }
                pending[size++] = row;
                scorer.add(cells);
            }
            if (size > 0) {
                scorer.score();
            }
        }
    }

    /** A value as the filter would read it from a CSV cell: null is an empty cell, decimals in plain notation. */
    static String text(Row row, int i) {
        if (row.isNullAt(i)) {
            return "";
        }
        Object v = row.get(i);
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
