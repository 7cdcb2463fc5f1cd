package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.ByteRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The byte-range reader against Commons CSV over the whole file (the single reader's
 * {@link CsvChunkReader}, fed by the command line's UTF-8 decoder): the same rows, cells, start
 * lines and errors, range by range, for seeded files of mostly simple rows (the fast path) with
 * every kind of row that leaves it (quotes, lone CR, bytes above 127, a byte-order mark) at random
 * places, blank lines, CRLF, a last row without a line end, rows of the wrong width and rows too
 * long; cut into blocks and chunks of many sizes. A failing case prints its input.
 */
class RangeRowReaderTest {
    private static final String[] HEADER = {"id", "arch", "acc"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
    void everyRangeReadsWhatOneCommonsCsvReaderReads(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        // a third of the files have rows that leave the fast path often, the others rarely; a fifth have a row of the wrong width
        int leaveOneIn = seed % 3 == 0 ? 8 : 400;
        byte[] file = randomFile(r, 1 + r.nextInt(400), leaveOneIn, seed % 5 == 0);
        Result expected = oneReader(file, 400);
        for (long block : new long[] {7, 64, 300, 4096, file.length + 1L}) {
            for (int chunkRows : new int[] {1, 5, 1000}) {
                for (int buffer : new int[] {1, 16, 1 << 18}) {
                    Result actual = ranges(file, block, chunkRows, 400, buffer);
                    if (!expected.equals(actual)) {
                        fail("seed " + seed + ", blocks of " + block + ", chunks of " + chunkRows + " rows, buffer " + buffer
                                + "\nexpected " + expected + "\nactual   " + actual + "\ninput:\n" + visible(file));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(strings = {"simple", "quoted", "utf8"})
    void aRowTooLongStopsTheReadOnTheLineOneReaderNames(String kind) throws IOException {
        String body = "1,relu,0.5\n2,gap,0.7\n";
        String cell = "x".repeat(200_000);
        String longRow = switch (kind) {
            case "quoted" -> "3,\"" + cell + "\",0.1\n";
            case "utf8" -> "3,\u00e9" + cell + ",0.1\n";
            default -> "3," + cell + ",0.1\n";
        };
        byte[] file = ("id,arch,acc\n" + body + "\n" + longRow + "4,relu,0.9\n").getBytes(StandardCharsets.UTF_8);
        Result expected = oneReader(file, 1000);
        assertTrue(expected.error != null && expected.error.contains("a row longer than 1,000 characters"), expected.toString());
        for (long block : new long[] {16, 1 << 20}) {
            for (int buffer : new int[] {16, 1 << 18}) {
                assertEquals(expected, ranges(file, block, 100, 1000, buffer), "blocks of " + block + ", buffer " + buffer);
            }
        }
    }

    @Test
    void aFileOfSimpleRowsIsReadWithoutStringsUntilARowNeedsThem() throws IOException {
        byte[] file = "id,arch,acc\n1,conv_k3 relu,0.5\r\n\n2,gap,0.7\n3,\"fc\",0.1\n4,relu,0.2".getBytes(StandardCharsets.US_ASCII);
        ByteRange all = new ByteRange(0, 0, file.length, 0);
        try (RangeRowReader reader = new RangeRowReader(source(file), all, HEADER, 1000)) {
            Chunk chunk = new Chunk(100, 1 << 20);
            assertTrue(reader.fill(chunk), "stops before the quoted row, which Commons CSV reads");
            assertEquals(2, chunk.size);
            assertTrue(chunk.ascii != null && chunk.rows[0] == null && chunk.rows[1] == null, "rows kept as bytes");
            assertEquals(List.of("2", "gap", "0.7"), List.of(chunk.cells(1)));
            assertEquals(List.of(2L, 4L), List.of(chunk.startLine(0), chunk.startLine(1)), "CRLF once, the blank line counted");
            chunk.clear();
            assertEquals(false, reader.fill(chunk));
            assertEquals(null, chunk.ascii);
            assertEquals(List.of("3", "fc", "0.1"), List.of(chunk.rows[0]));
            assertEquals(List.of(5L, 6L), List.of(chunk.startLine(0), chunk.startLine(1)));
        }
    }

    // ---- the two readers -----------------------------------------------------------------------

    /** Rows as "line:cell|cell|cell", then the error if the read failed. */
    private record Result(List<String> rows, String error) {
    }

    private static Result oneReader(byte[] file, int maxRowChars) throws IOException {
        List<String> rows = new ArrayList<>();
        Reader in = Utf8PassThrough.reader(new ByteArrayInputStream(file));
        CsvChunkReader reader = new CsvChunkReader(in, maxRowChars);
        Chunk chunk = new Chunk(64, 1 << 20);
        try {
            reader.readHeader();
            boolean more = true;
            while (more) {
                more = reader.fill(chunk);
                collect(chunk, rows);
            }
        } catch (MalformedCsvException e) {
            collect(chunk, rows);
            return new Result(rows, e.getMessage());
        }
        return new Result(rows, null);
    }

    private static Result ranges(byte[] file, long block, int chunkRows, int maxRowChars, int buffer) throws IOException {
        List<String> rows = new ArrayList<>();
        ByteSource src = source(file);
        if (file.length == 0) {
            return new Result(rows, null);
        }
        Chunk chunk = new Chunk(chunkRows, 1 << 20);
        for (ByteRange range : ByteRangeSplitter.splitAll(src, block)) {
            try (RangeRowReader reader = new RangeRowReader(src, range, HEADER, maxRowChars, buffer)) {
                boolean more = true;
                while (more) {
                    more = reader.fill(chunk);
                    collect(chunk, rows);
                }
            } catch (MalformedCsvException e) {
                collect(chunk, rows);
                return new Result(rows, e.getMessage());
            }
        }
        return new Result(rows, null);
    }

    private static void collect(Chunk chunk, List<String> rows) {
        for (int i = 0; i < chunk.size; i++) {
            rows.add(chunk.startLine(i) + ":" + String.join("|", chunk.cells(i)));
        }
        chunk.clear();
    }

    static ByteSource source(byte[] bytes) {
        return ShortReads.of(bytes, 3, 5);
    }

    // ---- random files ----------------------------------------------------------------------------

    /**
     * A header id,arch,acc and rows mostly simple; about one cell in {@code leaveOneIn} is of a kind
     * the fast path leaves to Commons CSV; with {@code badWidth}, one row in 60 has 2 or 4 fields.
     */
    static byte[] randomFile(SplittableRandom r, int rows, int leaveOneIn, boolean badWidth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(10) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        boolean crlf = r.nextInt(4) == 0;
        String eol = crlf ? "\r\n" : "\n";
        out.writeBytes(("id,arch,acc" + eol).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(15) == 0) {
                out.writeBytes((r.nextBoolean() ? "\n" : "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            int fields = badWidth && r.nextInt(60) == 0 ? 2 + 2 * r.nextInt(2) : 3;
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    out.write(',');
                }
                out.writeBytes(r.nextInt(leaveOneIn) == 0 ? leaving(r) : cell(r, f));
            }
            if (i < rows - 1 || r.nextBoolean()) {
                out.writeBytes((r.nextInt(40) == 0 ? (crlf ? "\n" : "\r\n") : eol).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** A cell the fast path leaves to Commons CSV. */
    private static byte[] leaving(SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0: return "\"quoted, with comma\"".getBytes(StandardCharsets.US_ASCII);
            case 1: return "\"two\nlines\"".getBytes(StandardCharsets.US_ASCII);
            case 2: return "caf\u00e9".getBytes(StandardCharsets.UTF_8);
            case 3: return new byte[] {'x', (byte) 0xFF, 'y'};
            case 4: return "lone\rcr".getBytes(StandardCharsets.US_ASCII);
            default: return "a\"b".getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A simple cell: ASCII, no quote, no CR; some the CSV printer would quote (empty, leading space or '#', trailing space). */
    private static byte[] cell(SplittableRandom r, int field) {
        if (r.nextInt(100) == 0) {
            return "x".repeat(300 + r.nextInt(600)).getBytes(StandardCharsets.US_ASCII);
        }
        String[] simple = {"", " sp", "tr ", "#h", "!", "conv_k3_c16 bn relu gap fc_c10", "relu", "0.5", "\t", "12345", "a;b"};
        String s = simple[r.nextInt(simple.length)];
        return (field == 0 && r.nextInt(3) > 0 ? Integer.toString(r.nextInt(1000)) : s).getBytes(StandardCharsets.US_ASCII);
    }

    private static String visible(byte[] file) {
        String s = new String(file, StandardCharsets.ISO_8859_1);
        return s.length() > 4000 ? s.substring(0, 4000) + "…" : s.replace("\r", "\\r").replace("\n", "\\n\n");
    }

    @Test
    void theScanFindsEverySpecialByteAtEveryPosition() {
        byte[] specials = {',', '\n', '\r', '"', (byte) 0x80, (byte) 0xFF};
        for (byte special : specials) {
            for (int len = 1; len < 20; len++) {
                for (int at = 0; at < len; at++) {
                    byte[] b = new byte[len];
                    Arrays.fill(b, (byte) 'a');
                    b[at] = special;
                    assertEquals(at, RangeRowReader.nextSpecial(b, 0, len), "byte " + (special & 0xFF) + " at " + at + " of " + len);
                    assertEquals(len, RangeRowReader.nextSpecial(b, at + 1, len));
                }
            }
        }
        byte[] plain = "abcdefghijklmnopqrstuvwxyz 0123456789_-+#!\t".getBytes(StandardCharsets.US_ASCII);
        assertEquals(plain.length, RangeRowReader.nextSpecial(plain, 0, plain.length));
    }
}
