package io.archmeter.zoo;

import io.archmeter.cli.Main;
import io.archmeter.engine.Metrics;
import io.archmeter.engine.Scoring;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zoo against the numbers its references publish: torchvision's weight metadata
 * ({@code num_params}, and {@code _ops}, GMACs of conv and linear layers at 224x224 rounded to
 * three decimals, two for VGG-16), Keras / TF-slim for MobileNetV1, and the receptive fields of
 * TF-slim's networks.
 */
@DisplayName("zoo reference values")
class ZooReferenceValuesTest {

    private static Metrics score(String name) {
        Zoo.Model m = Zoo.find(name).orElseThrow(() -> new AssertionError("no zoo entry " + name));
        return Scoring.score(m.arch(), m.input().toString());
    }

    /** MACs in G, rounded half-up to as many decimals as the reference gives. */
    private static BigDecimal gmacs(long macs, String published) {
        int decimals = new BigDecimal(published).scale();
        return BigDecimal.valueOf(macs).movePointLeft(9).setScale(decimals, RoundingMode.HALF_UP);
    }

    @ParameterizedTest(name = "{0}: {1} params, {2} GMACs")
    @CsvSource({
        // name,             torchvision num_params, torchvision _ops (GFLOPS, i.e. GMACs)
        "alexnet-tv,         61100840,  0.714",
        "vgg11,              132863336, 7.609",
        "vgg11_bn,           132868840, 7.609",
        "vgg13,              133047848, 11.308",
        "vgg13_bn,           133053736, 11.308",
        "vgg16,              138357544, 15.47",
        "vgg16_bn,           138365992, 15.47",
        "vgg19,              143667240, 19.632",
        "vgg19_bn,           143678248, 19.632",
        "resnet18,           11689512,  1.814",
        "resnet34,           21797672,  3.664",
        "resnet50,           25557032,  4.089",
        "resnet101,          44549160,  7.801",
        "resnet152,          60192808,  11.514",
        "mobilenet_v2,       3504872,   0.301",
        "mobilenet_v3_small, 2542856,   0.057",
        "mobilenet_v3_large, 5483032,   0.217",
        "mnasnet1_0,         4383312,   0.314",
        "efficientnet_b0,    5288548,   0.386",
        "squeezenet1_0,      1248424,   0.819",
        "squeezenet1_1,      1235496,   0.349",
        "googlenet,          6624904,   1.498",
        "densenet121,        7978856,   2.834",
    })
    void torchvisionModelsHaveTorchvisionsParamsAndOps(String name, long numParams, String ops) {
        Metrics m = score(name);
        assertEquals(numParams, m.params(), name + " params");
        assertEquals(new BigDecimal(ops), gmacs(m.macs(), ops), name + " MACs " + m.macs());
    }

    /**
     * Exact MACs, pinned to the unit: a change anywhere in a zoo string or the engine shows here,
     * even when it would not move torchvision's rounded {@code _ops}.
     */
    @ParameterizedTest(name = "{0}: {1} MACs, {2} params")
    @CsvSource({
        "vgg11,              7609090048,  132863336",
        "vgg11_bn,           7609090048,  132868840",
        "vgg13,              11308466176, 133047848",
        "vgg13_bn,           11308466176, 133053736",
        "vgg16_bn,           15470264320, 138365992",
        "vgg19,              19632062464, 143667240",
        "vgg19_bn,           19632062464, 143678248",
        "resnet18,           1814073344,  11689512",
        "resnet34,           3663761408,  21797672",
        "resnet50,           4089184256,  25557032",
        "resnet101,          7801405440,  44549160",
        "resnet152,          11513626624, 60192808",
        "resnet_v1_50,       3482255360,  25557032",
        "mobilenet_v1,       568740352,   4231976",
        "mobilenet_v2,       300774272,   3504872",
        "mobilenet_v3_small, 56510400,    2542856",
        "mobilenet_v3_large, 216589760,   5483032",
        "mnasnet1_0,         314415872,   4383312",
        "efficientnet_b0,    385814752,   5288548",
        "squeezenet1_0,      818924576,   1248424",
        "squeezenet1_1,      349151936,   1235496",
        "googlenet,          1498376192,  6624904",
        "densenet121,        2834161664,  7978856",
        "mcunet-style-in,    39929600,    720784",
        "mcunet-style-vww,   9496416,     240794",
    })
    void exactMacsAndParamsArePinned(String name, long macs, long params) {
        Metrics m = score(name);
        assertEquals(macs, m.macs(), name + " MACs");
        assertEquals(params, m.params(), name + " params");
    }

