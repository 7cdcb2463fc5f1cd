package io.archmeter.spaces.timm;

import io.archmeter.engine.Metrics;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.SpaceScoring;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** timm's block-string meaning, pinned on hand-computed networks (timm's rules quoted in each test). */
class TimmBlockSemanticsTest {

    private static Metrics score(String notation) {
        return SpaceScoring.score(b -> TimmNotation.append(notation, b, 224, 224, 1000));
    }

    @Test
    @DisplayName("ir with e1 builds the 1x1 expansion convolution, as timm's InvertedResidual always does")
    void irWithExpansionOneBuildsTheExpansionConv() {
        // efficientnet_b0 settings: stem 3x3/2 3->32 (864) + BN (64); ir e1 on 32: conv_pw 32x32 (1,024) + BN (64),
        // dw 3x3 (288) + BN (64), conv_pwl 32x32 (1,024) + BN (64); head conv 32->1280 (40,960) + BN (2,560); fc 1,281,000
        long expected = 864 + 64 + 1024 + 64 + 288 + 64 + 1024 + 64 + 40_960 + 2_560 + 1_281_000;
        assertEquals(1_327_976, expected);
        assertEquals(expected, score("timm:efficientnet_b0:[['ir_r1_k3_s1_e1_c32']]").params());
        // a ds block of the same shape has no expansion: 1,024 + 64 fewer
        assertEquals(expected - 1_088, score("timm:efficientnet_b0:[['ds_r1_k3_s1_c32']]").params());
    }

    @Test
    @DisplayName("se0.25 squeezes round(mid*0.25/e) with sigmoid in EfficientNet, make_divisible(mid*0.25, 8) in MobileNetV3")
    void squeezeExciteDependsOnTheFamily() {
        // EfficientNet (se_from_exp=False, rd_round_fn=round): in 32, mid 192, squeeze round(192 * 0.25 / 6) = 8:
        // 192*8 + 8 + 8*192 + 192 = 3,272 parameters
        long effnet = score("timm:efficientnet_b0:[['ir_r1_k3_s1_e6_c32_se0.25']]").params()
                - score("timm:efficientnet_b0:[['ir_r1_k3_s1_e6_c32']]").params();
        assertEquals(3_272, effnet);
        // MobileNetV3 (se_from_exp=True, rd_round_fn=round_channels): in 16, mid 96, squeeze make_divisible(24, 8) = 24:
        // 96*24 + 24 + 24*96 + 96 = 4,728 parameters
        long mnv3 = score("timm:mobilenetv3_large_100:[['ir_r1_k3_s1_e6_c16_se0.25']]").params()
                - score("timm:mobilenetv3_large_100:[['ir_r1_k3_s1_e6_c16']]").params();
        assertEquals(4_728, mnv3);
    }

    @Test
    @DisplayName("mobilenetv3_large_100 pasted as its arch_def has 5,483,032 parameters, the one-line form too")
    void mobileNetV3LargeFromItsArchDef() {
        assertEquals(5_483_032, score("timm:mobilenetv3_large_100:" + TimmModels.MOBILENETV3_LARGE).params());
        String oneLine = "ds_r1_k3_s1_e1_c16_nre | ir_r1_k3_s2_e4_c24_nre ir_r1_k3_s1_e3_c24_nre | ir_r3_k5_s2_e3_c40_se0.25_nre"
                + " | ir_r1_k3_s2_e6_c80 ir_r1_k3_s1_e2.5_c80 ir_r2_k3_s1_e2.3_c80 | ir_r2_k3_s1_e6_c112_se0.25"
                + " | ir_r3_k5_s2_e6_c160_se0.25 | cn_r1_k1_s1_c960";
        assertEquals(5_483_032, score("timm:mobilenetv3_large_100:" + oneLine).params());
    }

    @Test
    @DisplayName("only a stage's first block keeps its stride: a later s2 in the same stage is built with stride 1")
    void laterBlocksOfAStageHaveStrideOne() {
        Metrics sameStage = score("timm:efficientnet_b0:[['ir_r1_k3_s1_e1_c32', 'ir_r1_k3_s2_e1_c32']]");
        Metrics ownStage = score("timm:efficientnet_b0:[['ir_r1_k3_s1_e1_c32'], ['ir_r1_k3_s2_e1_c32']]");
        assertEquals(2, sameStage.strideH(), "stem only");
        assertEquals(4, ownStage.strideH(), "stem and the second stage");
    }

