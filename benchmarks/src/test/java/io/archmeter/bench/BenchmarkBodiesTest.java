package io.archmeter.bench;

import io.archmeter.bench.baseline.ObjectArchParser;
import io.archmeter.bench.baseline.ObjectMetrics;
import io.archmeter.bench.baseline.ObjectScorer;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.grammar.ArchParser;
import io.archmeter.io.FilterStats;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the body of every benchmark once on a small input and checks its result against a value
 * computed independently, in the manner of RoaringBitmap's {@code RealDataBenchmarkAndTest}: a
 * benchmark that silently measured the wrong work (an empty batch, a parse that dropped layers,
 * a CSV read that skipped rows) fails here, in {@code mvn verify}, not in a report.
 *
 * <p>The independent value is the object baseline's ({@link ObjectScorer}, its own parser and its
 * own formulas) for scoring and parsing, and the generator's own values for the CSV file.
 */
class BenchmarkBodiesTest {

    /** The object baseline's checksum of {@code count} generated candidates of {@code depth} layers. */
    static long expectedChecksum(int count, int depth) {
        ObjectScorer scorer = new ObjectScorer(Conventions.DEFAULT);
        List<ObjectMetrics> metrics = new ArrayList<>();
        for (String arch : GeneratedCandidates.strings(GeneratedCandidates.SEED, count, depth)) {
            metrics.add(scorer.score(ObjectArchParser.parse(arch), GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH,
                    GeneratedCandidates.CHANNELS));
        }
        return MetricsChecksum.of(metrics);
    }

    @ParameterizedTest
    @CsvSource({"8, 1, serial", "8, 1000, serial", "20, 1000, parallel", "20, 2000, parallel", "60, 1, parallel", "60, 2000, serial"})
    void scoringScoresEveryCandidateRight(int depth, int batchSize, String mode) {
        ScoringBenchmark b = new ScoringBenchmark();
        b.depth = depth;
        b.batchSize = batchSize;
        b.mode = mode;
        b.candidates = 2000;
        b.setup();
        BatchResults[] results = b.scoreAll();
        assertEquals(2000 / batchSize, results.length);
        int scored = 0;
        for (BatchResults r : results) {
            scored += r.size();
            assertEquals(0, r.invalidCount());
        }
        assertEquals(2000, scored);
        assertEquals(expectedChecksum(2000, depth), MetricsChecksum.of(results));
        assertEquals(mode.equals("serial") ? Integer.MAX_VALUE : 1, b.engine.parallelThreshold());
    }

    @ParameterizedTest
    @CsvSource({"8, 1", "20, 1000", "60, 2000"})
    void theMemoryTouchPassSumsEveryIntOfTheRecordsTheScoringBenchmarkScores(int depth, int batchSize) {
        MemoryTouchBenchmark b = new MemoryTouchBenchmark();
        b.depth = depth;
        b.batchSize = batchSize;
        b.candidates = 2000;
        b.setup();
        // independently: each generated string parsed alone into a batch of its own, its records summed by a stream
        long expected = 0;
        long ints = 0;
        for (String arch : GeneratedCandidates.strings(GeneratedCandidates.SEED, 2000, depth)) {
            CandidateBatch one = ArchParser.parse(arch, new InputShape(GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH,
                    GeneratedCandidates.CHANNELS));
            int n = one.layers(0) * LayerRecord.LENGTH;
            expected += Arrays.stream(one.records(), 0, n).asLongStream().sum();
            ints += n;
        }
        assertEquals(2000L * depth * LayerRecord.LENGTH, ints, "every generated candidate has exactly depth layers");
        assertEquals(expected, b.sumRecords());
        // and they are the records ScoringBenchmark scores: the same batches
        ScoringBenchmark s = new ScoringBenchmark();
        s.depth = depth;
        s.batchSize = batchSize;
        s.mode = "serial";
        s.candidates = 2000;
        s.setup();
        assertEquals(s.batches.length, b.batches.length);
        for (int i = 0; i < s.batches.length; i++) {
            int n = s.batches[i].layerCount() * LayerRecord.LENGTH;
            assertEquals(n, b.batches[i].layerCount() * LayerRecord.LENGTH);
            assertTrue(Arrays.equals(s.batches[i].records(), 0, n, b.batches[i].records(), 0, n), "batch " + i);
        }
    }

