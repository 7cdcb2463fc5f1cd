package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.stats.Keys;
import io.archmeter.stats.QuantileSketch;
import io.archmeter.stats.Spearman;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stats}, {@code filter --pareto} and {@code filter --top} on a million generated rows,
 * against brute force in this test: every row's metrics kept in arrays (scored through the
 * engine, which other tests pin), then sorted for exact quantiles, counted for histograms and
 * budgets, swept for the Pareto front, sorted for the top K. Quantiles and histograms must be
 * within the sketch's stated bound; everything else must be equal.
 */
@DisplayName("stats, --pareto and --top on 1 M rows equal brute force (within the sketch's bound)")
class StatsAtScaleTest {
    static final int ROWS = 1_000_000;
    static final double ALPHA = QuantileSketch.DEFAULT_RELATIVE_ACCURACY;

    @TempDir
    static Path dir;
    static Path file;
    static long[] ids = new long[ROWS];
    static long[] macs = new long[ROWS];
    static long[] params = new long[ROWS];
    static long[] peak = new long[ROWS];
    static double[] acc = new double[ROWS];

    @BeforeAll
    static void generateAndScoreEveryRow() throws IOException {
        file = dir.resolve("candidates.csv");
        assertEquals(0, InProcessRun.of("generate", "--rows", "" + ROWS, "--min-layers", "6", "--max-layers", "12", "--seed", "13",
                "-o", file.toString()).exit());
        Engine engine = new Engine(Conventions.DEFAULT);
        CandidateBatch batch = new CandidateBatch();
        BatchResults results = new BatchResults();
        int row = 0;
        try (Reader in = Files.newBufferedReader(file); CSVParser csv = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
            List<CSVRecord> pending = new ArrayList<>();
            for (CSVRecord r : csv) {
                pending.add(r);
                if (pending.size() == 10_000) {
                    row = score(pending, row, engine, batch, results);
                }
            }
            row = score(pending, row, engine, batch, results);
        }
        assertEquals(ROWS, row);
    }

    private static int score(List<CSVRecord> rows, int row, Engine engine, CandidateBatch batch, BatchResults results) {
        batch.clear();
        for (CSVRecord r : rows) {
            ArchParser.parseCandidate(r.get("arch"), 224, 224, 3, batch);
        }
        engine.scoreAll(batch, results);
        long[] v = results.values();
        for (int i = 0; i < rows.size(); i++, row++) {
            int o = MetricRecord.offset(i);
            ids[row] = Long.parseLong(rows.get(i).get("id"));
            macs[row] = Metric.MACS.get(v, o);
            params[row] = Metric.PARAMS.get(v, o);
            peak[row] = Metric.ACT_PEAK_BYTES.get(v, o);
            acc[row] = Double.parseDouble(rows.get(i).get("acc"));
        }
        rows.clear();
        return row;
    }

