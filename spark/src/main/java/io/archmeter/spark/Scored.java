package io.archmeter.spark;

import io.archmeter.io.FilterSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The result of {@link ArchmeterSpark#score}: one scored dataset, seen as the filter's outputs.
 * Every view is lazy and reads {@link #all()}; a caller that uses several (a job writing the
 * output and the rejects) should {@code persist} {@link #all()} first, or the scoring runs once
 * per view.
 *
 * <pre>
 *  all()      input columns | metric columns | __archmeter_failed | __archmeter_pass | __archmeter_reason
 *  scored()   input columns | metric columns | pass                    (every valid row)
 *  kept()     input columns | metric columns                           (valid rows meeting every constraint)
 *  output()   kept(), or scored() with --all: what archmeter filter writes
 *  rejects()  [file] | line | reason | input columns                   (rows that could not be scored)
 * </pre>
 */
public final class Scored {
    /** Bit i set if the row fails constraint i (null for a rejected row). */
    public static final String FAILED = "__archmeter_failed";
    /** True if the row meets every constraint (null for a rejected row). */
    public static final String PASS = "__archmeter_pass";
    /** Why the row could not be scored, exactly as in the filter's rejects; null for a valid row. */
    public static final String REASON = "__archmeter_reason";

    private final Dataset<Row> all;
    private final FilterSpec spec;
    private final List<String> inputColumns;
    private final List<String> metricColumns;
    private final String lineColumn;
    private final String fileColumn;

    Scored(Dataset<Row> all, FilterSpec spec, List<String> inputColumns, List<String> metricColumns, String lineColumn,
           String fileColumn) {
        this.all = all;
        this.spec = spec;
        this.inputColumns = List.copyOf(inputColumns);
        this.metricColumns = List.copyOf(metricColumns);
        this.lineColumn = lineColumn;
        this.fileColumn = fileColumn;
    }

    /** Every row, with the metric columns and the internal columns {@link #FAILED}, {@link #PASS}, {@link #REASON}. */
    public Dataset<Row> all() {
        return all;
    }

    /** The same views over {@code persisted}, a persisted {@link #all()}. */
    public Scored over(Dataset<Row> persisted) {
        return new Scored(persisted, spec, inputColumns, metricColumns, lineColumn, fileColumn);
    }

    /** Every valid row: the input columns (less line and file columns), the metric columns, and {@code pass}. */
    public Dataset<Row> scored() {
        List<Column> cols = columns(inputColumns);
        cols.addAll(columns(metricColumns));
        cols.add(col(PASS).as(FilterSpec.PASS_COLUMN));
        return all.where(col(REASON).isNull()).select(cols.toArray(new Column[0]));
    }

    /** The valid rows meeting every constraint: input columns and metric columns. */
    public Dataset<Row> kept() {
        List<Column> cols = columns(inputColumns);
        cols.addAll(columns(metricColumns));
        return all.where(col(REASON).isNull().and(col(PASS))).select(cols.toArray(new Column[0]));
    }

    /** What {@code archmeter filter} writes: {@link #kept()}, or with {@code --all} {@link #scored()}. */
    public Dataset<Row> output() {
        return spec.all() ? scored() : kept();
    }

    /**
     * The rows that could not be scored: {@code line, reason} and the input columns, as in the
     * filter's rejects; {@code file} first when the rows came from several files; {@code line} is
     * null when the source has no lines (Parquet, a Dataset built in memory).
     */
    public Dataset<Row> rejects() {
        List<Column> cols = new ArrayList<>();
        if (fileColumn != null) {
            cols.add(col(fileColumn).as("file"));
        }
        cols.add(lineColumn != null ? col(lineColumn).as("line") : org.apache.spark.sql.functions.lit(null).cast("long").as("line"));
        cols.add(col(REASON).as("reason"));
        cols.addAll(columns(inputColumns));
        return all.where(col(REASON).isNotNull()).select(cols.toArray(new Column[0]));
    }

    /** The metric columns appended, in order. */
    public List<String> metricColumns() {
        return metricColumns;
    }

    private static List<Column> columns(List<String> names) {
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(col(quoted(n)));
        }
        return cols;
    }

    /** A column name as {@code col} reads it literally (dots and spaces included). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
