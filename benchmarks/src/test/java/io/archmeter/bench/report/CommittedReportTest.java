package io.archmeter.bench.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed report and the README agree: {@code benchmarks/results/REPORT.md}'s headlines and
 * targets are what today's renderer makes of the results file it names (re-render it when the
 * renderer changes), every figure the README quotes from it is in it word for word, and its chart
 * keeps labels clear of whiskers.
 */
@DisplayName("the committed benchmark report")
class CommittedReportTest {
    static final String QUOTE_START = "<!-- quoted from benchmarks/results/REPORT.md -->";
    static final String QUOTE_END = "<!-- end of quote -->";

    static Path repo() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(p.resolve("benchmarks")) ? p : p.getParent();
    }

    static String report() throws IOException {
        return Files.readString(repo().resolve("benchmarks/results/REPORT.md"), StandardCharsets.UTF_8);
    }

    /** The lines of section {@code heading} of a Markdown text, up to the next heading. */
    static List<String> section(String md, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ")) {
                in = line.equals(heading);
            } else if (in && !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void itsHeadlinesAndTargetsAreWhatTheRendererMakesOfItsResults() throws IOException {
        String md = report();
        Matcher m = Pattern.compile("Results `([^`]+)`").matcher(md);
        assertTrue(m.find(), "the report names its results file");
        String name = m.group(1);
        List<BenchmarkResult> results = ResultsFile.read(repo().resolve("benchmarks/results").resolve(name));
        Headlines h = new Headlines(new ResultSet(results), MachineInfo.detect(results, name).cores());
        List<String> expected = h.lines().stream().map(x -> "- " + x).toList();
        assertEquals(expected, section(md, "## Headlines"), "re-render: benchmarks/report.sh render benchmarks/results/" + name);
        List<String> targets = section(md, "## Targets");
        assertEquals(h.targets().size() + 2, targets.size(), "a header, a rule and a row per target");
        for (Target t : h.targets()) {
            assertTrue(targets.contains("| " + t.figure() + " | " + t.measured() + " | " + t.errors() + " | " + t.barText() + " | "
                    + t.verdict() + " |"), t.figure());
        }
    }

    @Test
    void theReadmeQuotesItsFiguresWordForWord() throws IOException {
        String readme = Files.readString(repo().resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(QUOTE_START);
        int end = readme.indexOf(QUOTE_END, start);
        assertTrue(start >= 0 && end > start, "README's Performance section quotes the report between " + QUOTE_START + " and " + QUOTE_END);
        List<String> quoted = readme.substring(start + QUOTE_START.length(), end).lines().filter(l -> !l.isBlank()).toList();
        assertFalse(quoted.isEmpty());
        List<String> lines = report().lines().toList();
        for (String q : quoted) {
            assertTrue(lines.contains(q), "the README quotes a line that is not in REPORT.md: " + q);
        }
    }

    @Test
    void itsChartKeepsLabelsClearOfWhiskersAndInsideThePicture() throws Exception {
        String svg = Files.readString(repo().resolve("benchmarks/results/report.svg"), StandardCharsets.UTF_8);
        assertTrue(SvgGeometry.check(svg) > 40, "a bar per result");
    }
}
