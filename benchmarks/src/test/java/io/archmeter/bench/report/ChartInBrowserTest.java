package io.archmeter.bench.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chart as a browser draws it: headless Chromium lays out the committed report's SVG and the
 * fixture's, a script measures every text's box ({@code getBBox}, the real font's widths) and
 * reports any value label that overlaps its bar or whisker, any text outside the picture, and any
 * tick label that overlaps its axis's unit. {@code .ci/run} installs Chromium and sets
 * {@code ARCHMETER_REQUIRE_BROWSER=1}, so there a missing browser fails; elsewhere it skips.
 */
@DisplayName("the benchmark chart in a real browser")
class ChartInBrowserTest {
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">([^<]*)</pre>");

    /** Measures the layout in the page and writes "ok N" or the first problems into #result. */
    private static final String SCRIPT = String.join("\n",
            "const svg = document.querySelector('svg');",
            "const width = svg.width.baseVal.value, problems = [];",
            "const box = e => e.getBBox();",
            "const bars = svg.querySelectorAll('g.bar');",
            "for (const bar of bars) {",
            "  const v = bar.querySelector('text.value'), vb = box(v);",
            "  let right = 0;",
            "  for (const e of bar.querySelectorAll('rect, line')) { const b = box(e); right = Math.max(right, b.x + b.width); }",
            "  if (vb.x < right + 2) problems.push('label ' + v.textContent + ' at ' + vb.x + ' crosses its bar or whisker at ' + right);",
            "  if (vb.x + vb.width > width) problems.push('label ' + v.textContent + ' ends at ' + (vb.x + vb.width));",
            "}",
            "for (const t of svg.querySelectorAll('text')) {",
            "  const b = box(t);",
            "  if (b.x < 0 || b.x + b.width > width) problems.push('text outside: ' + t.textContent);",
            "}",
            "for (const axis of svg.querySelectorAll('g.axis')) {",
            "  const u = box(axis.querySelector('text.unit'));",
            "  for (const t of axis.querySelectorAll('text.tick')) {",
            "    const b = box(t);",
            "    if (b.x + b.width > u.x) problems.push('tick ' + t.textContent + ' overlaps the unit');",
            "  }",
            "}",
            "document.getElementById('result').textContent = problems.length ? problems.slice(0, 5).join('; ') : 'ok ' + bars.length;");

    @TempDir
    Path dir;

    private static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    private String layout(String svg) throws Exception {
        String browser = chromium();
        boolean required = "1".equals(System.getenv("ARCHMETER_REQUIRE_BROWSER"));
        assumeTrue(browser != null || required, "no Chromium here (.ci/run installs it)");
        assertTrue(browser != null, "ARCHMETER_REQUIRE_BROWSER=1 but no Chromium found");
        Path page = dir.resolve("chart.html");
        Files.writeString(page, "<!DOCTYPE html><html><body style=\"margin:0\">" + svg + "<pre id=\"result\">not run</pre><script>"
                + SCRIPT + "</script></body></html>", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", page.toUri().toString());
        Path out = dir.resolve("dom.html");
        pb.redirectOutput(out.toFile()).redirectError(dir.resolve("browser.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        Matcher m = RESULT.matcher(Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(m.find(), "the page ran: " + Files.readString(dir.resolve("browser.log")));
        return m.group(1);
    }

    @Test
    void theCommittedChartHasNoOverlapsAndNothingOutside() throws Exception {
        String svg = Files.readString(CommittedReportTest.repo().resolve("benchmarks/results/report.svg"), StandardCharsets.UTF_8);
        int bars = SvgGeometry.parse(svg).getElementsByTagName("rect").getLength() - 1;
        assertEquals("ok " + bars, layout(svg));
    }

    @Test
    void theFixturesChartHasNoOverlapsAndNothingOutside() throws Exception {
        List<BenchmarkResult> results;
        try (InputStream in = ReportTest.class.getResourceAsStream("/report/fixture-a.json")) {
            results = ResultsFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("ok " + results.size(), layout(SvgBarChart.render(results, "fixture")));
    }
}
