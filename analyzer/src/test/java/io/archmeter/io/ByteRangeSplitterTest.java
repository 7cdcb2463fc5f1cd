package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.BlockSummary;
import io.archmeter.io.ByteRangeSplitter.ByteRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The splitter against Commons CSV itself as the oracle: parsing each range with a fresh parser
 * must give the records (values and line numbers) of one parser over the whole file, for seeded
 * random files with quoted line breaks, doubled quotes, literal quotes, CRLF, lone CR, a BOM,
 * empty lines and multi-byte characters, cut into blocks of every size from 1 byte up.
 */
class ByteRangeSplitterTest {
    /** The reader's format, spelled out here rather than taken from the code under test. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrailingData(true).get();
    private static final int BOM_BYTES = 3;

    @Test
    void theJavadocExampleSplitsAfterTheQuotedLineBreakNotInsideIt() throws IOException {
        String csv = "id,arch\n1,\"conv_k3\nbn\"\n2,relu\n3,gap\n";
        byte[] bytes = csv.getBytes(StandardCharsets.US_ASCII);
        // blocks of 10 bytes: the cuts at 10, 20, 30 move to the line starts 19 (inside the quotes), 23 and 30,
        // so the block [19, 23) joins the range before it; 3 line breaks precede byte 23, 4 byte 30
        List<ByteRange> ranges = ByteRangeSplitter.splitAll(source(bytes), 10);
        assertEquals(List.of(new ByteRange(0, 0, 23, 0), new ByteRange(1, 23, 30, 3), new ByteRange(2, 30, 36, 4)), ranges);
        assertEquals("id,arch\n1,\"conv_k3\nbn\"\n", csv.substring(0, 23));
    }

    @Test
    void aLineStartIsTheOffsetAfterAnLineFeed() throws IOException {
        ByteSource s = source("ab\ncd\r\nef".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, ByteRangeSplitter.lineStart(s, 0));
        assertEquals(3, ByteRangeSplitter.lineStart(s, 1));
        assertEquals(3, ByteRangeSplitter.lineStart(s, 3));
        assertEquals(7, ByteRangeSplitter.lineStart(s, 4));
        assertEquals(9, ByteRangeSplitter.lineStart(s, 8));
    }

    @Test
    void aBlockSummaryCountsCrLfOnceAndLoneCrAndLfEachOnce() throws IOException {
        // CRLF, LF, CR, CRLF: 4 line breaks, as Commons CSV counts lines
        byte[] bytes = "a\r\nb\nc\rd\r\n".getBytes(StandardCharsets.US_ASCII);
        BlockSummary b = ByteRangeSplitter.summarize(source(bytes), 0, bytes.length);
        assertEquals(4, b.lineBreaks());
        assertEquals(false, b.quotedAtEndFromRecordStart());
        assertEquals(true, b.quotedAtEndFromQuoted());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsLiteralAndOpensNothing() throws IOException {
        // Commons CSV reads ab"c as the four characters; a quote opens a field only as its first character
        String csv = "x,y\nab\"c,1\n\"d\",2\n";
        byte[] bytes = csv.getBytes(StandardCharsets.US_ASCII);
        BlockSummary b = ByteRangeSplitter.summarize(source(bytes), 0, bytes.length);
        assertEquals(false, b.quotedAtEndFromRecordStart());
        assertEquals(List.of("x|y", "ab\"c|1", "d|2"), joined(wholeFile(bytes)));
        assertSplitsLikeOneParser(bytes, 1, "literal quote");
    }

    @Test
    void summariesComputedInAnyOrderGiveTheSameRanges() throws IOException {
        byte[] bytes = randomCsv(new SplittableRandom(7), 200).getBytes(StandardCharsets.UTF_8);
        ByteSource s = source(bytes);
        List<long[]> nominal = ByteRangeSplitter.nominalBlocks(bytes.length, 37);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nominal.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(3));
        BlockSummary[] summaries = new BlockSummary[nominal.size()];
        for (int i : order) {
            summaries[i] = ByteRangeSplitter.summarize(s, nominal.get(i)[0], nominal.get(i)[1]);
        }
        List<ByteRange> lazy = new ArrayList<>();
        ByteRangeSplitter.split(s, 37).forEachRemaining(lazy::add);
        assertEquals(ByteRangeSplitter.ranges(List.of(summaries)), lazy);
        assertEquals(ByteRangeSplitter.splitAll(s, 37), lazy);
        assertTrue(lazy.size() > 10, "the file should be cut into many ranges, got " + lazy.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyRandomFileParsesRangeByRangeExactlyAsInOnePass(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String csv = randomCsv(random, 1 + random.nextInt(120));
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        for (long block : new long[] {1, 2, 3, 5, 8, 13, 64, 257, 4096, bytes.length + 1L}) {
            assertSplitsLikeOneParser(bytes, block, "seed " + seed + ", block " + block + ", input:\n" + visible(csv));
        }
    }

    @Test
    void taperedRangesShrinkTowardsTheEndOfTheFile() throws IOException {
        // 10,000 lines of 10 bytes: a line start every 10 bytes, so a block moves at most 9 bytes
        byte[] bytes = "123456789\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        List<ByteRange> equal = new ArrayList<>();
        ByteRangeSplitter.split(source(bytes), 4000, 1).forEachRemaining(equal::add);
        List<ByteRange> tapered = new ArrayList<>();
        ByteRangeSplitter.split(source(bytes), 4000, 4).forEachRemaining(tapered::add);
        // equal blocks: 25 ranges of 4,000 bytes; tapered: the same while 16,000 bytes or more are left (4 x 4,000)
        assertEquals(25, equal.size());
        assertEquals(4000, equal.get(equal.size() - 1).length());
        assertEquals(equal.subList(0, 22), tapered.subList(0, 22));
        // then a quarter of what is left, at least an eighth of a block (500), cut at the next line start:
        // 88,000 + 12,000/4 = 91,000; + 9,000/4 = 93,250; + 6,750/4 = 94,937 -> 94,940; + 5,063/4 = 96,202 -> 96,210;
        // + 3,798/4 = 97,151 -> 97,160; + 2,849/4 = 97,863 -> 97,870; + 2,137/4 = 98,397 -> 98,400; then 500 each
        // from 98,397: 98,900, 99,400, 99,900 (nominal 98,897, 99,397, 99,897), and the 100 bytes left
        assertEquals(List.of(3000L, 2250L, 1690L, 1270L, 950L, 710L, 530L, 500L, 500L, 500L, 100L),
                tapered.subList(22, tapered.size()).stream().map(ByteRange::length).toList());
    }

    @Test
    void aFileEndingInsideAQuotedFieldFailsInItsLastRangeAsInOnePass() throws IOException {
        byte[] bytes = "a,b\n1,2\n3,\"open\n4,5\n6,7\n".getBytes(StandardCharsets.US_ASCII);
        List<ByteRange> ranges = ByteRangeSplitter.splitAll(source(bytes), 4);
        ByteRange last = ranges.get(ranges.size() - 1);
        assertEquals(bytes.length, last.end());
        assertThrows(UncheckedIOException.class, () -> parse(bytes, last.start(), last.end()));
        assertThrows(UncheckedIOException.class, () -> wholeFile(bytes));
        for (ByteRange r : ranges.subList(0, ranges.size() - 1)) {
            parse(bytes, r.start(), r.end());
        }
    }

    @Test
    void aQuotedFirstHeaderCellAfterAByteOrderMarkOpensAQuotedField() throws IOException {
        // EF BB BF, then "i\nd": the BOM is dropped by the reader, so the quote opens a field and its line break is inside it
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "\"i\nd\",arch\n1,relu\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        BlockSummary first = ByteRangeSplitter.summarize(source(bytes), 0, 6);
        assertEquals(0, first.start());
        assertEquals(true, first.quotedAtEndFromRecordStart(), "the block [0, 6) ends inside the quoted \"i\\nd\"");
        assertEquals(List.of("i\nd|arch", "1|relu"), joined(wholeFile(bytes)));
        for (long block = 1; block <= bytes.length; block++) {
            assertSplitsLikeOneParser(bytes, block, "BOM and quoted header, block " + block);
        }
    }

    @Test
    void anEmptyFileHasNoRanges() throws IOException {
        assertEquals(List.of(), ByteRangeSplitter.splitAll(source(new byte[0]), 8));
        Iterator<ByteRange> it = ByteRangeSplitter.split(source(new byte[0]), 8);
        assertEquals(false, it.hasNext());
    }

    // ---- the oracle -----------------------------------------------------------------------

    private static void assertSplitsLikeOneParser(byte[] bytes, long block, String what) throws IOException {
        assertRangesLikeOneParser(bytes, ByteRangeSplitter.splitAll(source(bytes), block), what);
        for (int parts : new int[] {2, 3, 4}) {
            List<ByteRange> tapered = new ArrayList<>();
            ByteRangeSplitter.split(source(bytes), block, parts).forEachRemaining(tapered::add);
            assertRangesLikeOneParser(bytes, tapered, what + ", tapered for " + parts);
        }
    }

    private static void assertRangesLikeOneParser(byte[] bytes, List<ByteRange> ranges, String what) throws IOException {
        List<Rec> expected = wholeFile(bytes);
        List<Rec> actual = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange r = ranges.get(i);
            if (r.start() != at || r.index() != i) {
                fail("ranges do not tile the file at " + r + " (" + what + ")");
            }
            at = r.end();
            for (Rec rec : parse(bytes, r.start(), r.end())) {
                actual.add(new Rec(rec.values, rec.line + r.linesBefore()));
            }
        }
        if (bytes.length > 0 && at != bytes.length) {
            fail("ranges end at " + at + " of " + bytes.length + " (" + what + ")");
        }
        if (!expected.equals(actual)) {
            fail("range-by-range records differ from one pass (" + what + ")\nexpected " + expected + "\nactual   " + actual);
        }
    }

    private record Rec(List<String> values, long line) {
    }

    private static List<Rec> wholeFile(byte[] bytes) throws IOException {
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Records of bytes [start, end) with the line (Commons CSV's count) each ends on, relative to the
     * range; a byte-order mark at the file's start is dropped first, as the filter's reader drops it.
     */
    private static List<Rec> parse(byte[] bytes, long start, long end) throws IOException {
        if (start == 0 && end >= BOM_BYTES && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = BOM_BYTES;
        }
        InputStream in = new ByteArrayInputStream(bytes, (int) start, (int) (end - start));
        List<Rec> recs = new ArrayList<>();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser p = FORMAT.parse(r)) {
            for (CSVRecord rec : p) {
                recs.add(new Rec(rec.toList(), p.getCurrentLineNumber()));
            }
        }
        return recs;
    }

    private static List<String> joined(List<Rec> recs) {
        List<String> out = new ArrayList<>();
        recs.forEach(r -> out.add(String.join("|", r.values)));
        return out;
    }

    private static ByteSource source(byte[] bytes) {
        return ShortReads.of(bytes, 5, 7);
    }

    // ---- random files -----------------------------------------------------------------------

    /** A valid RFC 4180 file: a header of 3 columns and rows of 3 fields, with every awkward case. */
    static String randomCsv(SplittableRandom r, int rows) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        String eol = r.nextBoolean() ? "\n" : "\r\n";
        // after a BOM, a quoted first header cell is still quoted (the reader drops the BOM)
        sb.append(r.nextBoolean() ? "id" : "\"id\"").append(",arch,note").append(eol);
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(8) == 0) {
                sb.append(r.nextBoolean() ? eol : "\n");
            }
            sb.append(field(r)).append(',').append(field(r)).append(',').append(field(r));
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(r.nextInt(10) == 0 ? "\r" : eol);
            }
        }
        return sb.toString();
    }

    private static String field(SplittableRandom r) {
        String[] plain = {"", "conv_k3", "relu", "x\"y", "ab\"\"c", "é∑", "1.5", " sp ", "\uD83D\uDE00"};
        String[] quoted = {"\"\"", "\"a,b\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"lone\rcr\"", "\"say \"\"hi\"\"\"",
            "\"\"\"\"", "\"x\n\n\ny\"", "\"\n\"", "\"a\"\"\nb,\"\"c\"", "\"1,\"\"2\"\"\n3,4\n\"",
            // characters after the closing quote stay in the value (trailing data), a quote among them included
            "\"a\" ", "\"q\nr\"s\"t", "\"u\"\"\"v"};
        return r.nextInt(3) == 0 ? quoted[r.nextInt(quoted.length)] : plain[r.nextInt(plain.length)];
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n\n");
    }
}
