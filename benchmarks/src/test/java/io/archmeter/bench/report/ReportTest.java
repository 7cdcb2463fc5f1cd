package io.archmeter.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
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
        assertEquals(13, results.size());
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
                + " (one pass summing the same records: 20.00 M candidates/s, 24.00 GB/s)."), md);
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
        assertTrue(md.contains("serial 4.00 M candidates/s, parallel 7.00 M candidates/s (parallel/serial 1.75×"), md);
        assertTrue(md.contains("2 threads score 1.80× the 1-thread pool"), md);
        assertTrue(md.contains("Engine vs object baseline (20 layers): 4.00× (structure of arrays vs records, chain loop: 0.82×;"
                + " chain-only loop vs engine, same records: 1.10×)"), md);
        assertTrue(md.contains("Parsing 20-layer strings: 1.50 M candidates/s, 225.0 MB/s."), md);
        assertTrue(md.contains("| 20 | 1,500,000 | 225.0 | 2,550,000 | 1.70× |"), md);
        assertTrue(md.contains("CSV floor (Commons CSV, read only): 300.0 k rows/s."), md);
        assertTrue(md.contains("200.0 k rows/s = 66.7% of the CSV floor"), md);
        assertTrue(md.contains("| 2 | 7,200,000 ± 2.8% | 1.80× | 90.0% |"), md);
        assertTrue(md.contains("| 20 | 6,000,000 ± 5.0% | 6,600,000 ± 3.0% | 5,400,000 ± 5.6% | 1,500,000 ± 6.7% | 4.00× | 0.82× | 1.10× |"), md);
        assertTrue(md.contains("Scoring allocation (serial, batchSize=100000 depth=20 mode=serial, -prof gc): 0.00100 B per candidate."), md);
        assertTrue(md.contains("| 20 | 100,000 | 4,000,000 ± 5.0% | 7,000,000 ± 5.0% | 1.75× | 80.00 M |"), md);
        assertTrue(md.contains("| ParseBenchmark.archParser | depth=20 | 1,500,000 |  | candidates/s |  |"), md);
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
        assertEquals(13 + 1, doc.getElementsByTagName("rect").getLength(), "a background and one bar per result");
        assertTrue(svg.contains("fixture &lt;a&gt; &amp; b"));
        assertTrue(svg.contains(">7.00 M<"));
    }

    @Test
    void comparisonPrintsThePercentChange() throws IOException {
        List<BenchmarkResult> a = fixture();
        List<BenchmarkResult> b = a.stream().map(r -> new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.params(),
                new Score(r.primary().value() * (r.className().equals("CsvReadBenchmark") ? 0.5 : 1.1), 0, r.primary().unit()),
                r.secondary(), r.jdkVersion(), r.vmName())).toList();
        Map<String, Double> changes = ResultComparison.changes(a, b);
        assertEquals(13, changes.size());
        assertEquals(10.0, changes.get("ScoringBenchmark.scoreAll [batchSize=100000 depth=20 mode=parallel]"), 1e-9);
        assertEquals(-50.0, changes.get("CsvReadBenchmark.readAll"), 1e-9);
        String text = ResultComparison.compare(a, b.subList(0, 11), "a.json", "b.json");
        assertTrue(text.contains("+10.0%"), text);
        assertTrue(text.contains("-50.0%"), text);
        assertTrue(text.contains("only in A"), text);
    }

    @Test
    void renderWritesBothFiles(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("2026-11-29-quick.json");
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            Files.copy(in, json);
        }
        ReportMain.render(json, dir.resolve("out"), false);
        assertTrue(Files.readString(dir.resolve("out/REPORT.md")).contains("Results `2026-11-29-quick.json`"));
        assertTrue(Files.readString(dir.resolve("out/report.svg")).startsWith("<svg"));
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
        assertEquals(26, merged.size());
        assertEquals(fixture().get(3), merged.get(16));
    }

    @Test
    void cpuModelComesFromCpuinfo(@TempDir Path dir) throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n");
        assertEquals("AMD EPYC 7B13", MachineInfo.cpuModel(cpuinfo));
        assertEquals("unknown", MachineInfo.cpuModel(dir.resolve("missing")));
    }
}
