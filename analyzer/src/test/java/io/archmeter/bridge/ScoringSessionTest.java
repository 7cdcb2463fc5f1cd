package io.archmeter.bridge;

import io.archmeter.gen.CandidateGenerator;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.model.InputShape;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the scoring session Python calls")
class ScoringSessionTest {
    /** A small net whose numbers are checked by hand below. */
    static final String SMALL = "conv_k3_s2_c16 bn relu gap fc_c10";
    static final String NB201_ALL_CONV =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    static ScoringSession session() {
        return ScoringSession.create("multiply", false, "fp32", "fp32", 10);
    }

    static int column(String name) {
        return Arrays.asList(ScoringSession.columnNames()).indexOf(name);
    }

    @Test
    void scoresOneCandidateIntoTheBoundBufferWithTheNumbersWorkedByHand() {
        ScoringSession s = session();
        ByteBuffer out = ByteBuffer.allocateDirect(Columns.COUNT * 8).order(ByteOrder.nativeOrder());
        s.bind(out);
        assertEquals(RowStatus.OK, s.score(SMALL, 32, 32, 3));
        // conv 3x3/2 on 32x32x3 -> 16x16x16: MACs 3*3*3 * 16*16*16; fc 16 -> 10: 160
        assertEquals(3 * 3 * 3 * 16 * 16 * 16 + 160, out.getLong(8 * column("macs")));
        // multiply convention: one more per biased output, 16*16*16 + 10
        assertEquals(110_752 + 4096 + 10, out.getLong(8 * column("flops")));
        // (27 + 1)*16 conv, 2*16 bn, (16 + 1)*10 fc
        assertEquals(448 + 32 + 170, out.getLong(8 * column("params")));
        assertEquals(650 * 4, out.getLong(8 * column("weight_bytes")));
        // peak: the input 32*32*3 and the conv output 16*16*16, fp32
        assertEquals((3072 + 4096) * 4, out.getLong(8 * column("act_peak_bytes")));
        // total: conv 4096 + gap 16 + fc 10 outputs
        assertEquals((4096 + 16 + 10) * 4, out.getLong(8 * column("act_total_bytes")));
        assertEquals(3, out.getLong(8 * column("rf")));
        assertEquals(2, out.getLong(8 * column("rf_stride")));
        assertEquals(1, out.getLong(8 * column("rf_pad_h")));
        assertEquals(10, out.getLong(8 * column("out_c")));
        assertEquals(0, out.getLong(8 * column("rf_unaligned")));
        assertEquals(s.value(column("macs")), out.getLong(8 * column("macs")));
        assertEquals("32x32x3", s.lastInput());
        assertNull(s.reason());
    }

    @Test
    void givesEachNotationItsOwnDefaultInput() {
        ScoringSession s = session();
        // NAS-Bench-201's published all-3x3 network: 220,119,690 FLOPs, 1,531,546 params on CIFAR's 32x32x3
        assertEquals(RowStatus.OK, s.score(NB201_ALL_CONV, 0, 0, 0));
        assertEquals("32x32x3", s.lastInput());
        assertEquals(220_119_690L, s.value(column("flops")));
        assertEquals(1_531_546L, s.value(column("params")));
        assertEquals(RowStatus.OK, s.score("8:16:32:48:64", 0, 0, 0));
        assertEquals("32x32x3", s.lastInput());
        assertEquals(RowStatus.OK, s.score("conv_k3_c4 relu", 0, 0, 0));
        assertEquals("224x224x3", s.lastInput());
        assertEquals(9L * 3 * 224 * 224 * 4, s.value(column("macs")));
    }

