package io.archmeter.spark;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.MalformedCsvException;
import io.archmeter.io.RowScorer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The library entry point: scores a {@code Dataset<Row>} of architectures with archmeter's engine,
 * partition by partition.
 *
 * <pre>{@code
 * Dataset<Row> candidates = spark.read().parquet("hdfs:///nas/candidates.parquet");  // columns id, arch, acc
 * FilterSpec spec = FilterSpec.builder()
 *         .constraint(Constraint.max("macs=600M"))
 *         .columns(Metric.MACS, Metric.PARAMS, Metric.RF)
 *         .build();
 * Scored s = ArchmeterSpark.score(candidates, spec);
 * s.scored().show();      // id, arch, acc, macs, params, rf, pass   (every valid row)
 * s.kept();               // id, arch, acc, macs, params, rf         (macs <= 600M)
 * s.rejects().show();     // line, reason, id, arch, acc             (e.g. "syntax: token 2 'conv_k'...")
 * }</pre>
 *
 * The architecture column is {@link FilterSpec#archColumn()} ({@code arch} by default); a column
 * named {@code input} ({@code HxWxC}) overrides {@link FilterSpec#defaultInput()} per row, and a
 * constraint on a non-metric column reads that column as a number, all as {@code archmeter filter}
 * does with the cells of a CSV (a value is read as its text: {@code toString}, decimals in plain
 * notation, null as an empty cell). The metrics are those of the filter: the same engine, the
 * same conventions, the same reject reasons.
 *
 * <p>Each partition is scored by one {@link RowScorer}: one engine and one reused candidate batch
 * for the partition, {@link ScorePartition#BATCH} rows at a time, on the task's thread (Spark's
 * tasks are the parallelism). No object is made per layer or per candidate; per row, only the
 * output {@code Row}.
 */
public final class ArchmeterSpark {
    private ArchmeterSpark() {
    }

    /** Scores {@code input}; see the class comment. */
    public static Scored score(Dataset<Row> input, FilterSpec spec) {
        return score(input, spec, null, null);
    }

    /**
     * Scores {@code input}, whose column {@code lineColumn} (a long, or null for none) holds each
     * row's line in its file and {@code fileColumn} (or null) the file: both go to the rejects and
     * are left out of the other views.
     *
     * @throws IllegalArgumentException if the architecture column is missing or appears twice, a
     *                                  constraint names an unknown column, or a metric column (or
     *                                  {@code pass} with --all) is also an input column
     */
    public static Scored score(Dataset<Row> input, FilterSpec spec, String lineColumn, String fileColumn) {
        StructType schema = input.schema();
        String[] names = schema.fieldNames();
        List<String> inputColumns = new ArrayList<>();
        for (String n : names) {
            if (!n.equals(lineColumn) && !n.equals(fileColumn)) {
                inputColumns.add(n);
            }
        }
        try {
            RowScorer.checkHeader(spec, inputColumns.toArray(new String[0]));
        } catch (MalformedCsvException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> scored = new ArrayList<>();
        scored.add(spec.archColumn());
        if (inputColumns.contains(FilterSpec.INPUT_COLUMN)) {
            scored.add(FilterSpec.INPUT_COLUMN);
        }
        for (Constraint c : spec.constraints()) {
            if (!c.isMetric() && !scored.contains(c.column())) {
                scored.add(c.column());
            }
        }
        List<String> all = Arrays.asList(names);
        int[] index = scored.stream().mapToInt(all::indexOf).toArray();

        StructType out = schema;
        List<String> metricColumns = new ArrayList<>();
        for (Metric m : spec.columns()) {
            out = out.add(new StructField(m.column(), m.isNumeric() ? DataTypes.LongType : DataTypes.StringType, true,
                    org.apache.spark.sql.types.Metadata.empty()));
            metricColumns.add(m.column());
        }
        out = out.add(Scored.FAILED, DataTypes.LongType, true)
                .add(Scored.PASS, DataTypes.BooleanType, true)
                .add(Scored.REASON, DataTypes.StringType, true);
        ScorePartition fn = new ScorePartition(ScoringSpec.of(spec), scored.toArray(new String[0]), index, names.length);
        Dataset<Row> result = input.mapPartitions(fn, Encoders.row(out));
        return new Scored(result, spec, inputColumns, metricColumns, lineColumn, fileColumn);
    }
}
