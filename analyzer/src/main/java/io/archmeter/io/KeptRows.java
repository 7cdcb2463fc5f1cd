package io.archmeter.io;

import java.io.IOException;

/**
 * Takes the rows that meet the constraints <em>instead of</em> the output, so that something other
 * than "write every kept row" can happen to them: a selection (Pareto front, top K) that writes
 * its rows after the input ends, or statistics that write none. Set with
 * {@link FilterPipeline#keptRows(KeptRows)}; the counts still reconcile
 * ({@code rowsRead == kept + filteredOut + rejected}, a row this refuses counting as rejected).
 *
 * <p>Called on the thread that called {@link FilterPipeline#run}, in input order: {@link #start}
 * once, {@link #take} per kept row, {@link #finish} once after the last row (not after a failure).
 * Any source of scored rows can drive it the same way (a file already scored, or
 * {@code generate --score}: {@code cells} may then be the generated row's cells).
 *
 * <pre>{@code
 * pipeline.keptRows(new KeptRows() {
 *     public void start(String[] header) { }
 *     public String take(long seq, String[] cells, long[] metrics, int offset) {
 *         long macs = Metric.MACS.get(metrics, offset);  …
 *         return null;                                    // taken
 *     }
 *     public void finish(RowWriter out) { }               // writes nothing
 * });
 * }</pre>
 */
public interface KeptRows {
    /**
     * The input's header, before any row.
     *
     * @throws IllegalArgumentException if a column this needs is not in it
     */
    void start(String[] header);

    /**
     * A row that met the constraints.
     *
     * @param seq     its 0-based position among the data rows read
     * @param cells   its cells, as read (not reused by the pipeline: safe to keep); only those
     *                {@link #cellsRead()} names are sure to be there
     * @param metrics the scored metric records (reused: copy what you keep), or null for rows not scored here
     * @param offset  the row's record offset in {@code metrics}
     * @return null if taken, or the reason to reject the row instead (e.g. a cell that is not a number)
     */
    String take(long seq, String[] cells, long[] metrics, int offset);

    /**
     * The indices of the cells {@link #take} reads from now on, or null for every cell (the default).
     * Where a pipeline reads rows as bytes, only these cells are made Strings, the others of
     * {@code cells} are null: statistics read a number or two, while a row's architecture string
     * is its longest cell (making it a String was a fifth of the samples of {@code stats}' writing
     * thread, JFR, 2026-12-01).
     * Asked before each row: a sink may read every cell of the first row and fewer after it.
     */
    default int[] cellsRead() {
        return null;
    }

    /** After the last row: writes the rows held back, if any, through {@code out}, in the order they should appear. */
    void finish(RowWriter out) throws IOException;

    /** Writes one row as the output writes kept rows: its cells, then the metric columns. */
    interface RowWriter {
        /** Writes {@code cells} and the metric columns of the record at {@code offset} of {@code metrics}. */
        void write(String[] cells, long[] metrics, int offset) throws IOException;
    }
}
