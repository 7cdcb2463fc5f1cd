package io.archmeter.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renderer on a small JMH JSON fixture ({@code report/fixture-a.json}) whose figures were
 * chosen so that every ratio is known: serial 4.0 M and parallel 7.0 M (1.75×), 1 and 2 threads
 * 4.0 M and 7.2 M (1.80×), records 6.0 M vs objects 1.5 M (4.00×), chain records 6.6 M (1.10× the
 * engine) and SoA 5.4 M (0.82× chain records), parse
 * 1.5 M candidates/s and 225 MB/s, token cache 2.55 M (1.70×), CSV floor 300 k rows/s and the
 * pipeline 200 k (66.7%).
 */
class ReportTest {
    static final MachineInfo MACHINE = new MachineInfo("Test CPU", 2, "17.0.15 OpenJDK", "Linux", LocalDate.of(2026, 11, 29));

    static List<BenchmarkResult> fixture() throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            return ResultsFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsJmhJson() throws IOException {
        List<BenchmarkResult> results = fixture();
        assertEquals(16, results.size());
        BenchmarkResult first = results.get(1);
        assertEquals("ScoringBenchmark.scoreAll", first.shortName());
        assertEquals("ScoringBenchmark", first.className());
        assertEquals("scoreAll", first.method());
        assertEquals(Map.of("depth", "20", "batchSize", "100000", "mode", "serial"), first.params());
        assertEquals(4.0e6, first.primary().value());
        assertEquals(0.05, first.primary().relativeError(), 1e-12);
        assertEquals(0.001, first.secondary().get("gc.alloc.rate.norm").value());
        assertEquals("candidates/s", first.operationUnit());
        assertEquals("OpenJDK 64-Bit Server VM \u2014 test", results.get(0).vmName());
        assertTrue(Double.isNaN(results.get(8).primary().error()), "JMH's \"NaN\" error");
        assertEquals("rows/s", results.get(10).operationUnit());
        assertEquals("CsvReadBenchmark.readAll", results.get(10).key());
    }

    /**
     * {@code report/fixture-b.json}: serial scoring 5.0 M and 1.5 M candidates/s at 20 and 60 layers (batch 1,000),
     * the memory-touch pass 20 M and 6 M: scoring at 25.0% of the limit. 20 M candidates/s of 20 layers of 60 bytes
     * = 24.00 GB/s; 6 M of 60 layers = 21.60 GB/s. No SoA result: its columns are left out.
     */
    @Test
    void markdownStatesScoringAsAShareOfTheMemoryTouchLimit() throws IOException {
        List<BenchmarkResult> results;
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-b.json")) {
            results = ResultsFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String md = new MarkdownReport(new ResultSet(results), MACHINE, "fixture-b.json", List.of()).render();
        assertTrue(md.contains("Serial scoring of 20-layer chains (batch 1,000) runs at 25.0% of the memory-touch limit"
                + " (one pass summing the same records: 20.00 M ± 5.0% candidates/s, 24.00 GB/s)."), md);
        assertTrue(md.contains("| 20 | 1,000 | 20,000,000 ± 5.0% | 24.00 | 5,000,000 ± 5.0% | 25.0% |"), md);
        assertTrue(md.contains("| 60 | 1,000 | 6,000,000 ± 5.0% | 21.60 | 1,500,000 ± 5.0% | 25.0% |"), md);
        assertTrue(!md.contains("SoA"), md);
    }

