package io.archmeter.spark;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.MixedCsv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchmeterSparkTest {
    @TempDir
    Path dir;

    @Test
    void aTypedDatasetComesBackWithHandCheckedMetricsAndItsBadRowsAside() {
        SparkSession spark = SharedSpark.get();
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("arch", DataTypes.StringType)
                .add("acc", DataTypes.DoubleType);
        List<Row> rows = List.of(
                RowFactory.create(1, "conv_k3_c32 bn relu gap fc_c10", 0.71),
                RowFactory.create(2, "conv_k3_c64 gap fc_c10", 0.9),
                RowFactory.create(3, "conv_k9x", 0.8),
                RowFactory.create(4, "conv_k3_c32 bn relu gap fc_c10", 0.65));
        Dataset<Row> in = spark.createDataFrame(rows, schema).repartition(2);
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=50M")).constraint(Constraint.min("acc=0.7"))
                .columns(Metric.MACS, Metric.PARAMS, Metric.OUT_SHAPE).build();
        Scored s = ArchmeterSpark.score(in, spec);

        Map<Integer, Row> scored = byId(s.scored());
        assertEquals(List.of("id", "arch", "acc", "macs", "params", "out_shape", "pass"), List.of(s.scored().columns()));
        // conv 3x3 from 3 to 32 channels, same padding, on 224x224: 3*3*3*224*224*32, then fc 32 -> 10
        assertEquals(3L * 3 * 3 * 224 * 224 * 32 + 32 * 10, scored.get(1).getLong(3));
        // params: conv 3*3*3*32 + 32, bn 2*32, fc 32*10 + 10
        assertEquals(3L * 3 * 3 * 32 + 32 + 2 * 32 + 32 * 10 + 10, scored.get(1).getLong(4));
        assertEquals("1x1x10", scored.get(1).getString(5));
        assertEquals(3L * 3 * 3 * 224 * 224 * 64 + 64 * 10, scored.get(2).getLong(3));
        assertEquals(List.of(true, false, false), List.of(scored.get(1).getBoolean(6), scored.get(2).getBoolean(6),
                scored.get(4).getBoolean(6)), "row 2 has 86.7M MACs > 50M; row 4 an accuracy of 0.65 < 0.7");
        assertEquals(List.of(1), ids(s.kept()));

        List<Row> rejects = s.rejects().collectAsList();
        assertEquals(1, rejects.size());
        assertNull(rejects.get(0).get(0), "no line: the rows did not come from a file");
        assertTrue(rejects.get(0).getString(1).startsWith("syntax: token 1 'conv_k9x'"), rejects.get(0).getString(1));
        assertEquals(3, rejects.get(0).getInt(2));
    }

    @Test
    void parquetInAndOutGiveTheMetricsTheFilterGivesForTheSameRows() throws IOException {
        SparkSession spark = SharedSpark.get();
        Path csv = MixedCsv.write(dir.resolve("in.csv"), 8, 600);
        String parquet = dir.resolve("in.parquet").toString();
        SparkCsv.read(spark, List.of(csv.toString())).drop(SparkCsv.LINE, SparkCsv.FILE).write().parquet(parquet);

        Path csvOut = dir.resolve("csv-out");
        SparkFilterContractTest.sparkFilter(List.of(csv.toString()), csvOut);
        Path parquetOut = dir.resolve("out.parquet");
        SparkFilterContractTest.sparkFilter(List.of(parquet), parquetOut);

        Dataset<Row> back = spark.read().parquet(parquetOut.toString());
        assertEquals(DataTypes.LongType, back.schema().apply("macs").dataType());
        Map<String, List<String>> fromParquet = new HashMap<>();
        for (Row r : back.collectAsList()) {
            List<String> v = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                v.add(r.isNullAt(i) ? "" : r.get(i).toString());
            }
            fromParquet.put(v.get(0), v);
        }
        List<List<String>> fromCsv = SparkFilterContractTest.readParts(csvOut);
        assertEquals(fromCsv.size(), fromParquet.size());
        for (List<String> row : fromCsv) {
            assertEquals(row, fromParquet.get(row.get(0)), "row id " + row.get(0));
        }
        assertTrue(Files.isDirectory(dir.resolve("out.rejects.parquet")), "rejects beside the output, in Parquet");
    }

    @Test
    void aMalformedRowStopsTheJobWithItsFileAndLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "id,arch\n1,relu\n2,gap\n3,relu,extra\n4,gap\n");
        CommandLine cl = SparkMain.commandLine();
        ((SparkFilterJob) cl.getSubcommands().get("filter").getCommand()).session = SharedSpark.get();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("filter", csv.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("archmeter-spark: line 4: (file:" + csv + ") 3 fields, but the header has 2 (id, arch)"),
                err.toString());
    }

    private static Map<Integer, Row> byId(Dataset<Row> ds) {
        Map<Integer, Row> m = new HashMap<>();
        ds.collectAsList().forEach(r -> m.put(r.getInt(0), r));
        return m;
    }

    private static List<Integer> ids(Dataset<Row> ds) {
        return ds.orderBy(col("id")).collectAsList().stream().map(r -> r.getInt(0)).toList();
    }
}