    @Test
    void scalingScoresEveryCandidateRight() {
        ScalingBenchmark b = new ScalingBenchmark();
        b.threads = 2;
        b.depth = 20;
        b.candidates = 3000;
        b.setup();
        try {
            BatchResults r = b.scoreAllInPool();
            assertEquals(3000, r.size());
            assertEquals(expectedChecksum(3000, 20), MetricsChecksum.of(r));
            assertEquals(2, b.pool.getParallelism());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void theThreeImplementationsComputeTheSameMetrics() {
        ObjectBaselineBenchmark b = new ObjectBaselineBenchmark();
        b.depth = 20;
        b.setup();
        long expected = expectedChecksum(BenchmarkDefaults.COMPARED_CANDIDATES, 20);
        assertEquals(expected, MetricsChecksum.of(b.primitiveRecords()));
        assertEquals(expected, new MetricsChecksum().add(b.chainRecords(), 0, BenchmarkDefaults.COMPARED_CANDIDATES).value());
        List<ObjectMetrics> objects = b.objects();
        assertEquals(BenchmarkDefaults.COMPARED_CANDIDATES, objects.size());
        assertEquals(expected, MetricsChecksum.of(objects));
    }

    @Test
    void parsingEncodesEveryLayerOfEveryString() {
        ParseBenchmark b = new ParseBenchmark();
        b.depth = 20;
        b.setup();
        long chars = 0;
        for (String a : GeneratedCandidates.strings(GeneratedCandidates.SEED, BenchmarkDefaults.PARSED_CANDIDATES, 20)) {
            chars += a.length();
        }
        long expected = expectedChecksum(BenchmarkDefaults.PARSED_CANDIDATES, 20);
        Engine engine = new Engine(Conventions.DEFAULT, Integer.MAX_VALUE);
        for (int round = 0; round < 2; round++) {            // twice: the batch is cleared and reused, the cache warm
            ParseBenchmark.ParsedBytes bytes = new ParseBenchmark.ParsedBytes();
            CandidateBatch parsed = b.archParser(bytes);
            assertEquals(BenchmarkDefaults.PARSED_CANDIDATES, parsed.size());
            assertEquals(BenchmarkDefaults.PARSED_CANDIDATES * 20, parsed.layerCount());
            assertEquals(expected, MetricsChecksum.of(engine.scoreAll(parsed, new BatchResults())));
            assertEquals(chars, bytes.bytes);

            CandidateBatch cached = b.tokenCache(bytes);
            assertSame(parsed, cached);
            assertEquals(BenchmarkDefaults.PARSED_CANDIDATES * 20, cached.layerCount());
            assertEquals(expected, MetricsChecksum.of(engine.scoreAll(cached, new BatchResults())));
            assertEquals(2 * chars, bytes.bytes);

            CandidateBatch fromBytes = b.tokenCacheBytes(bytes);
            assertSame(parsed, fromBytes);
            assertEquals(BenchmarkDefaults.PARSED_CANDIDATES * 20, fromBytes.layerCount());
            assertEquals(expected, MetricsChecksum.of(engine.scoreAll(fromBytes, new BatchResults())));
            assertEquals(3 * chars, bytes.bytes);
        }
    }

    @Test
    void pipelineKeepsTheRowsTheObjectBaselineKeeps() throws Exception {
        FilterPipelineBenchmark b = new FilterPipelineBenchmark();
        b.rows = 3000;
        b.setup();
        ObjectScorer scorer = new ObjectScorer(Conventions.DEFAULT);
        long expectedKept = 0;
        for (String[] row : CsvFixture.values(3000, BenchmarkDefaults.CSV_DEPTH, GeneratedCandidates.SEED)) {
            ObjectMetrics m = scorer.score(ObjectArchParser.parse(row[1]), 224, 224, 3);
            if (m.macs() <= 300_000_000L) {
                expectedKept++;
            }
        }
        assertTrue(expectedKept > 1000 && expectedKept < 2000, "about half pass: " + expectedKept);
        for (int round = 0; round < 4; round++) {
            // both bodies, the library's reader and the command line's input path, on one thread and two
            b.threads = 1 + round / 2;
            FilterStats stats = round % 2 == 0 ? b.filter() : b.filterFromFile();
            assertEquals(3000, stats.rowsRead());
            assertEquals(0, stats.rejected());
            assertEquals(expectedKept, stats.kept());
            assertEquals(3000 - expectedKept, stats.filteredOut());
        }
    }

    @Test
    void wholeProcessTimingsBecomeJmhShapedResultsInRowsPerSecond() {
        java.util.Map<String, java.util.List<Double>> seconds = new java.util.LinkedHashMap<>();
        seconds.put("csvParseOnly", java.util.List.of(2.0, 1.0, 4.0));
        seconds.put("filter threads=2", java.util.List.of(0.5, 1.5));
        java.util.List<io.archmeter.bench.report.BenchmarkResult> r = io.archmeter.bench.report.ResultsFile.parse(
                io.archmeter.bench.process.ProcessTiming.json(seconds));
        assertEquals(2, r.size());
        assertEquals("WholeProcess.csvParseOnly", r.get(0).shortName());
        // median of 1, 2, 4 s is 2 s: 500,000 rows/s; spread (1,000,000 - 250,000) / 2
        assertEquals(500_000.0, r.get(0).primary().value(), 0.1);
        assertEquals(375_000.0, r.get(0).primary().error(), 0.1);
        assertEquals("rows/s", r.get(0).operationUnit());
        assertEquals("2", r.get(1).param("threads"));
        assertEquals(1_000_000.0, r.get(1).primary().value(), 0.1, "median of 0.5 and 1.5 s is 1 s");
    }

    @Test
    void csvFloorReadsEveryValue() throws Exception {
        CsvReadBenchmark b = new CsvReadBenchmark();
        b.rows = 500;
        b.setup();
        long expected = 0;
        for (String[] row : CsvFixture.values(500, BenchmarkDefaults.CSV_DEPTH, GeneratedCandidates.SEED)) {
            for (String v : row) {
                expected += v.length();
            }
        }
        assertTrue(expected > 500 * 100);
        assertEquals(expected, b.readAll());
        assertEquals(expected, b.readAll());
    }
}