    @Test
    void jsonReaderRejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[] x"));
        assertEquals(List.of(1.0, "a\"b", true), Json.parse(" [1, \"a\\\"b\", true] "));
    }

    @Test
    void markdownHasTheRatiosOfTheFixture() throws IOException {
        String md = new MarkdownReport(new ResultSet(fixture()), MACHINE, "fixture-a.json", List.of()).render();
        assertTrue(md.contains("| CPU | Test CPU |"), md);
        assertTrue(md.contains("| cores | 2 |"), md);
        assertTrue(md.contains("| 2 | 7,200,000 ± 2.8% | 1.80× | 90.0% |"), md);
        assertTrue(md.contains("| 20 | 6,000,000 ± 5.0% | 6,600,000 ± 3.0% | 5,400,000 ± 5.6% | 1,500,000 ± 6.7% | 4.00× | 0.82× | 1.10× |"), md);
        assertTrue(md.contains("| 20 | 100,000 | 4,000,000 ± 5.0% | 7,000,000 ± 5.0% | 1.75× | 80.00 M |"), md);
        assertTrue(md.contains("| 20 | 1,500,000 (no error) | 225.0 | 2,550,000 (no error) | 1.70× |"), md);
        assertTrue(md.contains("| ParseBenchmark.archParser | depth=20 | 1,500,000 | (no error) | candidates/s |  |"), md);
        assertTrue(md.contains("| BlockScoringBenchmark.scoreAll | blocks=20 mode=parallel | 300,000 | 30.0% (noisy) | candidates/s |  |"), md);
    }

    @Test
    void everyHeadlineStatesItsConditionsAndFlagsNoise() throws IOException {
        List<String> h = new Headlines(new ResultSet(fixture()), 2).lines();
        assertEquals(List.of(
                "Scoring 20-layer chains, serial (one thread), batch 1,000: 4.10 M ± 2.4% candidates/s.",
                "Scoring 20-layer chains, serial (one thread), batch 100,000: 4.00 M ± 5.0% candidates/s.",
                "Scoring 20-layer chains, parallel (common pool, 2 cores), batch 100,000: 7.00 M ± 5.0% candidates/s.",
                "Thread scaling, 20-layer chains, one batch of 100,000 in a ForkJoinPool of 2 threads against 1: 1.80×"
                        + " (7.20 M ± 2.8% / 4.00 M ± 2.5% candidates/s).",
                "Engine vs object baseline, 20-layer chains, 1,000 candidates, serial: 4.00× (structure of arrays vs records,"
                        + " chain loop: 0.82×; chain-only loop vs engine, same records: 1.10×).",
                "Scoring 20-block MobileNet-style graphs (about 200 layers), batch 10,000: serial 200.0 k ± 5.0% candidates/s,"
                        + " parallel (2 cores) 300.0 k ± 30.0% (noisy) candidates/s.",
                "Building and scoring MobileNetV2-like candidates one at a time, as a search loop does (CandidateBuilder, then"
                        + " engine.score into a reused Metrics; 17 blocks, about 150 layers; one thread): 50.0 k ± 2.0% candidates/s.",
                "Parsing 20-layer strings, 1,000 per call: 1.50 M (no error) candidates/s, 225.0 MB/s.",
                "CSV floor (Commons CSV reads 100,000 rows of 20-layer archs, touches each value): 300.0 k ± 2.0% rows/s.",
                "Filter pipeline filter (--max macs=300M, the floor's file): 200.0 k ± 2.5% rows/s = 66.7% of the CSV floor.",
                "Scoring allocation, serial, -prof gc: at most 0.00100 B per candidate (the largest of the serial results, 1 depth"
                        + " and batch-size pairs; the loop allocates nothing, the residue is JMH's own)."), h);
    }

    @Test
    void targetsAreJudgedOnlyOnResultsThatAreNotNoisy() throws IOException {
        String md = new MarkdownReport(new ResultSet(fixture()), MACHINE, "fixture-a.json", List.of()).render();
        // parallel 7.0 M >= 5 M; 7.2 M / 4.0 M = 1.80 >= 1.7; 200 k / 300 k = 66.7% >= 60%; every error <= 20%
        assertTrue(md.contains("| scoring 20-layer chains, parallel (common pool, 2 cores), batch 100,000 | 7.00 M candidates/s | ± 5.0%"
                + " | ≥ 5 M candidates/s on 2 cores | met |"), md);
        assertTrue(md.contains("| thread scaling, ForkJoinPool of 2 threads against 1, 20-layer chains | 1.80× | ± 2.8%, ± 2.5%"
                + " | ≥ 1.7× on 2 threads | met |"), md);
        assertTrue(md.contains("| filter pipeline filter / CSV floor | 66.7% | ± 2.5%, ± 2.0% | ≥ 60% of the CSV floor | met |"), md);

        // the 2-thread result at ± 40%, the parallel one below the bar, the floor without an error
        List<BenchmarkResult> changed = fixture().stream().map(r -> {
            if (r.key().equals("ScalingBenchmark.scoreAllInPool [depth=20 threads=2]")) {
                return with(r, new Score(7.2e6, 2.88e6, "ops/s"));
            }
            if (r.key().equals("ScoringBenchmark.scoreAll [batchSize=100000 depth=20 mode=parallel]")) {
                return with(r, new Score(4.5e6, 1e5, "ops/s"));
            }
            return r.className().equals("CsvReadBenchmark") ? with(r, new Score(3e5, Double.NaN, "ops/s")) : r;
        }).toList();
        List<Target> t = new Headlines(new ResultSet(changed), 2).targets();
        assertEquals("not met", t.get(0).verdict(), "4.5 M < 5 M, measured within 2.2%");
        assertEquals("noisy (error > 20% of a score): not compared", t.get(1).verdict(), "± 40% on 2 threads");
        assertEquals("noisy (error > 20% of a score): not compared", t.get(2).verdict(), "the floor has no error");
        String noisy = new MarkdownReport(new ResultSet(changed), MACHINE, "changed.json", List.of()).render();
        assertTrue(noisy.contains("| 2 | 7,200,000 ± 40.0% (noisy) | 1.80× | 90.0% |"), noisy);
    }

    private static BenchmarkResult result(String benchmark, Map<String, String> params, double score, double error) {
        return new BenchmarkResult("io.archmeter.bench." + benchmark, "thrpt", 1, params, new Score(score, error, "ops/s"), Map.of(),
                "17.0.15", "OpenJDK");
    }

    @Test
    void parallelPipelinesAndWholeProcessesAreJudgedAgainstTheirOwnBars() {
        // floor 300 k; pipeline on 2 threads 330 k = 110.0% (bar 100%); whole process: parse-only 1.0 M, --threads 2 1.1 M = 1.10×
        List<BenchmarkResult> rs = List.of(
                result("CsvReadBenchmark.readAll", Map.of(), 300_000, 6_000),
                result("FilterPipelineBenchmark.filter", Map.of("threads", "2"), 330_000, 6_600),
                result("WholeProcess.csvParseOnly", Map.of(), 1_000_000, 20_000),
                result("WholeProcess.filter", Map.of("threads", "1"), 600_000, 12_000),
                result("WholeProcess.filter", Map.of("threads", "2"), 1_100_000, 22_000));
        Headlines h = new Headlines(new ResultSet(rs), 2);
        List<Target> t = h.targets();
        assertEquals("filter pipeline filter [threads=2] / CSV floor", t.get(0).figure());
        assertEquals("≥ 100% of the CSV floor on 2 cores", t.get(0).barText());
        assertEquals("110.0%", t.get(0).measured());
        assertEquals("met", t.get(0).verdict());
        assertEquals("1.10×", t.get(1).measured());
        assertEquals("met", t.get(1).verdict());
        assertTrue(h.lines().contains("Whole process, 1,000,000 rows, a fresh JVM per run: Commons CSV parse-only 1.00 M ± 2.0% rows/s;"
                + " filter --threads 1 600.0 k ± 2.0% = 0.60×; filter --threads 2 1.10 M ± 2.0% = 1.10× of the floor."), h.lines().toString());
        String md = new MarkdownReport(new ResultSet(rs), MACHINE, "p.json", List.of()).render();
        assertTrue(md.contains("| WholeProcess.filter [threads=2] | 1,100,000 ± 2.0% | 1.10× |"), md);
    }

    @Test
    void noiseIsAnErrorAboveTwentyPercentOfTheScoreOrNoErrorAtAll() {
        assertTrue(!Noise.isNoisy(new Score(100, 20, "ops/s")));
        assertTrue(Noise.isNoisy(new Score(100, 20.5, "ops/s")));
        assertTrue(Noise.isNoisy(new Score(100, Double.NaN, "ops/s")));
        assertTrue(Noise.anyNoisy(new Score(100, 1, "ops/s"), new Score(100, 30, "ops/s")));
    }

    private static BenchmarkResult with(BenchmarkResult r, Score s) {
        return new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.params(), s, r.secondary(), r.jdkVersion(), r.vmName());
    }

    @Test
    void aPartialRunStillRenders() throws IOException {
        List<BenchmarkResult> csvOnly = fixture().subList(10, 11);
        String md = new MarkdownReport(new ResultSet(csvOnly), MACHINE, "partial.json", List.of()).render();
        assertTrue(md.contains("No FilterPipelineBenchmark in these results."), md);
        assertTrue(!md.contains("## Scoring"), md);
    }

    @Test
    void svgIsWellFormedWithABarPerResult() throws Exception {
        String svg = SvgBarChart.render(fixture(), "fixture <a> & b");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(16 + 1, doc.getElementsByTagName("rect").getLength(), "a background and one bar per result");
        assertTrue(svg.contains("fixture &lt;a&gt; &amp; b"));
        assertTrue(svg.contains(">7.00 M<"));
        assertTrue(svg.contains(">300.0 k ± 30% noisy<"), "the noisy parallel block result is labelled");
        assertEquals(16, SvgGeometry.check(svg));
    }

    @Test
    void tickStepsAreRound() {
        assertEquals(2.5e6, SvgBarChart.tickStep(10.63e6), 1e-3);
        assertEquals(0.2, SvgBarChart.tickStep(1.0), 1e-12);
        assertEquals(100_000, SvgBarChart.tickStep(260_000), 1e-9);
        assertEquals(1, SvgBarChart.tickStep(0));
    }

    @Test
    void comparisonPrintsThePercentChange() throws IOException {
        List<BenchmarkResult> a = fixture();
        List<BenchmarkResult> b = a.stream().map(r -> new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.params(),
                new Score(r.primary().value() * (r.className().equals("CsvReadBenchmark") ? 0.5 : 1.1), 0, r.primary().unit()),
                r.secondary(), r.jdkVersion(), r.vmName())).toList();
        Map<String, Double> changes = ResultComparison.changes(a, b);
        assertEquals(16, changes.size());
        assertEquals(10.0, changes.get("ScoringBenchmark.scoreAll [batchSize=100000 depth=20 mode=parallel]"), 1e-9);
        assertEquals(-50.0, changes.get("CsvReadBenchmark.readAll"), 1e-9);
        String text = ResultComparison.compare(a, b.subList(0, 11), "a.json", "b.json");
        assertTrue(text.contains("+10.0%"), text);
        assertTrue(text.contains("-50.0%"), text);
        assertTrue(text.contains("only in A"), text);
    }

    @Test
    void aQuickRunRendersBesideTheCommittedReportNeverOverIt(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("2026-11-29-quick.json");
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            Files.copy(in, json);
        }
        Files.writeString(dir.resolve("REPORT.md"), "committed");
        Files.writeString(dir.resolve("report.svg"), "committed");
        ReportMain.render(json, dir, false);
        assertEquals("committed", Files.readString(dir.resolve("REPORT.md")));
        assertEquals("committed", Files.readString(dir.resolve("report.svg")));
        String md = Files.readString(dir.resolve("2026-11-29-quick.md"));
        assertTrue(md.contains("Results `2026-11-29-quick.json`"), md);
        assertTrue(md.contains("![throughput per benchmark](2026-11-29-quick.svg)"), md);
        assertTrue(Files.readString(dir.resolve("2026-11-29-quick.svg")).startsWith("<svg"));
    }

    @Test
    void aFullRunReplacesTheCommittedReport(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("2026-11-29-full.json");
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            Files.copy(in, json);
        }
        ReportMain.render(json, dir.resolve("out"), false);
        assertTrue(Files.readString(dir.resolve("out/REPORT.md")).contains("![throughput per benchmark](report.svg)"));
        assertTrue(Files.readString(dir.resolve("out/report.svg")).startsWith("<svg"));
    }

    @Test
    void aMissingOrMalformedFileIsOneLineAndExitCode2(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = dir.resolve("nope.json").toString();
        assertEquals(2, ReportMain.run(new String[] {"compare", missing, missing}, new PrintStream(out), new PrintStream(err)));
        assertEquals("report: no such file: " + missing + "\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"an array\"}");
        assertEquals(2, ReportMain.run(new String[] {"render", bad.toString()}, new PrintStream(out), new PrintStream(err)));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count(), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("report: " + bad + ": a JMH result file is a JSON array"));
        err.reset();
        assertEquals(2, ReportMain.run(new String[] {"compare"}, new PrintStream(out), new PrintStream(err)));
        assertEquals(ReportMain.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, out.size());
    }

    @Test
    void mergeConcatenatesResultFiles(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            Files.copy(in, a);
        }
        Path empty = Files.writeString(dir.resolve("empty.json"), "[ ]\n");
        ReportMain.merge(List.of(a, empty, a), a);
        List<BenchmarkResult> merged = ResultsFile.read(a);
        assertEquals(32, merged.size());
        assertEquals(fixture().get(3), merged.get(19));
    }

    @Test
    void cpuModelComesFromCpuinfo(@TempDir Path dir) throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n");
        assertEquals("AMD EPYC 7B13", MachineInfo.cpuModel(cpuinfo));
        assertEquals("unknown", MachineInfo.cpuModel(dir.resolve("missing")));
    }
}