    @Test
    void reportsAnInvalidCandidateAsAStatusAndTheRejectsWords() {
        ScoringSession s = session();
        assertEquals(RowStatus.SYNTAX, s.score("conv_k3_z2", 32, 32, 3));
        assertTrue(s.reason().startsWith("syntax: token 1 'conv_k3_z2': unknown key 'z'"), s.reason());
        assertEquals(RowStatus.SHAPES, s.score("conv_k5_p0_c8", 4, 4, 3));
        assertTrue(s.reason().startsWith("invalid shapes: layer 1 (conv): output size 0x0"), s.reason());
        assertEquals(RowStatus.INPUT, s.score("conv_k3", 0, 5, 3));
        assertEquals("input: '0x5x3' is not HxWxC with every dimension at least 1 (e.g. 224x224x3)", s.reason());
        assertEquals(RowStatus.INPUT, s.score("conv_k3", 3, 32, 32));
        assertEquals("input: '3x32x32' is read as HxWxC (height x width x channels), not PyTorch's CxHxW; did you mean 32x32x3?",
                s.reason());
        IllegalArgumentException cf = assertThrows(IllegalArgumentException.class, () -> ScoringSession.parseInput("1x28x28"));
        assertTrue(cf.getMessage().endsWith("did you mean 28x28x1?"), cf.getMessage());
        assertEquals("syntax", ScoringSession.kind(RowStatus.SYNTAX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoringSession.parseInput("32x32"));
        assertEquals("input: '32x32' is not HxWxC with every dimension at least 1 (e.g. 224x224x3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoringSession.create("fast", false, "fp32", "fp32", 10));
        assertThrows(IllegalArgumentException.class, () -> ScoringSession.create("multiply", false, "fp32", "fp32", -1));
        // 0: each search space's own classifier (RegNet's 1000, NAS-Bench's 10)
        ScoringSession own = ScoringSession.create("multiply", false, "fp32", "fp32", 0);
        assertEquals(0, own.cellClasses());
    }

    /** Rows of every kind: chains, graphs, blocks, NB-201, size strings, syntax, shape and input errors. */
    static List<String> mixedRows(int generated) {
        List<String> rows = new ArrayList<>(List.of(SMALL, "conv_k3_z2", "conv_k300_p0_c8", NB201_ALL_CONV, "8:16:32:48:64",
                "( conv_k3_c3 bn relu | )add gap fc_c10", "ir_k3_s2_e6_c24 ir_k5_e6_c24_sei0.25 gap fc_c10", "", "   ",
                "conv_k3 )add", "conv_k3\u001b[31m relu", "conv_" + "k".repeat(3000), "conv_k3_c8 r\u00e9lu \u202e"));
        CandidateGenerator g = new CandidateGenerator(7);
        for (int i = 0; i < generated; i++) {
            rows.add(i % 3 == 0 ? g.nextBlocks(4) : g.next(20));
            if (i % 97 == 0) {
                rows.add("conv_k3_c8 maxpool_k300");
            }
        }
        return rows;
    }

    /** Every batch path against scoring the rows one by one: the same columns, statuses and reasons. */
    @ParameterizedTest(name = "{0} generated rows")
    @ValueSource(ints = {0, 5_000})
    void scoresABatchOfStringsOrPackedBytesExactlyAsOneByOne(int generated) {
        List<String> rows = mixedRows(generated);
        String[] archs = rows.toArray(new String[0]);
        int n = archs.length;
        String[] table = {null, "16x16x3", "2x2x3", "nonsense"};
        ByteBuffer index = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            index.putInt(4 * i, i == 4 ? 3 : i % 7 == 0 ? i / 7 % 4 : 0);
        }
        Batch strings = new Batch(n);
        boolean[] kinds = new boolean[RowStatus.BUILD + 1];
        ScoringSession s = session();
        int invalid = s.scoreStrings(archs, table, index, strings.out, strings.status, 0, n);
        String[] reasons = s.reasons();
        assertEquals(invalid, reasons.length);
        Batch packed = new Batch(n);
        byte[] text = String.join("", rows).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocateDirect(text.length).put(text);
        ByteBuffer ends = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
        for (int i = 0, e = 0; i < n; i++) {
            e += archs[i].length();
            ends.putInt(4 * i, e);
        }
        assertEquals(invalid, session().scorePacked(bytes, ends, n, table, index, packed.out, packed.status, 0, n));
        Batch lines = new Batch(n);
        byte[] joined = String.join("\n", rows).getBytes(StandardCharsets.US_ASCII);
        ScoringSession l = session();
        assertEquals(invalid, l.scoreLines(ByteBuffer.allocateDirect(joined.length).put(joined), n, table, index, lines.out,
                lines.status, 0, n));
        String[] lineReasons = l.reasons();
        ScoringSession one = session();
        int bad = 0;
        for (int i = 0; i < n; i++) {
            String spec = table[index.getInt(4 * i)];
            int[] hwc = spec == null ? new int[3] : spec.equals("nonsense") ? null : ScoringSession.parseInput(spec);
            int st = hwc == null ? RowStatus.INPUT : one.score(archs[i], hwc[0], hwc[1], hwc[2]);
            assertEquals(st, strings.status.get(i), "row " + i + ": " + archs[i]);
            assertEquals(st, packed.status.get(i), "row " + i);
            assertEquals(st, lines.status.get(i), "row " + i);
            kinds[st] = true;
            if (st != RowStatus.OK) {
                String why = hwc == null ? RowStatus.badInput("nonsense") : one.reason();
                if (archs[i].chars().allMatch(ch -> ch < 128)) {
                    // (a character above 127 was sent as '?')
                    assertEquals(why, lineReasons[bad], "row " + i);
                }
                assertEquals(why, reasons[bad++], "row " + i);
            }
            for (int k = 0; k < Columns.COUNT; k++) {
                long expected = st == RowStatus.OK ? one.value(k) : 0;
                assertEquals(expected, strings.get(k, i), "row " + i + " column " + Columns.name(k));
                assertEquals(expected, packed.get(k, i), "row " + i + " column " + Columns.name(k));
                assertEquals(expected, lines.get(k, i), "row " + i + " column " + Columns.name(k));
            }
        }
        assertTrue(kinds[RowStatus.OK] && kinds[RowStatus.SYNTAX] && kinds[RowStatus.SHAPES] && kinds[RowStatus.INPUT],
                "the rows are of every kind: " + Arrays.toString(kinds));
    }

    @Test
    void fillsALargeBatchChunkByChunkAsInOneCall() {
        String[] archs = mixedRows(3_000).toArray(new String[0]);
        int n = archs.length;
        Batch whole = new Batch(n);
        Batch chunks = new Batch(n);
        ScoringSession s = session();
        int invalid = s.scoreStrings(archs, null, null, whole.out, whole.status, 0, n);
        int half = n / 2;
        int a = s.scoreStrings(Arrays.copyOfRange(archs, 0, half), null, null, chunks.out, chunks.status, 0, n);
        int b = s.scoreStrings(Arrays.copyOfRange(archs, half, n), null, null, chunks.out, chunks.status, half, n);
        assertEquals(invalid, a + b);
        assertEquals(whole.out, chunks.out.rewind());
        assertEquals(whole.status, chunks.status);
        assertThrows(IllegalArgumentException.class, () -> s.scoreStrings(archs, null, null, whole.out, whole.status, 1, n));
        assertThrows(IllegalArgumentException.class,
                () -> s.scoreStrings(archs, null, null, ByteBuffer.allocate(8), whole.status, 0, n));
    }

    @Test
    void refusesPackedRowsWhoseEndsAreNotInTheText() {
        ScoringSession s = session();
        ByteBuffer text = ByteBuffer.allocateDirect(8).put("conv_k3 ".getBytes(StandardCharsets.US_ASCII));
        Batch b = new Batch(2);
        for (int[] bad : new int[][] {{4, 3}, {-1, 4}, {4, 9}}) {
            ByteBuffer ends = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            ends.asIntBuffer().put(bad);
            assertThrows(IllegalArgumentException.class, () -> s.scorePacked(text, ends, 2, null, null, b.out, b.status, 0, 2),
                    Arrays.toString(bad));
        }
        ByteBuffer ends = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        ends.asIntBuffer().put(new int[] {7, 8});      // "conv_k3" and " ": a blank row is an empty architecture
        assertEquals(1, s.scorePacked(text, ends, 2, new String[] {"8x8x3"}, null, b.out, b.status, 0, 2));
        assertEquals(9 * 3 * 64 * 3, b.get(column("macs"), 0));
        assertTrue(s.reasons()[0].startsWith("syntax: empty architecture"), s.reasons()[0]);
    }

    @Test
    void tellsRowsSentAsLinesApartAndRefusesABatchWhoseRowsHoldLineBreaks() {
        ScoringSession s = session();
        String[] table = {"8x8x3"};
        // one row, a blank row (an empty architecture) between two, and a line break at the text's end
        Batch b = new Batch(3);
        assertEquals(0, s.scoreLines(direct("conv_k3_c4"), 1, table, null, b.out, b.status, 0, 3));
        assertEquals(9 * 3 * 64 * 4, b.get(column("macs"), 0));
        assertEquals(1, s.scoreLines(direct("conv_k3_c4\n\nconv_k1_c2"), 3, table, null, b.out, b.status, 0, 3));
        assertEquals(List.of(9L * 3 * 64 * 4, 0L, 3L * 2 * 64), List.of(b.get(column("macs"), 0), b.get(column("macs"), 1),
                b.get(column("macs"), 2)));
        assertTrue(s.reasons()[0].startsWith("syntax: empty architecture"), s.reasons()[0]);
        assertEquals(1, s.scoreLines(direct("conv_k3_c4\nconv_k1_c2\n"), 3, table, null, b.out, b.status, 0, 3));
        assertEquals(RowStatus.SYNTAX, b.status.get(2));
        // more line breaks than rows: a row holds one; nothing is written
        Batch untouched = new Batch(3);
        untouched.out.putLong(0, 42);
        assertEquals(-1, s.scoreLines(direct("conv_k3_c4\nconv_k1_c2\nrelu"), 2, table, null, untouched.out, untouched.status, 0, 3));
        assertEquals(-1, s.scoreLines(direct("conv_k3_c4"), 2, table, null, untouched.out, untouched.status, 0, 3));
        assertEquals(-1, s.scoreLines(direct("conv_k3_c4"), 0, table, null, untouched.out, untouched.status, 0, 3));
        assertEquals(42, untouched.out.getLong(0));
        assertEquals(0, s.scoreLines(direct(""), 0, table, null, untouched.out, untouched.status, 0, 3));
        // a batch large enough to be split in parts, with line breaks at the parts' edges wherever they fall
        String[] rows = mixedRows(4_000).stream().filter(r -> r.chars().allMatch(ch -> ch < 128)).toArray(String[]::new);
        int n = rows.length;
        Batch strings = new Batch(n);
        Batch lines = new Batch(n);
        int invalid = s.scoreStrings(rows, table, null, strings.out, strings.status, 0, n);
        String[] reasons = s.reasons();
        assertEquals(invalid, s.scoreLines(direct(String.join("\n", rows)), n, table, null, lines.out, lines.status, 0, n));
        assertArrayEquals(reasons, s.reasons());
        assertEquals(strings.out, lines.out.rewind());
        assertEquals(strings.status, lines.status);
    }

    @Test
    void readsOnlyTheFirstLengthBytesOfAReusedTextBuffer() {
        ScoringSession s = session();
        String[] table = {"8x8x3"};
        Batch b = new Batch(2);
        // a buffer kept from a longer batch: the bytes after the length are that batch's, not rows of this one
        ByteBuffer kept = direct("conv_k3_c4\nconv_k1_c2\nconv_k5_c9\nrelu");
        assertEquals(0, s.scoreLines(kept, "conv_k3_c4\nconv_k1_c2".length(), 2, table, null, b.out, b.status, 0, 2));
        assertEquals(List.of(9L * 3 * 64 * 4, 3L * 2 * 64), List.of(b.get(column("macs"), 0), b.get(column("macs"), 1)));
        Batch one = new Batch(1);
        assertEquals(0, s.scoreLines(kept, "conv_k3_c4".length(), 1, table, null, one.out, one.status, 0, 1));
        assertEquals(9 * 3 * 64 * 4, one.get(column("macs"), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.scoreLines(kept, kept.limit() + 1, 4, table, null, b.out, b.status, 0, 2));
        assertTrue(e.getMessage().contains("holds " + kept.limit() + " bytes"), e.getMessage());
    }

    private static ByteBuffer direct(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(0, bytes);
    }

    @Test
    void givesEachRowTheSameVerdictAsTheFilterRejectsFile() throws IOException {
        List<String> rows = mixedRows(300);
        StringBuilder csv = new StringBuilder("arch\n");
        for (String r : rows) {
            csv.append('"').append(r.replace("\"", "\"\"")).append("\"\n");
        }
        StringWriter out = new StringWriter();
        StringWriter rejects = new StringWriter();
        FilterSpec spec = FilterSpec.builder().defaultInput(InputShape.parse("32x32x3")).all(true).build();
        new FilterPipeline(spec).run(new StringReader(csv.toString()), out, rejects);
        List<CSVRecord> rejected = CSVFormat.RFC4180.parse(new StringReader(rejects.toString())).getRecords();
        int n = rows.size();
        Batch b = new Batch(n);
        ScoringSession s = session();
        int invalid = s.scoreStrings(rows.toArray(new String[0]), new String[] {"32x32x3"}, null, b.out, b.status, 0, n);
        String[] reasons = s.reasons();
        assertEquals(rejected.size() - 1, invalid);
        for (int k = 1; k < rejected.size(); k++) {
            int row = Integer.parseInt(rejected.get(k).get(0)) - 2;    // line 1 is the header
            assertTrue(b.status.get(row) != RowStatus.OK, "row " + row);
            assertEquals(rejected.get(k).get(1), reasons[k - 1]);
        }
    }

    @Test
    void tracesEveryLayerWithItsInputsAndTotals() {
        ScoringSession s = session();
        assertEquals(RowStatus.OK, s.trace("conv_k3_c4 ( conv_k3_c4 | )add gap fc_c2", 8, 8, 3));
        String[] tokens = s.layerTokens();
        assertArrayEquals(new String[] {"conv_k3_c4", "conv_k3_c4", ")add", "gap", "fc_c2"}, tokens);
        // layer 3 (the add) joins layer 2 and layer 1; layer 1 reads the network input (0)
        assertArrayEquals(new int[] {0, -1, 1, -1, 2, 1, 3, -1, 4, -1}, s.layerInputs());
        long[] v = s.layerValues();
        List<String> names = Arrays.asList(ScoringSession.layerColumnNames());
        int w = names.size();
        // conv 2: 3*3*4 * 8*8*4 MACs, rf 5; gap sees the whole input
        assertEquals(9 * 4 * 64 * 4, v[w + names.indexOf("macs")]);
        assertEquals(5, v[w + names.indexOf("rf_h")]);
        assertEquals(1, v[3 * w + names.indexOf("global")]);
        assertEquals(9 * 3 * 64 * 4 + 9 * 4 * 64 * 4 + 4 * 2, s.value(column("macs")));
        assertEquals(RowStatus.SYNTAX, s.trace("conv_k3 (", 8, 8, 3));
        assertThrows(IllegalStateException.class, s::layerTokens);
    }

    /** Column-major output of n rows, and statuses. */
    static final class Batch {
        final ByteBuffer out;
        final ByteBuffer status;
        final int n;

        Batch(int n) {
            this.n = n;
            this.out = ByteBuffer.allocateDirect(n * Columns.COUNT * 8).order(ByteOrder.nativeOrder());
            this.status = ByteBuffer.allocateDirect(n);
        }

        long get(int k, int i) {
            return out.getLong(8 * (k * n + i));
        }
    }
}
