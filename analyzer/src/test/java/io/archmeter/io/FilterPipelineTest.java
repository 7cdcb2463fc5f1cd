package io.archmeter.io;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.InputShape;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPipelineTest {
    static final String ALEXNET_CAFFE = "conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_p2_g2_c256 relu lrn maxpool_k3_s2"
            + " conv_k3_c384 relu conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu dropout fc_c4096"
            + " relu dropout fc_c1000";

    /** Small candidates on 32x32x3: macs of conv_k3_cN = 32*32*27*N = 27648*N. */
    static final String SMALL = "id,arch\n"
            + "1,conv_k3_c1 gap fc_c10\n"       // macs 27648 + 10
            + "2,conv_k3_c100 gap fc_c10\n"     // macs 2764800 + 1000
            + "3,conv_k3_z2\n"                  // syntax
            + "4,conv_k3_c2 gap fc_c10\n"       // macs 55296 + 20
            + "5,maxpool_k300 fc_c10\n"         // invalid shapes
            + "6,conv_k3_c200 gap fc_c10\n";

    static FilterSpec.Builder on32() {
        return FilterSpec.builder().defaultInput(new InputShape(32, 32, 3));
    }

    /**
     * Three rows around {@code 1<suffix>} = n·c: {@code fc_c<c>_b0} on 1x1x(n-1) is below it, on
     * 1x1xn exactly at it, and with a bias (+c) above it. With int8 weights, weight_bytes = params.
     */
    @ParameterizedTest(name = "1{0} on {1}")
    @CsvSource({
        "K, params, 1000, 1", "M, params, 1000, 1000", "G, params, 1000000, 1000",
        "Ki, params, 1024, 1", "Mi, params, 1024, 1024", "Gi, params, 1048576, 1024",
        "KB, weight_bytes, 1000, 1", "MB, weight_bytes, 1000, 1000", "GB, weight_bytes, 1000000, 1000",
        "KiB, weight_bytes, 1024, 1", "MiB, weight_bytes, 1024, 1024", "GiB, weight_bytes, 1048576, 1024"})
    void everySuffixBoundsInclusivelyAtExactlyItsValue(String suffix, String metric, int n, int c) throws Exception {
        String csv = "id,arch,input\n"
                + "below,fc_c" + c + "_b0,1x1x" + (n - 1) + "\n"
                + "exact,fc_c" + c + "_b0,1x1x" + n + "\n"
                + "above,fc_c" + c + ",1x1x" + n + "\n";
        FilterSpec.Builder spec = FilterSpec.builder().conventions(Conventions.DEFAULT.withWeightType(DType.INT8))
                .columns(Metric.PARAMS);
        FilterRun max = FilterRun.of(spec.constraint(Constraint.max(metric + "=1" + suffix)).build(), csv);
        assertEquals(List.of("below", "exact"), max.outRecords().stream().skip(1).map(r -> r.get(0)).toList());
        FilterSpec.Builder minSpec = FilterSpec.builder().conventions(Conventions.DEFAULT.withWeightType(DType.INT8))
                .columns(Metric.PARAMS).constraint(Constraint.min(metric + "=1" + suffix));
        FilterRun min = FilterRun.of(minSpec.build(), csv);
        assertEquals(List.of("exact", "above"), min.outRecords().stream().skip(1).map(r -> r.get(0)).toList());
    }

    @Test
    void rowsReadEqualKeptPlusFilteredPlusRejected() throws Exception {
        FilterRun run = FilterRun.of(on32().constraint(Constraint.max("macs=100K")).build(), SMALL);
        FilterStats s = run.stats();
        assertEquals(6, s.rowsRead());
        assertEquals(2, s.kept());
        assertEquals(2, s.filteredOut());
        assertEquals(2, s.rejected());
        assertEquals(s.rowsRead(), s.kept() + s.filteredOut() + s.rejected());
        assertEquals(2, s.removedBy(0));
        assertEquals(1 + 2, run.outRecords().size());
        assertEquals(1 + 2, run.rejectRecords().size());
    }

    @Test
    void keptRowsKeepTheirInputOrderAndColumnsThenTheMetricColumns() throws Exception {
        FilterRun run = FilterRun.of(on32().constraint(Constraint.max("macs=100K")).build(), SMALL);
        List<CSVRecord> out = run.outRecords();
        assertEquals(List.of("id", "arch", "macs", "flops", "params", "weight_bytes", "act_peak_bytes", "act_total_bytes",
                "rf", "rf_stride", "out_shape"), out.get(0).toList());
        assertEquals("1", out.get(1).get(0));
        assertEquals("4", out.get(2).get(0));
        assertEquals("conv_k3_c2 gap fc_c10", out.get(2).get(1));
        assertEquals("55316", out.get(2).get(2));
        assertEquals("1x1x10", out.get(2).get(10));
    }

    @Test
    void rejectsHoldLineReasonAndTheOriginalColumns() throws Exception {
        FilterRun run = FilterRun.of(on32().build(), SMALL);
        List<CSVRecord> rejects = run.rejectRecords();
        assertEquals(List.of("line", "reason", "id", "arch"), rejects.get(0).toList());
        assertEquals("4", rejects.get(1).get(0));
        assertTrue(rejects.get(1).get(1).startsWith("syntax: token 1 'conv_k3_z2': unknown key 'z'"), rejects.get(1).get(1));
        assertEquals(List.of("3", "conv_k3_z2"), rejects.get(1).toList().subList(2, 4));
        assertEquals("6", rejects.get(2).get(0));
        assertTrue(rejects.get(2).get(1).startsWith("invalid shapes: layer 1 (maxpool)"), rejects.get(2).get(1));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksPassThroughUnchanged() throws Exception {
        String csv = "name,arch,note\n"
                + "\"a, b\",conv_k3_c4,\"he said \"\"hi\"\"\"\n"
                + "\"two\nlines\",\"conv_k3_c4\",plain\n"
                + "x,conv_k3_z2,\"after a\r\nbreak\"\n"
                + "y,conv_k3_c4, spaced \n";
        FilterRun run = FilterRun.of(on32().columns(Metric.MACS).build(), csv);
        List<CSVRecord> out = run.outRecords();
        assertEquals(List.of("a, b", "conv_k3_c4", "he said \"hi\"", "110592"), out.get(1).toList());
        assertEquals(List.of("two\nlines", "conv_k3_c4", "plain", "110592"), out.get(2).toList());
        assertEquals(List.of("y", "conv_k3_c4", " spaced ", "110592"), out.get(3).toList());
        assertTrue(run.out().startsWith("name,arch,note,macs\n\"a, b\",conv_k3_c4,\"he said \"\"hi\"\"\",110592\n"), run.out());
        // the reject starts on line 5: the row before spans lines 3-4
        assertEquals(List.of("5", "x", "conv_k3_z2", "after a\r\nbreak"),
                List.of(run.rejectRecords().get(1).get(0), run.rejectRecords().get(1).get(2),
                        run.rejectRecords().get(1).get(3), run.rejectRecords().get(1).get(4)));
    }

    @Test
    void metricColumnsEqualEngineScoreOnTheSameCandidate() throws Exception {
        CandidateGenerator g = new CandidateGenerator(7);
        StringBuilder csv = new StringBuilder("arch\n");
        String[] archs = new String[300];
        for (int i = 0; i < archs.length; i++) {
            archs[i] = g.next(8 + i % 30);
            csv.append(archs[i]).append('\n');
        }
        Conventions conv = Conventions.DEFAULT.withActivationType(DType.FP16).withCountElementwise(true);
        List<Metric> all = List.of(Metric.values());
        FilterRun run = FilterRun.of(FilterSpec.builder().conventions(conv).columns(all).chunkSize(64).build(), csv.toString());
        List<CSVRecord> out = run.outRecords();
        Engine engine = new Engine(conv);
        for (int i = 0; i < archs.length; i++) {
            CandidateBatch b = ArchParser.parse(archs[i], FilterSpec.DEFAULT_INPUT);
            long[] m = new long[MetricRecord.LENGTH];
            engine.score(b, 0, m, 0);
            CSVRecord row = out.get(i + 1);
            assertEquals(archs[i], row.get(0));
            for (int k = 0; k < all.size(); k++) {
                assertEquals(all.get(k).format(m, 0), row.get(k + 1), all.get(k).column() + " of row " + i);
            }
        }
    }

    @Test
    void caffeAlexNetRowGivesItsPublishedNumbers() throws Exception {
        String csv = "id,arch,input\nalexnet,\"" + ALEXNET_CAFFE + "\",227x227x3\n";
        FilterRun run = FilterRun.of(FilterSpec.builder().columns(Metric.MACS, Metric.PARAMS, Metric.RF).build(), csv);
        assertEquals(List.of("alexnet", ALEXNET_CAFFE, "227x227x3", "724406816", "60965224", "195"), run.outRecords().get(1).toList());
    }

    @Test
    void inputColumnOverridesTheDefaultInputPerRowAndAnEmptyCellMeansTheDefault() throws Exception {
        String csv = "arch,input\nconv_k3_c1,32x32x3\nconv_k3_c1,\nconv_k3_c1,8x8x1\n";
        FilterRun run = FilterRun.of(FilterSpec.builder().columns(Metric.MACS, Metric.OUT_SHAPE).build(), csv);
        List<CSVRecord> out = run.outRecords();
        assertEquals(List.of("27648", "32x32x1"), out.get(1).toList().subList(2, 4));
        assertEquals(List.of("1354752", "224x224x1"), out.get(2).toList().subList(2, 4));
        assertEquals(List.of("576", "8x8x1"), out.get(3).toList().subList(2, 4));
    }

    @Test
    void malformedInputCellIsRejectedWithItsReason() throws Exception {
        FilterRun run = FilterRun.of(FilterSpec.builder().build(), "arch,input\nconv_k3_c1,32x32\nconv_k3_c1,0x1x1\n");
        assertEquals(2, run.stats().rejected());
        assertTrue(run.rejectRecords().get(1).get(1).startsWith("input: '32x32' is not HxWxC"), run.rejects());
        assertTrue(run.rejectRecords().get(2).get(1).startsWith("input: '0x1x1'"), run.rejects());
    }

    @Test
    void anInputCellInPyTorchsChannelsFirstOrderIsRejectedWithTheShapeItMeant() throws Exception {
        // 3x224x224 read as HxWxC would be a 3-pixel-high image of 224 channels; 1x1x512 (a vector) is not flagged
        FilterRun run = FilterRun.of(FilterSpec.builder().build(), "arch,input\nconv_k3_c1,3x224x224\nconv_k1_c1,1x1x512\n");
        assertEquals(1, run.stats().rejected());
        assertEquals("input: '3x224x224' is read as HxWxC (height x width x channels), not PyTorch's CxHxW; did you mean 224x224x3?",
                run.rejectRecords().get(1).get(1));
        assertEquals(1, run.stats().kept());
    }

    @Test
    void constraintOnAnInputColumnComparesDecimalsExactly() throws Exception {
        String csv = "arch,acc\nconv_k3_c1,0.7\nconv_k3_c1,0.69999999999999999999\nconv_k3_c1,0.8\nconv_k3_c1, 7E-1 \n";
        FilterRun run = FilterRun.of(on32().constraint(Constraint.min("acc=0.7")).columns(Metric.MACS).build(), csv);
        assertEquals(List.of("0.7", "0.8", " 7E-1 "), run.outRecords().stream().skip(1).map(r -> r.get(1)).toList());
        assertEquals(1, run.stats().removedBy(0));
    }

    @Test
    void nonNumericCellInAConstrainedInputColumnIsRejected() throws Exception {
        String csv = "arch,acc\nconv_k3_c1,n/a\nconv_k3_c1,0.9\n";
        FilterRun run = FilterRun.of(on32().constraint(Constraint.min("acc=0.7")).build(), csv);
        assertEquals(1, run.stats().rejected());
        assertEquals(1, run.stats().kept());
        assertTrue(run.rejectRecords().get(1).get(1).startsWith("column 'acc': 'n/a' is not a number"), run.rejects());
    }

    @Test
    void unknownConstraintColumnIsAnErrorListingTheValidNames() {
        FilterSpec spec = on32().constraint(Constraint.min("accuracy=0.7")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterRun.of(spec, "id,arch,acc\n"));
        assertTrue(e.getMessage().contains("unknown column 'accuracy'"), e.getMessage());
        assertTrue(e.getMessage().contains("act_peak_bytes") && e.getMessage().contains("acc"), e.getMessage());
    }

    @Test
    void allModeWritesEveryValidRowWithAPassColumn() throws Exception {
        FilterRun run = FilterRun.of(on32().constraint(Constraint.max("macs=100K")).columns(Metric.MACS).all(true).build(), SMALL);
        List<CSVRecord> out = run.outRecords();
        assertEquals(List.of("id", "arch", "macs", "pass"), out.get(0).toList());
        assertEquals(List.of("1:true", "2:false", "4:true", "6:false"),
                out.stream().skip(1).map(r -> r.get(0) + ":" + r.get(3)).toList());
        assertEquals(2, run.stats().kept());
        assertEquals(2, run.stats().filteredOut());
        assertEquals(2, run.stats().rejected());
    }

    @Test
    void columnsSelectTheMetricColumnsInTheirOrder() throws Exception {
        FilterRun run = FilterRun.of(on32().columns(Metric.RF_W, Metric.MACS, Metric.RF_H).build(), "arch\nconv_k1x3_c1\n");
        assertEquals(List.of("arch", "rf_w", "macs", "rf_h"), run.outRecords().get(0).toList());
        assertEquals(List.of("3", "9216", "1"), run.outRecords().get(1).toList().subList(1, 4));
    }

    @Test
    void metricColumnCollidingWithAnInputColumnIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterRun.of(on32().build(), "arch,macs\nconv_k3_c1,5\n"));
        assertTrue(e.getMessage().contains("'macs'"), e.getMessage());
    }

    @Test
    void rowFailingSeveralConstraintsCountsAgainstEach() throws Exception {
        FilterSpec spec = on32().constraint(Constraint.max("macs=100K")).constraint(Constraint.max("params=100"))
                .constraint(Constraint.min("rf=1")).build();
        FilterStats s = FilterRun.of(spec, SMALL).stats();
        assertEquals(2, s.filteredOut());
        assertArrayEquals(new long[] {2, 2, 0}, s.removedBy());
    }

    @Test
    void failFastStopsAtTheFirstBadRowAfterWritingTheRowsBeforeIt() {
        FailFastException e = assertThrows(FailFastException.class, () -> FilterRun.of(on32().failFast(true).build(), SMALL));
        assertEquals(4, e.line());
        assertTrue(e.reason().startsWith("syntax:"), e.reason());
        assertEquals(3, e.stats().rowsRead());
        assertEquals(1, e.stats().rejected());
    }

    @Test
    void archColumnCanBeRenamed() throws Exception {
        FilterRun run = FilterRun.of(on32().archColumn("net").columns(Metric.MACS).build(), "net\nconv_k3_c1\n");
        assertEquals("27648", run.outRecords().get(1).get(1));
    }

    @Test
    void unbalancedQuoteIsAnErrorWithItsLine() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> FilterRun.of(on32().build(), "id,arch\n1,conv_k3_c1\n2,\"conv_k3_c1\n3,conv_k3_c1\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3: unbalanced double quote"), e.getMessage());
    }

    @Test
    void missingArchColumnIsAnError() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> FilterRun.of(on32().build(), "id,architecture\n1,conv_k3_c1\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("no 'arch' column") && e.getMessage().contains("id, architecture"), e.getMessage());
    }

    @Test
    void rowWithAnotherNumberOfFieldsThanTheHeaderIsAnErrorWithItsLine() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> FilterRun.of(on32().build(), "id,arch\n1,conv_k3_c1\n\"2\nb\",conv_k3_c1,extra\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("3 fields, but the header has 2"), e.getMessage());
    }

    @Test
    void emptyInputIsAnError() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> FilterRun.of(on32().build(), ""));
        assertTrue(e.getMessage().contains("header row is required"), e.getMessage());
    }

    @Test
    void blankLinesAreSkippedAndAByteOrderMarkIsIgnored() throws Exception {
        FilterRun run = FilterRun.of(on32().columns(Metric.MACS).build(), "\uFEFFarch\r\n\r\nconv_k3_c1\r\n\r\nconv_k3_z2\r\n");
        assertEquals(1, run.stats().kept());
        assertEquals("5", run.rejectRecords().get(1).get(0));
    }

    @Test
    void headerOnlyInputWritesHeadersAndCountsNothing() throws Exception {
        FilterRun run = FilterRun.of(on32().columns(Metric.MACS).build(), "id,arch\n");
        assertEquals("id,arch,macs\n", run.out());
        assertEquals("line,reason,id,arch\n", run.rejects());
        assertEquals(0, run.stats().rowsRead());
    }
}