    @Test
    @DisplayName("depth scaling gives the stage's ceil(sum*m) repeats out from the last block definition, rounding half to even")
    void depthScalingFollowsScaleStageDepth() {
        TimmBlock one = TimmBlockDecoder.decode("ir_r1_k3_s1_e1_c16");
        TimmBlock two = TimmBlockDecoder.decode("ir_r2_k3_s1_e1_c16");
        // sum 3, ceil(3 * 1.2) = 4; last: round(2/3 * 4 = 2.67) = 3; first: round(1/1 * 1) = 1
        List<TimmBlock> scaled = TimmArchDef.scaleStageDepth(List.of(one, two), 1.2, false);
        assertEquals(4, scaled.size());
        assertEquals(1, scaled.stream().filter(b -> b == one).count());
        // 'round' mode: round(3 * 0.5 = 1.5) = 2 (half to even), last: round(2/3 * 2 = 1.33) = 1, first: max(1, round(1)) = 1
        assertEquals(2, TimmArchDef.scaleStageDepth(List.of(one, two), 0.5, true).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "ds_r1_k3_s1_e6_c16; key 'e' does not apply to ds blocks: timm ignores it",
        "cn_r1_k1_s1_c960_se0.25; key 'se' does not apply to cn blocks",
        "ir_r1_k3_s1_e6_c16_i32; key 'i' does not apply to ir blocks",
        "ir_r1_k3_s1_e6_c16_nxx; 'nxx' is no activation timm knows",
        "ir_r1_k3_s1_e6_c16_nmi; Mish",
        "er_r1_k3.5_s2_e6_c40; kernel list k3.5 (a mixed convolution) on er blocks",
        "ir_r1_k3.5_s2_e6_c40_gs8; kernel list k3.5 (a mixed convolution) on ir blocks with a group size",
        "ir_r1_k3.0_s2_e6_c40; every kernel must be an integer of at least 1",
        "ir_r1_k3_s1_e6_c16_cc4; CondConv",
        "ds_r1_k3_s1_c16_d1; space-to-depth",
        "uir_r1_a3_k5_s2_e4_c80; MobileNetV4",
        "ir_r1_k3_s1_c16; missing key 'e'",
        "ir_r1_k3_k5_s1_e6_c16; key 'k' is given twice",
        "ir_r1_k3_s1_e6_c16_foo; part 'foo' has no value",
        "ir_r1_k3_s1_e6_c16_skip; 'skip' does not apply to ir",
        "xx_r1_k3_s1_c16; unknown block type 'xx'",
    })
    @DisplayName("a block string timm would read differently, or archmeter cannot build, is refused naming the part")
    void refusalsNameThePart(String block, String part) {
        NotationException e = assertThrows(NotationException.class, () -> TimmBlockDecoder.decode(block));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains(block), e.getMessage());
    }

    @Test
    @DisplayName("a stride other than 1 or 2 is refused, as timm asserts")
    void strideThreeIsRefused() {
        NotationException e = assertThrows(NotationException.class, () -> score("timm:efficientnet_b0:[['ir_r1_k3_s3_e6_c16']]"));
        assertTrue(e.getMessage().contains("s3"), e.getMessage());
    }

    @Test
    @DisplayName("CondConv and the EfficientNetV2-B TF ports are refused with what archmeter cannot reproduce")
    void unsupportedModelsSayWhy() {
        assertTrue(assertThrows(NotationException.class, () -> score("timm:tf_efficientnetv2_b0")).getMessage()
                .contains("_gen_efficientnetv2_base"));
        assertTrue(assertThrows(NotationException.class, () -> score("timm:tf_efficientnet_cc_b0_4e")).getMessage()
                .contains("CondConv"));
    }

    /**
     * timm's MixedConv2d, by hand: {@code ir_r1_k3.5_a1.1_p1.1_s1_e3_c24} on 24 channels
     * (efficientnet_b0 settings; a first block cn to 24 gives the input). mid = make_divisible(72) = 72.
     * The expansion a1.1 splits the 24 input channels 12/12 and the 72 mid channels 36/36: two 1x1
     * convolutions, 2 * 12*36 = 864 weights (a dense one would have 1,728); k3.5 splits the 72 mid
     * channels 36/36: depthwise 3x3 and 5x5, 36*9 + 36*25 = 1,224; p1.1 splits 72 -> 24 as 36/36 ->
     * 12/12: 2 * 432 = 864; batch norms 2*72 + 2*72 + 2*24 = 336. An odd split gives the remainder to
     * the first group: _split_channels(25, 2) = [13, 12].
     */
    @Test
    @DisplayName("a MixNet block splits its channels among its kernels as timm's _split_channels does")
    void mixedConvolutionsSplitTheChannels() {
        long mixed = score("timm:efficientnet_b0:[['cn_r1_k1_s1_c24'], ['ir_r1_k3.5_a1.1_p1.1_s1_e3_c24']]").params();
        long base = score("timm:efficientnet_b0:[['cn_r1_k1_s1_c24']]").params();
        assertEquals(864 + 1_224 + 864 + 336, mixed - base);
        assertEquals(13, io.archmeter.spaces.mobile.MobileLayers.split(25, 2, 0));
        assertEquals(12, io.archmeter.spaces.mobile.MobileLayers.split(25, 2, 1));
        assertEquals(5, io.archmeter.spaces.mobile.MobileLayers.split(17, 4, 0));
    }
}
