package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branches and joins, checked by hand. Element counts are in the comments; bytes are fp32 (×4). */
@DisplayName("graphs: branches, joins and blocks")
class GraphScoringTest {

    @Test
    void aResidualBlockKeepsItsSkipTensorAliveAcrossTheBlock() {
        // x = 8x8x4 = 256 elements. conv1: x + out1 = 512; conv2: x + out1 + out2 = 768, then out1 dies;
        // add: x + out2 + sum = 768, then x and out2 die. Peak 768 elements; total = 3 * 256.
        Metrics m = score("( conv_k3_c4_b0 bn relu conv_k3_c4_b0 bn | )add relu", "8x8x4");
        assertEquals(768L * 4, m.activationPeakBytes());
        assertEquals(768L * 4, m.activationTotalBytes());
        assertEquals(2L * 9 * 4 * 64 * 4, m.macs());              // two 3x3 convs, 4 -> 4 channels, 64 outputs
        assertEquals(2L * (9 * 4 * 4) + 2 * 8, m.params());       // two convs, two BNs
        assertEquals(5, m.receptiveFieldH());                     // union of r = 5 (P 2) and the skip's r = 1 (P 0)
        assertEquals(2, m.padH());
        assertEquals(0, m.receptiveFieldFlags(), "the two paths are centred alike");
        assertEquals("8x8x4", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
    }

    @Test
    void theSameBlockAsAChainWouldPeakLowerBecauseNothingIsKeptAlive() {
        Metrics chain = score("conv_k3_c4_b0 bn relu conv_k3_c4_b0 bn relu", "8x8x4");
        assertEquals(512L * 4, chain.activationPeakBytes());
    }

    @Test
    void anNaryConcatAllocatesOneOutputWhileHoldingEveryBranch() {
        // x = 256. b1 1x1 -> 2 ch (128): 384; b2 3x3 -> 3 ch (192): 576; b3 maxpool (256): 832, then x dies: 576;
        // cat allocates 9 ch (576): 1152, then the branches die. Peak 1152; total 128 + 192 + 256 + 576.
        Metrics m = score("( conv_k1_c2 | conv_k3_c3 | maxpool_k3_s1_p1 )cat", "8x8x4");
        assertEquals(9, m.outChannels());
        assertEquals(1152L * 4, m.activationPeakBytes());
        assertEquals(1152L * 4, m.activationTotalBytes());
        assertEquals(4L * 2 * 64 + 36L * 3 * 64, m.macs());
        assertEquals(3, m.receptiveFieldH());
    }

    @Test
    void squeezeExciteGatingIsLeftOutOfTheReceptiveFieldAndFlagged() {
        Metrics m = score("conv_k3_c4 ( | gap conv_k1_c2 relu conv_k1_c4 sigmoid )mul", "8x8x4");
        assertEquals(3, m.receptiveFieldH());
        assertEquals(MetricRecord.RF_GLOBAL_BRANCH, m.receptiveFieldFlags());
        assertEquals("8x8x4", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
        // conv 144*4+4, fc-like 1x1 convs 4*2+2 and 2*4+4
        assertEquals(148 + 10 + 12, m.params());
    }

    @Test
    void pathsWithDifferentCentresAreUnitedAndFlaggedUnaligned() {
        // a 1x1 stride-2 conv sees [0,0]; a 2x2 max pool sees [0,1]: same jump 2, centres 0 and 0.5
        Metrics m = score("( conv_k1_s2_c4 | maxpool_k2 )add", "8x8x4");
        assertEquals(MetricRecord.RF_UNALIGNED, m.receptiveFieldFlags());
        assertEquals(2, m.receptiveFieldH());
        assertEquals(2, m.strideH());
        assertEquals(0, m.padH());
    }

    @Test
    void joinsOfMismatchedShapesAreErrorsNamingTheShapes() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> score("( conv_k3_s2_c4 | )add", "8x8x4"));
        assertTrue(e.getMessage().contains("inputs 4x4x4 and 8x8x4 do not join: add needs equal shapes"), e.getMessage());
        assertThrows(InvalidArchitectureException.class, () -> score("( conv_k3_s2_c4 | )cat", "8x8x4"));
        assertThrows(InvalidArchitectureException.class, () -> score("( gap | conv_k1_c5 )mul", "8x8x4"));
    }

    @Test
    void theWorkedExampleOfTheDocumentationPeaksAt24Elements() {
        Metrics m = score("( conv_k3_c2 bn relu conv_k3_c2 bn | )add relu", "2x2x2");
        assertEquals(24L * 4, m.activationPeakBytes());
        assertEquals(24L * 4, m.activationTotalBytes());
        assertEquals(16L * 4, score("conv_k3_c2 bn relu conv_k3_c2 bn relu", "2x2x2").activationPeakBytes());
    }

    @Test
    void groupsNestAndMayStartFromTheNetworkInput() {
        // (( a | b )add | c )cat on x: a, b 3x3 to 4 ch; c identity -> 8 channels
        Metrics m = score("( ( conv_k3_c4 | conv_k1_c4 )add | )cat", "8x8x4");
        assertEquals(8, m.outChannels());
        assertEquals(9L * 16 * 64 + 16L * 64, m.macs());
    }

    @Test
    void aBranchThatNothingReadsIsFreedAtOnce() {
        CandidateBatch b = new CandidateBatch();
        CandidateBuilder g = new CandidateBuilder(b).begin(8, 8, 4);
        g.conv(1, 1, 1, 4, false);         // conv 1x1, read by nothing below
        g.from(-1).relu();                 // relu on the network input
        g.end();
        Metrics m = new Engine(Conventions.DEFAULT).score(b, 0, new Metrics());
        assertEquals(512L * 4, m.activationPeakBytes());
        assertEquals(256L * 4, m.activationTotalBytes());
        assertTrue(b.isGraph(0));
        assertEquals(0, g.depth());
    }