    private static Map<String, Object> column(Map<String, Object> doc, String name) {
        for (Object c : MiniJson.array(doc.get("columns"))) {
            if (MiniJson.object(c).get("name").equals(name)) {
                return MiniJson.object(c);
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void statsEqualsBruteForceWithinTheStatedBound() {
        // --exact 1024: macs, params and acc (3,001 values) go past it into the sketch, act_peak_bytes stays exact
        InProcessRun r = InProcessRun.of("stats", file.toString(), "--columns", "macs,params,act_peak_bytes,acc", "--format", "json",
                "--budget", "macs=50M,100M,200M,400M", "--budget", "act_peak_bytes=1MiB,2MiB,4MiB", "--exact", "1024", "--quiet");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> doc = MiniJson.object(MiniJson.parse(r.out()));
        assertEquals((long) ROWS, doc.get("rows"));
        checkColumn(column(doc, "macs"), Arrays.stream(macs).asDoubleStream().toArray());
        checkColumn(column(doc, "params"), Arrays.stream(params).asDoubleStream().toArray());
        checkColumn(column(doc, "act_peak_bytes"), Arrays.stream(peak).asDoubleStream().toArray());
        checkColumn(column(doc, "acc"), acc);
        assertEquals(false, column(doc, "macs").get("quantiles_exact"), "1 M random chains have more than 1,024 distinct MACs");
        assertEquals(false, column(doc, "acc").get("quantiles_exact"), "acc has 3,001 values");
        assertEquals(true, column(doc, "act_peak_bytes").get("quantiles_exact"), "act_peak_bytes has few values");
        checkBudgets(MiniJson.object(doc.get("budgets")));
        checkCorrelation(MiniJson.object(doc.get("spearman")));
    }

    /** Count, min, max, mean, the five quantiles and every histogram bin of one column against its sorted values. */
    private static void checkColumn(Map<String, Object> c, double[] values) {
        String name = (String) c.get("name");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        boolean exact = (Boolean) c.get("quantiles_exact");
        assertEquals((long) ROWS, c.get("count"), name);
        assertEquals(sorted[0], number(c.get("min")), name);
        assertEquals(sorted[ROWS - 1], number(c.get("max")), name);
        assertEquals(Arrays.stream(values).sum() / ROWS, number(c.get("mean")), 1e-9 * Math.abs(sorted[ROWS / 2]), name);
        String[] labels = {"p1", "p10", "median", "p90", "p99"};
        double[] levels = {0.01, 0.10, 0.50, 0.90, 0.99};
        boolean integer = "integer".equals(c.get("kind"));
        for (int q = 0; q < labels.length; q++) {
            double truth = sorted[(int) QuantileSketch.rank(levels[q], ROWS) - 1];
            double got = number(c.get(labels[q]));
            double bound = exact ? 0 : ALPHA * Math.abs(truth) + (integer ? 0.5 : 0);
            assertTrue(Math.abs(got - truth) <= bound, name + " " + labels[q] + ": " + got + ", exact " + truth + ", bound " + bound);
        }
        Map<String, Object> h = MiniJson.object(c.get("histogram"));
        double[] edges = MiniJson.array(h.get("edges")).stream().mapToDouble(StatsAtScaleTest::number).toArray();
        long[] counts = MiniJson.array(h.get("counts")).stream().mapToLong(o -> (Long) o).toArray();
        long[] truth = new long[counts.length];
        for (double v : values) {
            int j = Arrays.binarySearch(edges, v);
            j = j >= 0 ? j : -j - 2;
            truth[Math.max(0, Math.min(counts.length - 1, j))]++;
        }
        for (int j = 0; j < counts.length; j++) {
            // in sketch mode a value may land in the next bin only if it lies within alpha of the edge between them
            long slack = exact ? 0 : nearEdge(sorted, edges[j]) + nearEdge(sorted, edges[j + 1]);
            assertTrue(Math.abs(counts[j] - truth[j]) <= slack, name + " bin " + j + ": " + counts[j] + ", exact " + truth[j]
                    + ", slack " + slack);
        }
        assertEquals(ROWS, Arrays.stream(counts).sum(), name);
    }

    /** Values within relative alpha of {@code edge}. */
    private static long nearEdge(double[] sorted, double edge) {
        double lo = edge - ALPHA * Math.abs(edge);
        double hi = edge + ALPHA * Math.abs(edge);
        int a = lowerBound(sorted, lo);
        int b = lowerBound(sorted, Math.nextUp(hi));
        return b - a;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkBudgets(Map<String, Object> budgets) {
        long[] macsLimits = {50_000_000L, 100_000_000L, 200_000_000L, 400_000_000L};
        long[] peakLimits = {1L << 20, 2L << 20, 4L << 20};
        List<Object> combos = MiniJson.array(budgets.get("combinations"));
        assertEquals(12, combos.size());
        int c = 0;
        for (long m : macsLimits) {
            for (long p : peakLimits) {
                long truth = 0;
                for (int i = 0; i < ROWS; i++) {
                    truth += macs[i] <= m && peak[i] <= p ? 1 : 0;
                }
                Map<String, Object> combo = MiniJson.object(combos.get(c++));
                assertEquals(List.of(m, p), combo.get("limits"));
                assertEquals(truth, combo.get("kept"), "macs <= " + m + ", peak <= " + p);
            }
        }
    }

    /** The sample's rank correlation against the whole file's (20,000 of 1 M rows: standard error under 0.007). */
    private static void checkCorrelation(Map<String, Object> spearman) {
        assertEquals(20_000L, spearman.get("sample_rows"));
        assertEquals(false, spearman.get("exact"));
        List<Object> names = MiniJson.array(spearman.get("columns"));
        List<Object> matrix = MiniJson.array(spearman.get("matrix"));
        double sampled = number(MiniJson.array(matrix.get(names.indexOf("macs"))).get(names.indexOf("params")));
        long[] accKeys = Arrays.stream(acc).mapToLong(Keys::ofDouble).toArray();
        double full = Spearman.rho(macs, params, ROWS);
        assertEquals(full, sampled, 0.03, "rho(macs, params)");
        double sampledAcc = number(MiniJson.array(matrix.get(names.indexOf("macs"))).get(names.indexOf("acc")));
        assertEquals(Spearman.rho(macs, accKeys, ROWS), sampledAcc, 0.03, "rho(macs, acc)");
    }

    @Test
    void paretoWritesExactlyTheRowsABruteForceSweepFinds() throws IOException {
        // sweep by macs ascending: a row is on the front if its acc beats every row of smaller macs
        // and is the best of its own macs (rows equal in both are all on it)
        Integer[] order = new Integer[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> macs[i]));
        List<Long> truth = new ArrayList<>();
        double bestBefore = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < ROWS; ) {
            int b = a;
            double groupBest = Double.NEGATIVE_INFINITY;
            while (b < ROWS && macs[order[b]] == macs[order[a]]) {
                groupBest = Math.max(groupBest, acc[order[b++]]);
            }
            for (int k = a; k < b; k++) {
                if (acc[order[k]] == groupBest && groupBest > bestBefore) {
                    truth.add(ids[order[k]]);
                }
            }
            bestBefore = Math.max(bestBefore, groupBest);
            a = b;
        }
        truth.sort(null);
        Path out = dir.resolve("front.csv");
        FilterCommandTest.Cli r = FilterCommandTest.Cli.run("filter", file.toString(), "-o", out.toString(), "--pareto", "macs:min,acc:max",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(truth, ids(out));
        assertFalse(truth.isEmpty());
    }

    @Test
    void topKWritesTheRowsASortFindsBestFirst() throws IOException {
        Integer[] order = new Integer[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -acc[i]).thenComparingInt(i -> i));
        List<Long> truth = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            truth.add(ids[order[k]]);
        }
        Path out = dir.resolve("top.csv");
        FilterCommandTest.Cli r = FilterCommandTest.Cli.run("filter", file.toString(), "-o", out.toString(), "--top", "100", "--by",
                "acc:max", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(truth, ids(out));
    }

    private static List<Long> ids(Path csv) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
            for (CSVRecord r : p) {
                out.add(Long.parseLong(r.get("id")));
            }
        }
        return out;
    }
}
