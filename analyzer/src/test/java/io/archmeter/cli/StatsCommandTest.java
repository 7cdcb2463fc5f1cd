package io.archmeter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code archmeter stats} and {@code filter --pareto/--top} on rows computed by hand: on a 1x1x4
 * input {@code fc_cN} has MACs 4·N and params 5·N (4·N weights, N biases).
 */
class StatsCommandTest {
    /**
     * macs 40 80 80 40 20 (sorted 20 40 40 80 80), params 50 100 100 50 25, acc .70 .70 .80 .70 .60 (sorted .6 .7 .7 .7 .8);
     * row 6 does not parse.
     */
    static final String CSV = "id,arch,acc\n1,fc_c10,0.70\n2,fc_c20,0.70\n3,fc_c20,0.80\n4,fc_c10,0.70\n5,fc_c5,0.60\n6,fc_k3,0.9\n";

    @TempDir
    Path tmp;

    private String file(String text) throws IOException {
        return Files.writeString(tmp.resolve("in.csv"), text).toString();
    }

    private static Map<String, Object> column(Map<String, Object> doc, String name) {
        for (Object c : MiniJson.array(doc.get("columns"))) {
            if (MiniJson.object(c).get("name").equals(name)) {
                return MiniJson.object(c);
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void jsonHoldsTheHandComputedNumbersOfEveryColumn() throws IOException {
        InProcessRun r = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--columns", "macs,params,acc", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> doc = MiniJson.object(MiniJson.parse(r.out()));
        assertEquals(5L, doc.get("rows"));
        assertEquals(6L, doc.get("rows_read"));
        assertEquals(1L, doc.get("rejected"));
        Map<String, Object> macs = column(doc, "macs");
        // nearest rank of 20 40 40 80 80: p1, p10 rank 1; median rank 3; p90, p99 rank 5
        assertEquals(List.of(20L, 20L, 20L, 40L, 80L, 80L, 80L), List.of(macs.get("min"), macs.get("p1"), macs.get("p10"),
                macs.get("median"), macs.get("p90"), macs.get("p99"), macs.get("max")));
        assertEquals(52.0, macs.get("mean"));                  // 260 / 5
        assertEquals(true, macs.get("quantiles_exact"));
        assertEquals(65.0, column(doc, "params").get("mean")); // 325 / 5
        Map<String, Object> acc = column(doc, "acc");
        assertEquals("decimal", acc.get("kind"));
        assertEquals(0.7, acc.get("median"));
        assertEquals(0.6, acc.get("min"));
        assertEquals(0.8, acc.get("max"));
        assertEquals(0.7, (Double) acc.get("mean"), 1e-15);      // 3.5 / 5
        assertTrue(r.err().contains("rejected line 7: syntax:"), r.err());
    }

    @Test
    void theStatsTableAsCsvPrintsExactValues() throws IOException {
        // the mean of acc is 3.5 / 5 = 0.7: the compensated sum gets it exactly, where summing
        // the doubles left to right gives 0.7000000000000001
        InProcessRun r = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--columns", "macs,acc", "--format", "csv", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals("column,kind,count,missing,min,p1,p10,median,p90,p99,max,mean,quantiles_exact,relative_error\n"
                + "macs,integer,5,0,20,20,20,40,80,80,80,52.0,true,0\n"
                + "acc,decimal,5,0,0.6,0.6,0.6,0.7,0.8,0.8,0.8,0.7,true,0\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void histogramCountsOfThreeBinsOverTwentyToEighty() throws IOException {
        // edges 20 40 60 80: [20,40) holds 20; [40,60) 40 40; [60,80] 80 80
        InProcessRun r = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--columns", "macs", "--bins", "3", "--format", "csv",
                "--table", "histogram", "--quiet");
        assertEquals("column,scale,bin,lower,upper,count,exact\nmacs,linear,0,20,40,1,true\nmacs,linear,1,40,60,2,true\n"
                + "macs,linear,2,60,80,2,true\n", r.out());
    }

    @Test
    void budgetTableCountsEachCombination() throws IOException {
        // macs <= 40 and acc >= 0.7: rows 1, 4; macs <= 80 and acc >= 0.7: rows 1-4
        InProcessRun r = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--budget", "macs=40,80", "--budget", "acc>=0.7",
                "--format", "csv", "--table", "budget", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals("macs<=,acc>=,kept,rows\n40,0.7,2,5\n80,0.7,4,5\n", r.out());
        InProcessRun text = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--budget", "macs=40,80", "--quiet");
        assertTrue(text.out().contains("budgets: rows each combination keeps (of 5):"), text.out());
        assertTrue(text.out().matches("(?s).*\\n40 +3 +60\\.0%\\n80 +5 +100\\.0%\\n.*"), text.out());
    }

    @Test
    void aFileFilterWroteGivesTheSameNumbersAsTheCandidatesItCameFrom() throws IOException {
        String in = file(CSV);
        Path kept = tmp.resolve("kept.csv");
        assertEquals(0, Main.run("filter", in, "-o", kept.toString(), "--input", "1x1x4", "--quiet"));
        InProcessRun raw = InProcessRun.of("stats", in, "--input", "1x1x4", "--format", "json", "--quiet");
        InProcessRun read = InProcessRun.of("stats", kept.toString(), "--format", "json", "--quiet");
        assertEquals(0, read.exit(), read.err());
        Map<String, Object> a = MiniJson.object(MiniJson.parse(raw.out()));
        Map<String, Object> b = MiniJson.object(MiniJson.parse(read.out()));
        assertEquals(null, b.get("scored_with"));
        for (String c : List.of("macs", "flops", "params", "weight_bytes", "act_peak_bytes", "act_total_bytes", "rf", "rf_stride", "acc")) {
            assertEquals(column(a, c), column(b, c), c);
        }
    }

    @Test
    void stdinAndGzipInputsGiveTheSameNumbersAsAPlainFile() throws IOException {
        String plain = file(CSV);
        Path gz = tmp.resolve("in.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String expected = InProcessRun.of("stats", plain, "--input", "1x1x4", "--format", "csv", "--quiet").out();
        assertTrue(expected.contains("\nmacs,integer,5,0,20,"), expected);
        assertEquals(expected, InProcessRun.of("stats", gz.toString(), "--input", "1x1x4", "--format", "csv", "--quiet").out());
        FilterCommandTest.Cli stdin = FilterCommandTest.Cli.run(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8), "stats", "-",
                "--input", "1x1x4", "--format", "csv", "--quiet");
        assertEquals(0, stdin.code(), stdin.err());
        assertEquals(expected, stdin.out());
    }

    @Test
    void oneReaderAndByteRangesOnTwoThreadsGiveTheSameNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("id,arch,acc\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append(i).append(",fc_c").append(1 + i % 97).append(",0.").append(5000 + i % 3001).append('\n');
        }
        String in = file(csv.toString());
        String one = InProcessRun.of("stats", in, "--input", "1x1x4", "--format", "json", "--threads", "1", "--quiet").out();
        String two = InProcessRun.of("stats", in, "--input", "1x1x4", "--format", "json", "--threads", "2", "--quiet").out();
        assertTrue(one.contains("\"rows\": 3000"), one);
        // the byte ranges make only the cells the statistics read into Strings (acc here, not arch)
        assertTrue(two.contains("\"acc\""), two);
        assertEquals(one, two);
    }

    @Test
    void textNamesTheExactnessAndTheCorrelations() throws IOException {
        InProcessRun r = InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--columns", "macs,params,acc", "--quiet");
        assertTrue(r.out().contains("quantiles: nearest rank"), r.out());
        assertTrue(r.out().contains("exact for macs, params, acc"), r.out());
        assertTrue(r.out().contains("Spearman rank correlation, all 5 rows"), r.out());
        // params = 5/4 macs: rank correlation 1
        assertTrue(r.out().matches("(?s).*\\nmacs +1\\.00 +1\\.00 .*"), r.out());
    }

    @Test
    void anInputWithNeitherArchitecturesNorMetricsIsAnError() throws IOException {
        InProcessRun r = InProcessRun.of("stats", file("id,acc\n1,0.5\n"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("neither an 'arch' column to score nor metric columns"), r.err());
        InProcessRun unknown = InProcessRun.of("stats", file(CSV), "--columns", "macs,nope", "--quiet");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown column 'nope'"), unknown.err());
    }

    @Test
    void outputToAFileIsWrittenWholeAndAFailedRunLeavesTheOldFile() throws IOException {
        Path out = tmp.resolve("stats.json");
        Files.writeString(out, "previous");
        assertEquals(2, InProcessRun.of("stats", file("id,acc\n1,0.5\n"), "-o", out.toString()).exit());
        assertEquals("previous", Files.readString(out));
        assertEquals(0, InProcessRun.of("stats", file(CSV), "--input", "1x1x4", "--format", "json", "-o", out.toString(), "--quiet").exit());
        assertEquals(5L, MiniJson.object(MiniJson.parse(Files.readString(out))).get("rows"));
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file left");
        }
    }

    @Test
    void anOutputInAMissingDirectoryIsAnIoErrorBeforeTheInputIsRead() throws IOException {
        InProcessRun r = InProcessRun.of("stats", file(CSV), "-o", tmp.resolve("nowhere/stats.txt").toString(), "--quiet");
        assertEquals(ExitCode.IO, r.exit(), r.err());
        assertTrue(r.err().contains("No such directory"), r.err());
        InProcessRun same = InProcessRun.of("stats", file(CSV), "-o", tmp.resolve("in.csv").toString(), "--quiet");
        assertEquals(ExitCode.USAGE, same.exit(), same.err());
        assertEquals(CSV, Files.readString(tmp.resolve("in.csv")), "the input is left as it was");
    }

    @Test
    void filterWritesTheParetoFrontAndSaysHowManyRowsItHas() throws IOException {
        String in = file(CSV);
        Path out = tmp.resolve("front.csv");
        FilterCommandTest.Cli r = FilterCommandTest.Cli.run("filter", in, "-o", out.toString(), "--input", "1x1x4",
                "--pareto", "macs:min,acc:max");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("1,fc_c10,0.70,40,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("4,"), lines.get(3));
        assertTrue(lines.get(4).startsWith("5,"), lines.get(4));
        assertTrue(r.err().contains("selected: Pareto front (macs:min, acc:max) of the 5 kept rows: 4 rows"), r.err());
    }

    @Test
    void filterWritesTheTopKBestFirst() throws IOException {
        Path out = tmp.resolve("top.csv");
        FilterCommandTest.Cli r = FilterCommandTest.Cli.run("filter", file(CSV), "-o", out.toString(), "--input", "1x1x4",
                "--top", "2", "--by", "acc:max", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("3,") && lines.get(2).startsWith("1,"), String.join("\n", lines));
    }

    @Test
    void filterRefusesSelectionsThatCannotWork() throws IOException {
        String in = file(CSV);
        for (String[] args : new String[][] {{"--pareto", "macs:min,acc:max", "--all"}, {"--by", "acc:max"}, {"--top", "0", "--by", "macs"},
            {"--pareto", "macs:min,acc"}, {"--top", "3"}}) {
            String[] all = new String[args.length + 5];
            System.arraycopy(new String[] {"filter", in, "-o", tmp.resolve("x.csv").toString(), "--quiet"}, 0, all, 0, 5);
            System.arraycopy(args, 0, all, 5, args.length);
            FilterCommandTest.Cli r = FilterCommandTest.Cli.run(all);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("archmeter: "), r.err());
        }
    }
}