    @Test
    void theBuilderMakesTheSameGraphAsTheGrammar() {
        CandidateBatch built = new CandidateBatch();
        CandidateBuilder cb = new CandidateBuilder(built).begin(8, 8, 4);
        cb.beginGroup().conv(3, 1, 4).bn().relu().nextBranch().endGroup(Op.ADD).relu().end();
        CandidateBatch parsed = ArchParser.parse("( conv_k3_c4 bn relu | )add relu", new InputShape(8, 8, 4));
        Engine e = new Engine(Conventions.DEFAULT);
        assertEquals(e.score(parsed, 0, new Metrics()).toString(), e.score(built, 0, new Metrics()).toString());
    }

    @Test
    void blocksExpandToTheirDocumentedLayers() {
        // ir e6 on 8x8x16, stride 1, 16 out: residual. 1x1 16->96, BN, dw 3x3, BN, 1x1 96->16, BN
        Metrics ir = score("ir_k3_e6_c16", "8x8x16");
        assertEquals(16 * 96 + 192 + 9 * 96 + 192 + 96 * 16 + 32, ir.params());
        assertEquals(score("( conv_k1_c96_b0 bn relu dw_k3_b0 bn relu conv_k1_c16_b0 bn | )add", "8x8x16").toString(), ir.toString());
        // no residual when the channels change or the stride is 2, or with noskip
        assertEquals(score("conv_k1_c96_b0 bn relu6 dw_k3_s2_b0 bn relu6 conv_k1_c24_b0 bn", "8x8x16").toString(),
                score("ir_k3_s2_e6_c24_relu6", "8x8x16").toString());
        assertEquals(score("dw_k3_b0 bn relu conv_k1_c16_b0 bn", "8x8x16").toString(), score("ir_k3_e1_c16_noskip", "8x8x16").toString());
        // decimal expansion rounds to a multiple of 8: 24 * 3.67 = 88.08 -> 88
        assertEquals(score("conv_k1_c88_b0 bn relu dw_k3_b0 bn relu conv_k1_c24_b0 bn", "8x8x24").macs(),
                score("ir_k3_e3.67_c24_noskip", "8x8x24").macs());
        // squeeze-excite: EfficientNet from the block input (16 * 0.25 = 4), MobileNetV3 from the expansion rounded to 8
        assertEquals(score("( conv_k1_c96_b0 bn swish dw_k3_b0 bn swish ( | gap conv_k1_c4 swish conv_k1_c96 sigmoid )mul"
                + " conv_k1_c16_b0 bn | )add", "8x8x16").toString(), score("ir_k3_e6_c16_se0.25_swish", "8x8x16").toString());
        assertEquals(score("( conv_k1_c96_b0 bn hswish dw_k3_b0 bn hswish ( | gap conv_k1_c24 relu conv_k1_c96 hsigmoid )mul"
                + " conv_k1_c16_b0 bn | )add", "8x8x16").toString(), score("ir_k3_e6_c16_seh0.25_hswish", "8x8x16").toString());
    }

    @Test
    void resnetBlocksProjectTheShortcutOnlyWhenTheShapeChanges() {
        assertEquals(score("( conv_k3_c64_b0 bn relu conv_k3_c64_b0 bn | )add relu", "56x56x64").toString(),
                score("res_c64", "56x56x64").toString());
        assertEquals(score("( conv_k3_s2_c128_b0 bn relu conv_k3_c128_b0 bn | conv_k1_s2_p0_c128_b0 bn )add relu", "56x56x64").toString(),
                score("res_s2_c128", "56x56x64").toString());
        assertEquals(score("( conv_k1_c64_b0 bn relu conv_k3_c64_b0 bn relu conv_k1_c256_b0 bn | conv_k1_c256_b0 bn )add relu",
                "56x56x64").toString(), score("bot_c256", "56x56x64").toString());
        // repeats: the stride on the first only
        assertEquals(score("res_s2_c128 res_c128 res_c128", "56x56x64").toString(), score("res_r3_s2_c128", "56x56x64").toString());
    }

    @Test
    void fireConcatenatesItsTwoExpansions() {
        assertEquals(score("conv_k1_c16 relu ( conv_k1_c64 relu | conv_k3_c64 relu )cat", "55x55x96").toString(),
                score("fire_q16_c128", "55x55x96").toString());
        // torchvision Fire(96, 16, 64, 64): 96*16+16 + 16*64+64 + 9*16*64+64 = 11,920 parameters
        assertEquals(11_920, score("fire_q16_c128", "55x55x96").params());
    }

    @Test
    void groupSyntaxErrorsNameTheToken() {
        String[][] cases = {
            {"conv_k3 ( relu", "1 branch group is not closed"},
            {"conv_k3 | relu", "token 2 '|': '|' outside a branch group"},
            {"conv_k3 )add", "token 2 ')add': ')add' outside a branch group"},
            {"( conv_k3 )add", "a group needs at least two branches"},
            {"( conv_k3 | )sum", "a group closes with ')add', ')cat' or ')mul'"},
            {"conv_k3 add", "'add' joins a branch group: write ( a | b )add"},
            {"(conv_k3 | )add", "stands alone, separated by spaces"},
            {"ir_k3_c16_se0.25_seh0.25", "se and seh are two flavours"},
            {"ir_k3_c16_relu_swish", "two activations given"},
            {"ir_k3_c16_e0", "expansion ratio 'e' is 0"},
            {"ir_k3_c16_e1.2345", "at most 3 places"},
            {"fire_q16_c127", "must be even"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ArchParser.parse(c[0], new InputShape(8, 8, 16)), c[0]);
            assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
        }
    }
}