    @Test
    void mobilenetV1HasKerasTrainableParamsThePapers569MMultAddsAndReceptiveField315Stride32() {
        Metrics m = score("mobilenet_v1");
        // Keras MobileNet(alpha=1.0): 4,253,864 parameters of which 4,231,976 trainable (BN's moving
        // mean and variance are the 21,888 others); the paper's Table 8: 569 million mult-adds
        assertEquals(4_231_976L, m.params());
        assertEquals(569L, Math.round(m.macs() / 1e6));
        assertEquals(315, m.receptiveFieldH());
        assertEquals(315, m.receptiveFieldW());
        assertEquals(32, m.strideH());
        assertEquals(32, m.strideW());
    }

    @Test
    void tfSlimResnetV1_50HasReceptiveField483Stride32() {
        Metrics m = score("resnet_v1_50");
        assertEquals(483, m.receptiveFieldH());
        assertEquals(483, m.receptiveFieldW());
        assertEquals(32, m.strideH());
        assertEquals(32, m.strideW());
    }

    @Test
    void theMcuNetsAreTheirAdvertisedSize() {
        Metrics in = score("mcunet-style-in");
        assertTrue(in.params() > 650_000 && in.params() < 750_000, "~0.7M params: " + in.params());
        assertEquals(5, Zoo.find("mcunet-style-in").orElseThrow().input().height() / 32);
        assertEquals(2, score("mcunet-style-vww").outChannels());
    }

    @Test
    void theNewEntriesFollowTheOriginalFourInTheOrderAsked() {
        List<String> expected = List.of("alexnet", "alexnet-tv", "alexnet-v2", "vgg16",
                "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16_bn", "vgg19", "vgg19_bn",
                "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnet_v1_50",
                "mobilenet_v1", "mobilenet_v2", "mobilenet_v3_small", "mobilenet_v3_large", "mnasnet1_0",
                "efficientnet_b0", "squeezenet1_0", "squeezenet1_1", "googlenet", "densenet121",
                "mcunet-style-in", "mcunet-style-vww");
        assertEquals(expected, List.copyOf(Zoo.all().keySet()));
    }

    static Stream<String> allModels() {
        return Zoo.all().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allModels")
    void everyEntryParsesScoresAndDescribesItself(String name) {
        Zoo.Model model = Zoo.find(name).orElseThrow();
        assertEquals(name, model.name());
        assertTrue(!model.description().isBlank(), "description");
        Metrics m = score(name);
        assertTrue(m.macs() > 0 && m.params() > 0 && m.activationPeakBytes() > 0, m.toString());
        assertEquals(1, m.outHeight(), "a classifier ends on a 1x1 map");
        assertEquals(1, m.outWidth());
        assertEquals(model.input().height() >= 160 ? 1000 : 2, m.outChannels(), "classes");
        // the trace and the score are one computation
        Metrics traced = Scoring.trace(model.arch(), model.input().toString()).totals();
        assertEquals(m.toString(), traced.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allModels")
    void theZooStringRoundTripsThroughSummary(String name) throws IOException {
        Zoo.Model model = Zoo.find(name).orElseThrow();
        CSVRecord byName = totalRow("summary", name, "--format", "csv", "--totals");
        CSVRecord byString = totalRow("summary", model.arch(), "--input", model.input().toString(), "--format", "csv", "--totals");
        assertEquals(byName.toList(), byString.toList());
        Metrics m = score(name);
        assertEquals(m.macs(), Long.parseLong(byName.get("macs")));
        assertEquals(m.flops(), Long.parseLong(byName.get("flops")));
        assertEquals(m.params(), Long.parseLong(byName.get("params")));
        assertEquals(m.receptiveFieldH(), Long.parseLong(byName.get("rf_h")));
        assertEquals(m.strideH(), Long.parseLong(byName.get("stride_h")));
        assertEquals(m.activationTotalBytes(), Long.parseLong(byName.get("act_bytes")));
        assertEquals(m.activationPeakBytes(), Long.parseLong(byName.get("live_bytes")));
    }

    /** The last record of a summary CSV with --totals, read by Commons CSV: the totals. */
    private static CSVRecord totalRow(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(args), err.toString());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        CSVRecord last = records.get(records.size() - 1);
        assertEquals("total", last.get("kind"), last.toString());
        for (CSVRecord r : records.subList(0, records.size() - 1)) {
            assertEquals("layer", r.get("kind"));
            assertTrue(r.isConsistent(), "every row has the header's columns: " + r);
        }
        return last;
    }
}
