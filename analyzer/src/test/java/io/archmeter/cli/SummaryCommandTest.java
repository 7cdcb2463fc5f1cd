package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("archmeter summary")
class SummaryCommandTest {

    static InProcessRun run(String... args) {
        return InProcessRun.of(args);
    }

    @Test
    void printsTheCaffeAlexnetTableWithTotalsAndModelSize() {
        InProcessRun r = run("summary", "alexnet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("conv_k11_s4_p0_c96   55x55x96      11   4   0  105,415,200  105,705,600      34,944"), r.out());
        assertTrue(r.out().contains("MACs                724,406,816"), r.out());
        assertTrue(r.out().contains("FLOPs (multiply)    725,066,088"), r.out());
        assertTrue(r.out().contains("params              60,965,224"), r.out());
        assertTrue(r.out().contains("model size (fp32)   243,860,896 bytes = 238145.4 KiB = 232.6 MiB"), r.out());
        assertTrue(r.out().contains("r 195, S 32, P 64"), r.out());
        assertTrue(r.out().contains("fc_c4096             1x1x4096   whole"), "global layers see the whole input");
    }

    @Test
    void writesCsvWithOneRowPerLayerAndATotalRow() {
        InProcessRun r = run("summary", "alexnet", "--format", "csv");
        String[] lines = r.out().split("\n");
        assertEquals("index,layer,output,rf_h,rf_w,stride_h,stride_w,pad_h,pad_w,global,macs,flops,params,act_bytes", lines[0]);
        assertEquals("1,conv_k11_s4_p0_c96,55x55x96,11,11,4,4,0,0,0,105415200,105705600,34944,1161600", lines[1]);
        assertEquals(1 + 22 + 1, lines.length);
        assertTrue(lines[23].startsWith("total,,1x1x1000,195,195,32,32,64,64,,724406816,725066088,60965224,"), lines[23]);
    }

    @Test
    void writesJsonWithConventionsLayersAndTotals() {
        InProcessRun r = run("summary", "vgg16", "--format", "json", "--flops", "strict", "--weight-dtype", "fp16");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"flops\": \"strict\""), r.out());
        assertTrue(r.out().contains("\"macs\": 15470264320"), r.out());
        assertTrue(r.out().contains("\"params\": 138357544"), r.out());
        assertTrue(r.out().contains("\"weight_bytes\": 276715088"), r.out());
        assertTrue(r.out().contains("{\"index\": 1, \"layer\": \"conv_k3_c64\", \"output\": \"224x224x64\""), r.out());
    }

    @Test
    void acceptsAnArchitectureStringWithAnInput() {
        InProcessRun r = run("summary", "conv_k3_s2_c8 bn relu gap fc_c10", "--input", "32x32x3", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1,conv_k3_s2_c8,16x16x8,3,3,2,2,1,1,0,55296,57344,224,8192"), r.out());
    }

    @Test
    void aBadArchitectureIsOneClearLineAndExitCode2() {
        InProcessRun r = run("summary", "conv_k3_c8 rleu");
        assertEquals(2, r.exit());
        assertEquals("archmeter: token 2 'rleu': unknown op 'rleu' (did you mean 'relu'?); expected one of conv, dw, maxpool,"
                + " avgpool, gap, fc, bn, relu, relu6, sigmoid, swish, hswish, hsigmoid, tanh, gelu, lrn, dropout, flatten, id, shuffle,"
                + " slice, crop, cn, ir, ds, dsa, res, bot, fire",
                r.err().strip());
    }

    @Test
    void anInvalidShapeNamesTheLayer() {
        InProcessRun r = run("summary", "conv_k5_p0_c8 conv_k5_p0_c8", "--input", "6x6x3");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("archmeter: layer 2 (conv): output size 0x0 is not positive: input 2x2, kernel 5x5"), r.err());
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
    }
}
