package io.archmeter.cli;

import io.archmeter.engine.Metrics;
import io.archmeter.engine.Scoring;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import io.archmeter.zoo.Zoo;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("archmeter zoo")
class ZooCommandTest {

    static InProcessRun run(String... args) {
        return InProcessRun.of(args);
    }

    @Test
    void printsOneTextRowPerModelInZooOrder() {
        InProcessRun r = run("zoo");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("archmeter zoo (flops=multiply elementwise=free weights=fp32 activations=fp32)"), lines[0]);
        assertTrue(lines[2].startsWith("model "), lines[2]);
        assertTrue(lines[2].contains("size MiB (fp32)") && lines[2].contains("r / S"), lines[2]);
        List<String> names = new ArrayList<>();
        for (int i = 4; i < lines.length; i++) {
            names.add(lines[i].split("\\s+")[0]);
        }
        assertEquals(List.copyOf(Zoo.all().keySet()), names);
        assertTrue(r.out().contains("resnet18            224x224x3   1,814,073,344   1,814,074,344   11,689,512            44.59"),
                r.out());
        assertTrue(r.out().contains("  483 / 32"), "resnet_v1_50's receptive field");
    }

    @Test
    void csvHasEveryTotalAsTheEngineScoresItAndEachArchitectureString() throws IOException {
        InProcessRun r = run("zoo", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertEquals("name,input,macs,flops,params,weight_bytes,model_mib,act_peak_bytes,act_total_bytes,rf_h,rf_w,stride_h,stride_w,arch",
                r.out().lines().findFirst().orElseThrow());
        List<CSVRecord> rows = SummaryCommandTest.parseCsv(r.out());
        assertEquals(Zoo.all().size(), rows.size());
        int i = 0;
        for (Zoo.Model model : Zoo.all().values()) {
            Metrics m = Scoring.score(model.arch(), model.input().toString());
            List<String> expected = List.of(model.name(), model.input().toString(), Long.toString(m.macs()),
                    Long.toString(m.flops()), Long.toString(m.params()), Long.toString(m.weightBytes()),
                    new java.math.BigDecimal(m.weightBytes()).divide(new java.math.BigDecimal(1 << 20), 2,
                            java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    Long.toString(m.activationPeakBytes()), Long.toString(m.activationTotalBytes()),
                    Long.toString(m.receptiveFieldH()), Long.toString(m.receptiveFieldW()),
                    Long.toString(m.strideH()), Long.toString(m.strideW()), model.arch());
            assertEquals(expected, rows.get(i++).toList());
        }
        // published: torchvision vgg16 138,357,544 params, 15.47 GMACs; fp32 weights 4 bytes each
        assertEquals(List.of("vgg16", "224x224x3", "15470264320", "15483821032", "138357544", "553430176", "527.79", "25690112",
                "60348320", "212", "212", "32", "32"), rows.get(3).toList().subList(0, 13));
    }

    @Test
    void namesSelectModelsAndConventionsApply() {
        InProcessRun r = run("zoo", "mobilenet_v2", "alexnet", "--format", "csv", "--flops", "strict",
                "--weight-dtype", "int8", "--act-dtype", "fp16", "--count-elementwise");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("mobilenet_v2,224x224x3,300774272,"), lines[1]);
        assertTrue(lines[2].startsWith("alexnet,227x227x3,724406816,"), lines[2]);
        Conventions c = new Conventions(FlopsConvention.STRICT, true, DType.INT8, DType.FP16);
        Zoo.Model mv2 = Zoo.find("mobilenet_v2").orElseThrow();
        Metrics m = Scoring.score(mv2.arch(), mv2.input().toString(), c);
        String[] f = lines[1].split(",");
        assertEquals(m.flops(), Long.parseLong(f[3]));
        assertTrue(m.flops() > 2 * m.macs(), "strict and element-wise");
        assertEquals(3_504_872L, Long.parseLong(f[5]), "int8 weights: one byte per parameter");
        assertEquals(m.activationPeakBytes(), Long.parseLong(f[7]));
    }

    @Test
    void jsonListsEveryModelWithItsDescriptionAndArchitectureString() {
        InProcessRun r = run("zoo", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"conventions\": {\"flops\": \"multiply\", \"elementwise\": false,"
                + " \"weight_dtype\": \"fp32\", \"act_dtype\": \"fp32\"}"), r.out());
        assertTrue(r.out().contains("{\"name\": \"resnet50\", \"description\": \"torchvision resnet50"), r.out());
        assertTrue(r.out().contains("\"macs\": 4089184256, \"flops\": 4089185256, \"params\": 25557032"), r.out());
        assertTrue(r.out().contains("\"name\": \"mobilenet_v1\""), r.out());
        assertTrue(r.out().contains("\"rf_h\": 315, \"rf_w\": 315, \"stride_h\": 32, \"stride_w\": 32, \"arch\": "), r.out());
        for (Zoo.Model m : Zoo.all().values()) {
            assertTrue(r.out().contains("\"arch\": \"" + m.arch() + "\"}"), m.name());
        }
        assertEquals(Zoo.all().size(), r.out().split("\"name\": ").length - 1);
        assertTrue(r.out().strip().endsWith("]\n}"), r.out());
    }

    @Test
    void archPrintsOneModelsStringToCopyAndEdit() {
        InProcessRun r = run("zoo", "--arch", "resnet18");
        assertEquals(0, r.exit(), r.err());
        assertEquals("conv_k7_s2_p3_c64_b0 bn relu maxpool_k3_s2_p1 res_r2_c64 res_r2_s2_c128 res_r2_s2_c256 res_r2_s2_c512 gap fc_c1000\n",
                r.out());
        assertEquals(r.out(), run("summary", "resnet18", "--print-arch").out());
        InProcessRun unknown = run("zoo", "--arch", "resnet-19");
        assertEquals(2, unknown.exit());
        assertEquals("archmeter: unknown model 'resnet-19' (did you mean 'resnet18'?); `archmeter zoo` lists the built-in models",
                unknown.err().strip());
    }

    @Test
    void unknownNamesAndFormatsAreOneLineErrors() {
        InProcessRun r = run("zoo", "resnet19");
        assertEquals(2, r.exit());
        assertEquals("archmeter: unknown model 'resnet19' (did you mean 'resnet18'?); `archmeter zoo` lists the built-in models",
                r.err().strip());
        assertEquals(2, run("zoo", "--format", "xml").exit());
        assertEquals(2, run("zoo", "--weight-dtype", "fp8").exit());
        assertEquals(2, run("zoo", "resnet18", "--arch", "resnet50").exit());
    }
}
