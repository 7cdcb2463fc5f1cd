package io.archmeter.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Byte ranges on any number of threads give what one reader gives: the same output and rejects,
 * byte for byte, the same counts and summary, the same rejects heard in the same order, the same
 * failures after the same rows; on files of valid and invalid rows with quoted multi-line cells.
 */
class ThreadCountIdentityTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8};
    private static final long[] BLOCKS = {512, 4096, 1 << 20};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyThreadCountAndBlockSizeWritesWhatOneReaderWrites(long seed) throws IOException {
        Path file = MixedCsv.write(dir.resolve("in.csv"), seed, 700);
        for (FilterSpec spec : specs()) {
            Run one = single(spec, file);
            assertTrue(one.stats.rejected() > 10 && one.stats.kept() > 10, "a file of every kind of row: " + one.stats);
            for (int threads : THREADS) {
                for (long block : BLOCKS) {
                    Run split = split(spec, file, threads, block);
                    String what = "seed " + seed + ", " + threads + " threads, blocks of " + block + " B, chunks of "
                            + spec.chunkSize() + " rows or " + spec.chunkChars() + " chars, all " + spec.all();
                    assertEquals(one.out, split.out, what);
                    assertEquals(one.rejects, split.rejects, what);
                    assertEquals(one.heard, split.heard, what);
                    assertEquals(summary(one.stats), summary(split.stats), what);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void rowsReadAsBytesWriteWhatOneReaderWrites(long seed) throws IOException {
        // mostly rows the workers read and write as bytes (kept rows copied, not printed), now and then one they
        // leave to Commons CSV for the rest of its range
        Path file = Files.writeString(dir.resolve("simple.csv"), MixedCsv.mostlySimple(seed, 1500, 300), StandardCharsets.UTF_8);
        for (FilterSpec spec : specs()) {
            Run one = single(spec, file);
            assertTrue(one.stats.rejected() > 10 && one.stats.kept() > 10, "a file of every kind of row: " + one.stats);
            for (int threads : new int[] {1, 2, 3}) {
                for (long block : new long[] {700, 8192, 1 << 20}) {
                    Run split = split(spec, file, threads, block);
                    String what = "seed " + seed + ", " + threads + " threads, blocks of " + block + " B, all " + spec.all();
                    assertEquals(one.out, split.out, what);
                    assertEquals(one.rejects, split.rejects, what);
                    assertEquals(one.heard, split.heard, what);
                    assertEquals(summary(one.stats), summary(split.stats), what);
                }
            }
        }
    }

    @Test
    void aSelectionTakesTheRowsReadAsBytesWithTheCellsCommonsCsvReads() throws IOException {
        // CRLF line ends (seed 21), blank lines, now and then a quoted cell: taken rows are those one reader takes, their
        // cells those Commons CSV reads at the same position, and the rows the selection writes at the end the same
        String text = MixedCsv.mostlySimple(21, 1200, 400);
        Path file = Files.writeString(dir.resolve("select.csv"), text, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVParser.parse(text,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(rec -> records.add(rec.toList()));
        }
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).chunkSize(16).build();
        Selection one = new Selection();
        Outputs o1 = new Outputs();
        FilterStats s1;
        try (CsvInput in = CsvInput.open(file.toString())) {
            s1 = new FilterPipeline(spec).listener(o1.listener()).keptRows(one).run(in.reader(), o1.out, o1.rejects);
        }
        assertTrue(one.taken.size() > 100 && s1.rejected() > 10, one.taken.size() + " taken, " + s1);
        for (String t : one.taken) {
            int seq = Integer.parseInt(t.substring(0, t.indexOf(' ')));
            assertEquals(String.join("\u0001", records.get(seq)), t.substring(t.indexOf(' ') + 1, t.lastIndexOf(' ')), "row " + seq);
        }
        for (int threads : new int[] {2, 3}) {
            for (long block : new long[] {700, 8192}) {
                Selection split = new Selection();
                Outputs o = new Outputs();
                FilterStats s;
                try (FileChannel ch = ByteSource.openChannel(file)) {
                    s = new FilterPipeline(spec).listener(o.listener()).keptRows(split).blockBytes(block)
                            .run(ByteSource.of(ch), threads, o.out, o.rejects);
                }
                String what = threads + " threads, blocks of " + block + " B";
                assertEquals(one.taken, split.taken, what);
                assertEquals(o1.out.toString(), o.out.toString(), what);
                assertEquals(o1.rejects.toString(), o.rejects.toString(), what);
                assertEquals(summary(s1), summary(s), what);
            }
        }
    }

    /** Takes every kept row but every seventh (a reject), and writes the first five it took when the input ends. */
    private static final class Selection implements KeptRows {
        final List<String> taken = new ArrayList<>();
        final List<String[]> firstCells = new ArrayList<>();
        final List<long[]> firstMetrics = new ArrayList<>();

        @Override
        public void start(String[] header) {
            assertEquals("id,arch,input,acc,note", String.join(",", header));
        }

        @Override
        public String take(long seq, String[] cells, long[] metrics, int offset) {
            if (seq % 7 == 0) {
                return "a seventh row";
            }
            taken.add(seq + " " + String.join("\u0001", cells) + " " + io.archmeter.engine.Metric.MACS.get(metrics, offset));
            if (firstCells.size() < 5) {
                firstCells.add(cells);
                firstMetrics.add(java.util.Arrays.copyOfRange(metrics, offset, offset + io.archmeter.engine.MetricRecord.LENGTH));
            }
            return null;
        }

        @Override
        public void finish(RowWriter out) throws IOException {
            for (int i = 0; i < firstCells.size(); i++) {
                out.write(firstCells.get(i), firstMetrics.get(i), 0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mixed", "mostly simple"})
    void failFastStopsAtTheSameRowAfterTheSameOutput(String kind) throws IOException {
        Path file = kind.equals("mixed") ? MixedCsv.write(dir.resolve("in.csv"), 5, 500)
                : Files.writeString(dir.resolve("in.csv"), MixedCsv.mostlySimple(5, 500, 1000), StandardCharsets.UTF_8);
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).failFast(true).chunkSize(16).build();
        FailFastException expected = assertThrows(FailFastException.class, () -> single(spec, file));
        assertTrue(expected.line() > 3, "a rejected row after some kept ones: line " + expected.line());
        for (int threads : THREADS) {
            Outputs o = new Outputs();
            FailFastException e = assertThrows(FailFastException.class, () -> split(spec, file, threads, 512, o));
            assertEquals(List.of(expected.line(), expected.reason(), summary(expected.stats())),
                    List.of(e.line(), e.reason(), summary(e.stats())), threads + " threads");
            Outputs one = new Outputs();
            assertThrows(FailFastException.class, () -> single(spec, file, one));
            assertEquals(one.out.toString(), o.out.toString());
            assertEquals(one.rejects.toString(), o.rejects.toString());
        }
    }

    @Test
    void aMalformedRowFailsWithTheSameMessageAfterTheSameRows() throws IOException {
        String text = MixedCsv.text(6, 400);
        int cut = text.indexOf("\n", text.length() / 2) + 1;
        String bad = text.substring(0, cut) + "9999,relu,,0.5,x,EXTRA\n" + text.substring(cut);
        Path file = Files.writeString(dir.resolve("bad.csv"), bad, StandardCharsets.UTF_8);
        FilterSpec spec = FilterSpec.builder().chunkSize(16).build();
        Outputs one = new Outputs();
        MalformedCsvException expected = assertThrows(MalformedCsvException.class, () -> single(spec, file, one));
        for (int threads : THREADS) {
            Outputs o = new Outputs();
            MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> split(spec, file, threads, 512, o));
            assertEquals(expected.getMessage(), e.getMessage(), threads + " threads");
            assertEquals(one.out.toString(), o.out.toString(), threads + " threads");
        }
        assertTrue(expected.getMessage().contains("6 fields, but the header has 5"), expected.getMessage());
    }

    @Test
    void aRowLongerThanTheLimitFailsWithTheSameMessageAfterTheSameRows() throws IOException {
        String text = MixedCsv.text(7, 400);
        int cut = text.indexOf("\n", text.length() / 2) + 1;
        String bad = text.substring(0, cut) + "9999,relu,,0.5," + "x".repeat(200_000) + "\n" + text.substring(cut);
        Path file = Files.writeString(dir.resolve("long.csv"), bad, StandardCharsets.UTF_8);
        FilterSpec spec = FilterSpec.builder().maxRowChars(1000).chunkSize(16).build();
        Outputs one = new Outputs();
        MalformedCsvException expected = assertThrows(MalformedCsvException.class, () -> single(spec, file, one));
        assertTrue(expected.getMessage().contains("a row longer than 1,000 characters"), expected.getMessage());
        for (int threads : new int[] {2, 4}) {
            Outputs o = new Outputs();
            MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> split(spec, file, threads, 4096, o));
            assertEquals(expected.getMessage(), e.getMessage(), threads + " threads");
            assertEquals(one.out.toString(), o.out.toString(), threads + " threads");
        }
    }

    @Test
    void aFeffCharacterStartingARangeAndBytesThatAreNotUtf8AreKeptAsByOneReader() throws IOException {
        // U+FEFF before the ids ending in 0 or 7 (only the file's first one is a byte-order mark: further on it is data,
        // also where a row starts a range), and a lone 0xFF byte and a cut 2-byte sequence after the ids ending in 5 or 0
        String text = MixedCsv.text(8, 600).replaceAll("(?m)^(\\d*[05]),", "$1\u0001,");
        text = java.util.regex.Pattern.compile("(?m)^(\\d*[07]),").matcher(text).replaceAll(m -> "\uFEFF" + m.group(1) + ",");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (byte b : utf8) {
            if (b == 1) {
                bytes.write(0xFF);
                bytes.write(0xC3);
            } else {
                bytes.write(b);
            }
        }
        Path file = Files.write(dir.resolve("bytes.csv"), bytes.toByteArray());
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).chunkSize(16).build();
        Run one = single(spec, file);
        assertTrue(one.out.contains("\uFEFF") && one.out.contains("\uDCFF"), "U+FEFF and the escaped 0xFF byte pass through");
        for (int threads : new int[] {2, 3}) {
            for (long block : new long[] {97, 512}) {
                Run split = split(spec, file, threads, block);
                assertEquals(one.out, split.out, threads + " threads, blocks of " + block);
                assertEquals(one.rejects, split.rejects, threads + " threads, blocks of " + block);
            }
        }
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileBehaveAsWithOneReader() throws IOException {
        FilterSpec spec = FilterSpec.builder().build();
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        MalformedCsvException e1 = assertThrows(MalformedCsvException.class, () -> single(spec, empty));
        MalformedCsvException e2 = assertThrows(MalformedCsvException.class, () -> split(spec, empty, 2, 512));
        assertEquals(e1.getMessage(), e2.getMessage());
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), "id,arch\n");
        assertEquals(single(spec, headerOnly).out, split(spec, headerOnly, 2, 1).out);
    }

    // ---- runs -----------------------------------------------------------------------------

    private static List<FilterSpec> specs() {
        return List.of(
                FilterSpec.builder().constraint(Constraint.max("macs=300M")).constraint(Constraint.min("acc=0.6"))
                        .chunkSize(7).build(),
                FilterSpec.builder().constraint(Constraint.max("act_peak_bytes=2MiB")).all(true).chunkSize(100).build(),
                // chunks ended by characters and candidates scored in batches of few layers: the same rows out
                FilterSpec.builder().constraint(Constraint.max("params=2M")).chunkChars(3000).batchLayers(50).build());
    }

    private record Run(String out, String rejects, List<String> heard, FilterStats stats) {
    }

    private static final class Outputs {
        final StringWriter out = new StringWriter();
        final StringWriter rejects = new StringWriter();
        final List<String> heard = new ArrayList<>();

        FilterListener listener() {
            return new FilterListener() {
                @Override
                public void rejected(long line, String reason) {
                    heard.add(line + ": " + reason);
                }

                @Override
                public void progress(FilterStats soFar) {
                    // once per chunk written: chunks end at range ends too, so progress comes at other rows
                }
            };
        }
    }

    private static Run single(FilterSpec spec, Path file) throws IOException {
        Outputs o = new Outputs();
        FilterStats s = single(spec, file, o);
        return new Run(o.out.toString(), o.rejects.toString(), o.heard, s);
    }

    /** One reader, through the command line's input path (BOM dropped, invalid UTF-8 kept). */
    private static FilterStats single(FilterSpec spec, Path file, Outputs o) throws IOException {
        try (CsvInput in = CsvInput.open(file.toString())) {
            return new FilterPipeline(spec).listener(o.listener()).run(in.reader(), o.out, o.rejects);
        }
    }

    private static Run split(FilterSpec spec, Path file, int threads, long block) throws IOException {
        Outputs o = new Outputs();
        FilterStats s = split(spec, file, threads, block, o);
        return new Run(o.out.toString(), o.rejects.toString(), o.heard, s);
    }

    private static FilterStats split(FilterSpec spec, Path file, int threads, long block, Outputs o) throws IOException {
        try (FileChannel ch = ByteSource.openChannel(file)) {
            return new FilterPipeline(spec).listener(o.listener()).blockBytes(block).run(ByteSource.of(ch), threads, o.out, o.rejects);
        }
    }

    /** The summary the command prints, with the time and bytes left out (they are of the run, not of the rows). */
    private static String summary(FilterStats s) {
        FilterStats counts = new FilterStats(s.rowsRead(), s.kept(), s.filteredOut(), s.rejected(), s.constraints(), s.removedBy(),
                -1, 1_000_000_000L);
        String text = ConsoleReporter.summaryText(counts, false, "R");
        if (!text.contains("rows read")) {
            fail(text);
        }
        return text;
    }
}
