package io.archmeter.cli;

import io.archmeter.zoo.Zoo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("archmeter summary")
class SummaryCommandTest {

    static InProcessRun run(String... args) {
        return InProcessRun.of(args);
    }

    /** Every record of a CSV with a header, read by Commons CSV; each must have exactly the header's columns. */
    static List<CSVRecord> parseCsv(String csv) throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        for (CSVRecord r : records) {
            assertTrue(r.isConsistent(), "record " + r.getRecordNumber() + " has " + r.size() + " fields: " + r);
        }
        return records;
    }

    @Test
    void printsTheCaffeAlexnetTableInHumanUnitsWithSharesAndExactTotals() {
        InProcessRun r = run("summary", "alexnet");
        assertEquals(0, r.exit(), r.err());
        // conv1: 105,415,200 MACs = 14.55% of 724,406,816; 34,944 params = 0.057% of 60,965,224; 55x55x96 fp32 = 1.11 MiB
        assertTrue(r.out().contains(" 1  conv_k11_s4_p0_c96   55x55x96      11   4   0   105 M   14.6%   106 M  34.9 K      0.1%    1.11 MiB"),
                r.out());
        // the input: 227x227x3 fp32 = 618,348 bytes = 603.9 KiB
        assertTrue(r.out().contains(" 0  input                227x227x3      1   1   0      --      --      --      --        --     604 KiB"),
                r.out());
        assertTrue(r.out().contains("MACs                724,406,816 (724 M)"), r.out());
        assertTrue(r.out().contains("FLOPs (multiply)    725,066,088 (725 M)"), r.out());
        assertTrue(r.out().contains("params              60,965,224 (61.0 M)"), r.out());
        assertTrue(r.out().contains("model size (fp32)   243,860,896 bytes = 238145.4 KiB = 232.6 MiB"), r.out());
        assertTrue(r.out().contains("r 195, S 32, P 64"), r.out());
        assertTrue(r.out().contains("16  fc_c4096             1x1x4096   whole   -   -  37.7 M    5.2%"), "global layers see the whole input");
    }

    @Test
    void marksTheLayerWhereTheActivationPeakOccurs() {
        // Caffe AlexNet, fp32: lrn1 reads conv1's 55x55x96 = 290,400 elements and writes as many: 2,323,200 bytes,
        // more than conv1 (227x227x3 + 290,400 = 444,987 elements) or any later layer
        InProcessRun r = run("summary", "alexnet");
        List<String> marked = r.out().lines().filter(l -> l.contains("<- peak")).toList();
        assertEquals(1, marked.size(), r.out());
        assertTrue(marked.get(0).startsWith(" 3  lrn "), marked.get(0));
        assertTrue(marked.get(0).endsWith("<- peak: 2.22 MiB alive"), marked.get(0));
        assertTrue(r.out().contains("activations peak    2,323,200 bytes (2.22 MiB, fp32) at layer 3"), r.out());
    }

    @Test
    void aNetworkThatAllocatesNothingPeaksAtItsInput() {
        InProcessRun r = run("summary", "bn relu", "--input", "2x2x4");
        assertEquals(0, r.exit(), r.err());
        // 2x2x4 fp32 = 64 bytes, the input alone
        assertTrue(r.out().contains("0  input  2x2x4   1  1  0    --      --     --      --        --        64 B  <- peak: 64 B alive"),
                r.out());
        assertTrue(r.out().contains("activations peak    64 bytes (64 B, fp32) at the input"), r.out());
        assertTrue(r.out().contains("MACs                0\n"), "no human form of a number below 1000: " + r.out());
    }

    @Test
    void csvHasOneRowPerLayerAndNothingElse() throws IOException {
        InProcessRun r = run("summary", "alexnet", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertEquals("index,layer,output,rf_h,rf_w,stride_h,stride_w,pad_h,pad_w,global,macs,flops,params,act_bytes,live_bytes,peak,"
                + "token,group_depth", r.out().lines().findFirst().orElseThrow());
        List<CSVRecord> rows = parseCsv(r.out());
        assertEquals(22, rows.size(), "22 layers, no totals row");
        // conv1: (227 - 11)/4 + 1 = 55; 11*11*3*96 weights + 96 biases = 34,944; 55*55*96 fp32 = 1,161,600 bytes;
        // alive while it allocates: the input 618,348 bytes + its output
        assertEquals(List.of("1", "conv_k11_s4_p0_c96", "55x55x96", "11", "11", "4", "4", "0", "0", "0", "105415200", "105705600",
                "34944", "1161600", "1779948", "0", "conv_k11_s4_p0_c96", "0"), rows.get(0).toList());
        assertEquals("1", rows.get(2).get("peak"));
        assertEquals(1, rows.stream().filter(x -> x.get("peak").equals("1")).count());
    }

    @Test
    void csvQuotesJoinLayersSoEveryRowHasTheHeadersColumns() throws IOException {
        // a join names its inputs: ")add <-9,4" holds a comma and must be quoted (issue 9, item 4)
        for (String model : new String[] {"resnet18", "googlenet", "mobilenet_v3_large", "densenet121"}) {
            InProcessRun r = run("summary", model, "--format", "csv");
            assertEquals(0, r.exit(), r.err());
            List<CSVRecord> rows = parseCsv(r.out());
            assertTrue(rows.stream().anyMatch(x -> x.get("layer").contains(",")), model + " has joins of two inputs");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(Integer.toString(i + 1), rows.get(i).get("index"), model);
            }
        }
        List<CSVRecord> resnet = parseCsv(run("summary", "resnet18", "--format", "csv").out());
        assertEquals(")add <-9,4", resnet.get(9).get("layer"));
    }

    @Test
    void csvTotalsRowIsMarkedByAKindColumn() throws IOException {
        InProcessRun r = run("summary", "alexnet", "--format", "csv", "--totals");
        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> rows = parseCsv(r.out());
        assertEquals(23, rows.size());
        assertTrue(rows.subList(0, 22).stream().allMatch(x -> x.get("kind").equals("layer")));
        CSVRecord total = rows.get(22);
        assertEquals("total", total.get("kind"));
        assertEquals("", total.get("index"));
        assertEquals("1x1x1000", total.get("output"));
        assertEquals("195", total.get("rf_h"));
        assertEquals("724406816", total.get("macs"));
        assertEquals("725066088", total.get("flops"));
        assertEquals("60965224", total.get("params"));
        assertEquals("2323200", total.get("live_bytes"), "the totals row's live_bytes is the peak");
    }

    @Test
    void jsonCarriesTheArchitectureStringItCosted() {
        InProcessRun r = run("summary", "vgg16", "--format", "json", "--flops", "strict", "--weight-dtype", "fp16");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"arch\": \"" + Zoo.find("vgg16").orElseThrow().arch() + "\""), r.out());
        assertTrue(r.out().contains("\"flops\": \"strict\""), r.out());
        assertTrue(r.out().contains("\"macs\": 15470264320"), r.out());
        assertTrue(r.out().contains("\"params\": 138357544"), r.out());
        assertTrue(r.out().contains("\"weight_bytes\": 276715088"), r.out());
        assertTrue(r.out().contains("{\"index\": 1, \"layer\": \"conv_k3_c64\", \"output\": \"224x224x64\""), r.out());
        InProcessRun s = run("summary", "  conv_k3_s2_c8 bn relu gap fc_c10 ", "--input", "32x32x3", "--format", "json");
        assertTrue(s.out().contains("\"arch\": \"conv_k3_s2_c8 bn relu gap fc_c10\""), s.out());
    }

    @Test
    void acceptsAnArchitectureStringWithAnInput() throws IOException {
        InProcessRun r = run("summary", "conv_k3_s2_c8 bn relu gap fc_c10", "--input", "32x32x3", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        // 3x3x3x8 = 216 MACs per output pixel, 16x16 outputs: 55,296; params 216 + 8 bias = 224; 16x16x8 fp32 = 8,192 bytes
        assertEquals(List.of("1", "conv_k3_s2_c8", "16x16x8", "3", "3", "2", "2", "1", "1", "0", "55296", "57344", "224", "8192",
                "20480", "1", "conv_k3_s2_c8", "0"), parseCsv(r.out()).get(0).toList());
    }

    @Test
    void rowsFollowTheStringBlocksAndGroupsOverTheirLayers() {
        // resnet18: stem (4 tokens), four res blocks of 14 or 16 layers, gap, fc; res_r2_c64 is layers 5-18, two
        // BasicBlocks of 2 x (3x3 conv 64->64 on 56x56) = 4 x 115,605,504 MACs = 462 M, 25.5% of 1,814,073,344
        InProcessRun r = run("summary", "resnet18");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" 5-18  res_r2_c64                 56x56x64       43   4   21   462 M   25.5%"), r.out());
        assertTrue(r.out().contains("    5    conv_k3_c64_b0           56x56x64       19   4    9   116 M    6.4%"), "its layers, indented");
        InProcessRun folded = run("summary", "resnet18", "--depth", "0");
        List<String> rows = folded.out().lines().filter(l -> l.matches("\\s*[0-9]+(-[0-9]+)?  .*")).toList();
        assertEquals(1 + 4 + 4 + 2, rows.size(), folded.out());
        assertTrue(folded.out().contains("res_r2_s2_c512 [16 layers]"), folded.out());
        assertEquals(2, run("summary", "resnet18", "--depth", "-1").exit());
    }

    @Test
    void aBranchGroupWrittenInTheStringIsOneRowOverWhatItHolds() {
        InProcessRun r = run("summary", "conv_k3_c16 ( conv_k3_c16 bn relu | conv_k1_c16 )add relu", "--input", "8x8x3", "--depth", "0");
        assertEquals(0, r.exit(), r.err());
        // inside: conv 3x3 16->16 on 8x8 = 147,456 MACs, conv 1x1 = 16,384; with the add: layers 2-6
        assertTrue(r.out().contains("2-6  ( conv_k3_c16 ... )add [5 layers]"), r.out());
        assertTrue(r.out().contains(" 164 K "), "147,456 + 16,384 = 163,840: " + r.out());
    }

    @Test
    void csvAndJsonNameTheTokenAndGroupDepthOfEveryLayer() throws IOException {
        List<CSVRecord> rows = parseCsv(run("summary", "conv_k3_c16 ( conv_k3_c16 bn relu | conv_k1_c16 )add relu", "--input", "8x8x3",
                "--format", "csv").out());
        assertEquals(List.of("conv_k3_c16", "conv_k3_c16", "bn", "relu", "conv_k1_c16", ")add", "relu"),
                rows.stream().map(x -> x.get("token")).toList());
        assertEquals(List.of("0", "1", "1", "1", "1", "1", "0"), rows.stream().map(x -> x.get("group_depth")).toList());
        List<CSVRecord> resnet = parseCsv(run("summary", "resnet18", "--format", "csv").out());
        assertEquals("res_r2_c64", resnet.get(4).get("token"));
        assertEquals("res_r2_c64", resnet.get(17).get("token"));
        assertEquals("res_r2_s2_c128", resnet.get(18).get("token"));
        String json = run("summary", "resnet18", "--format", "json").out();
        assertTrue(json.contains("\"index\": 5, \"layer\": \"conv_k3_c64_b0\""), json);
        assertTrue(json.contains("\"token\": \"res_r2_c64\", \"group_depth\": 0}"), json);
    }

    @Test
    void aSliceIsAViewThatAllocatesNothing() {
        // slice_c16_at16 reads channels 16..31 of the conv's 8x8x32 output in place (PyTorch's x[:, 16:32])
        InProcessRun r = run("summary", "conv_k1_c32 slice_c16_at16", "--input", "8x8x3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("2  slice_c16_at16") && l.contains("8x8x16") && l.strip().endsWith("view")),
                r.out());
    }

    @Test
    void printArchPrintsTheBuiltInModelsString() {
        InProcessRun r = run("summary", "mobilenet_v2", "--print-arch");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Zoo.find("mobilenet_v2").orElseThrow().arch() + "\n", r.out());
        assertEquals("conv_k3 relu\n", run("summary", " conv_k3 relu ", "--print-arch").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv2", "MobileNet-V2", "mobilenet_v22"})
    void aBareWordThatIsNoOpIsAnUnknownModelWithTheNearestName(String name) {
        InProcessRun r = run("summary", name);
        assertEquals(2, r.exit());
        assertEquals("archmeter: unknown model '" + name + "' (did you mean 'mobilenet_v2'?); `archmeter zoo` lists the built-in models",
                r.err().strip());
    }

    @Test
    void anUnknownModelFarFromEveryNameGetsNoSuggestion() {
        InProcessRun r = run("summary", "transformer");
        assertEquals(2, r.exit());
        assertEquals("archmeter: unknown model 'transformer'; `archmeter zoo` lists the built-in models", r.err().strip());
        assertTrue(run("summary", "resnet20").err().startsWith("archmeter: unknown model 'resnet20' (did you mean 'resnet"));
    }

    @Test
    void aBareWordThatIsAnOpIsAOneLayerArchitecture() {
        InProcessRun r = run("summary", "gap", "--input", "7x7x512", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        InProcessRun conv = run("summary", "conv_k3_c8_z2");
        assertEquals(2, conv.exit());
        assertTrue(conv.err().startsWith("archmeter: token 1 'conv_k3_c8_z2': unknown key 'z'"), conv.err());
    }

    @Test
    void aBadArchitectureIsOneClearLineAndExitCode2() {
        InProcessRun r = run("summary", "conv_k3_c8 rleu");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("archmeter: token 2 'rleu': unknown op 'rleu' (did you mean 'relu'?); expected one of conv, dw,"),
                r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void anInvalidShapeNamesTheLayer() {
        InProcessRun r = run("summary", "conv_k5_p0_c8 conv_k5_p0_c8", "--input", "6x6x3");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("archmeter: layer 2 (conv): output size 0x0 is not positive: input 2x2, kernel 5x5"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x224x224", "1x28x28", "4x64x64"})
    void aChannelsFirstInputIsRefusedWithTheShapeItProbablyMeant(String input) {
        InProcessRun r = run("summary", "resnet18", "--input", input);
        assertEquals(2, r.exit());
        String[] d = input.split("x");
        String meant = d[1] + "x" + d[2] + "x" + d[0];
        assertTrue(r.err().startsWith("archmeter: --input " + input + ": input " + input + " is read as HxWxC"), r.err());
        assertTrue(r.err().strip().endsWith("did you mean " + meant + "?"), r.err());
    }

    @Test
    void filterRefusesAChannelsFirstInputOptionToo() {
        InProcessRun r = run("filter", "-", "--input", "3x32x32");
        assertEquals(2, r.exit());
        assertTrue(r.err().strip().endsWith("did you mean 32x32x3?"), r.err());
    }

    @Test
    void aFeatureVectorInputIsNotMistakenForChannelsFirst() {
        InProcessRun r = run("summary", "fc_c10", "--input", "1x1x512", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(",5130,"), "512*10 weights + 10 biases: " + r.out());
    }

    @Test
    void unknownFormatsAndDtypesAreErrors() {
        assertEquals(2, run("summary", "alexnet", "--format", "xml").exit());
        assertEquals(2, run("summary", "alexnet", "--weight-dtype", "fp8").exit());
        assertEquals(2, run("summary", "alexnet", "--input", "227x227").exit());
    }

    @Test
    void aNasBench201CellDefaultsToCifarInputAndTakesTheClasses() {
        String cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
        InProcessRun r = run("summary", cell, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"input\": \"32x32x3\""), r.out());
        assertTrue(r.out().contains("\"flops\": 220119690"), r.out());
        assertTrue(r.out().contains("\"params\": 1531546"), r.out());
        InProcessRun r100 = run("summary", cell, "--classes", "100", "--format", "json");
        assertTrue(r100.out().contains("\"params\": " + (1_531_546 + 64 * 90 + 90)), r100.out());
        assertFalse(r100.out().contains("unknown model"));
    }
}
