package io.archmeter.encoding;

import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import io.archmeter.model.Key;
import io.archmeter.model.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder writes what the grammar writes, and refuses what the grammar refuses. */
@DisplayName("the candidate builder")
class CandidateBuilderTest {

    private static int[] built(int h, int w, int c, Consumer<CandidateBuilder> body) {
        CandidateBatch batch = new CandidateBatch();
        CandidateBuilder b = new CandidateBuilder(batch).begin(h, w, c);
        body.accept(b);
        b.end();
        return Arrays.copyOf(batch.records(), batch.layers(0) * LayerRecord.LENGTH);
    }

    private static int[] parsed(int h, int w, int c, String arch) {
        CandidateBatch batch = ArchParser.parse(arch, new InputShape(h, w, c));
        return Arrays.copyOf(batch.records(), batch.layers(0) * LayerRecord.LENGTH);
    }

    private static void sameAsGrammar(String arch, Consumer<CandidateBuilder> body) {
        assertArrayEquals(parsed(16, 16, 16, arch), built(16, 16, 16, body), arch);
    }

    @Test
    void everyBlockHelperWritesWhatTheBlockTokenWrites() {
        sameAsGrammar("cn_k3_s2_c32_relu6", b -> b.convBnAct(3, 2, 32, Op.RELU6));
        sameAsGrammar("ir_k3_e6_c16_relu6", b -> b.invertedResidual(3, 1, 6, 16, Op.RELU6));
        sameAsGrammar("ir_k5_s2_e3.67_c24", b -> b.invertedResidual(5, 2, 3.67, 24, Op.RELU));
        sameAsGrammar("ir_k3_e6_c16_se0.25_swish", b -> b.invertedResidual(3, 1, 6, 16, SqueezeExcite.efficientNet(0.25), Op.SWISH));
        sameAsGrammar("ir_k3_e4_c16_seh0.25_hswish", b -> b.invertedResidual(3, 1, 4, 16, SqueezeExcite.mobileNetV3(0.25), Op.HSWISH));
        sameAsGrammar("ds_k3_c16", b -> b.depthwiseSeparable(3, 1, 16, SqueezeExcite.NONE, false, Op.RELU));
        sameAsGrammar("dsa_k3_s2_c32_relu6", b -> b.depthwiseSeparable(3, 2, 32, SqueezeExcite.NONE, true, Op.RELU6));
        sameAsGrammar("res_s2_c32", b -> b.basicBlock(2, 32));
        sameAsGrammar("bot_c64_w16_g2", b -> b.bottleneck(1, 64, 16, 2));
        sameAsGrammar("fire_q8_c32", b -> b.fire(8, 32));
    }

    @Test
    void theThousandthsOverloadOfInvertedResidualStillWritesTheSameBlock() {
        sameAsGrammar("ir_k3_e6_c16_se0.25_relu6", b -> b.invertedResidual(3, 1, 6000, 16, 250, Op.RELU6));
    }

    @Test
    void activationAndSqueezeExciteHelpersWriteWhatTheGrammarWrites() {
        sameAsGrammar("hswish hsigmoid swish sigmoid relu relu6 id", b -> b.hswish().hsigmoid().swish().sigmoid().relu().relu6().identity());
        sameAsGrammar("conv_k1_c32 ( | gap conv_k1_c8 relu conv_k1_c32 hsigmoid )mul",
                b -> b.conv(1, 1, 32).squeezeExcite(8, Op.RELU, Op.HSIGMOID));
    }

    @Test
    void anyOpIsWrittenFromItsKeysWithTheDefaultsOfItsDescription() {
        Parts p = new Parts().set(Key.K, 3, 5).set(Key.S, 2).set(Key.C, 24).set(Key.B, 0);
        sameAsGrammar("conv_k3x5_s2_c24_b0", b -> b.layer(Op.CONV, p));
        sameAsGrammar("maxpool_k3", b -> b.layer(Op.MAX_POOL, new Parts().set(Key.K, 3)));
        sameAsGrammar("shuffle_g4", b -> b.shuffle(4));
    }

    @Test
    void aDagWiredByPositionIsTheGroupTheGrammarWrites() {
        // ( conv_k3_c16 | conv_k1_c16 )add: both branches read the input (-1), the add joins layers 0 and 1
        sameAsGrammar("( conv_k3_c16 | conv_k1_c16 )add", b -> b.conv(3, 1, 16).from(-1).conv(1, 1, 16).join(Op.ADD, 0, 1));
    }

    @Test
    void theBuilderRefusesWhatTheGrammarRefuses() {
        CandidateBuilder b = new CandidateBuilder(new CandidateBatch()).begin(8, 8, 16);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.basicBlock(1, 0)).getMessage().contains("res: c = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.invertedResidual(3, 1, 0.0, 16, Op.RELU))
                .getMessage().contains("expansion ratio 'e'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.invertedResidual(3, 1, 1.2345, 16, Op.RELU))
                .getMessage().contains("at most 3 places"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.invertedResidual(3, 1, 6, 16, Op.CONV))
                .getMessage().contains("conv is not an activation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.block(Block.RES, new Parts().set(Key.C, 16).noskip(true)))
                .getMessage().contains("noskip: res has no residual to leave out"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.block(Block.RES, new Parts().set(Key.K, 3).set(Key.C, 16)))
                .getMessage().contains("res: key k does not apply"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.block(Block.IR, new Parts().set(Key.K, 3)))
                .getMessage().contains("ir: missing required key c"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.layer(Op.MAX_POOL, new Parts().set(Key.M, 2)))
                .getMessage().contains("maxpool: key m does not apply"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.layer(Op.FC, new Parts()))
                .getMessage().contains("fc: missing required key c"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.activation(Op.BATCH_NORM))
                .getMessage().contains("bn is not an activation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.layer(Op.ADD)).getMessage().contains("closes a group"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.from(5)).getMessage().contains("position 5"));
        b.end();
        assertEquals(0, b.batch().layers(0), "no refused layer was kept");
    }

    @Test
    void aDefaultIsWrittenOnceSoTheBuilderAndTheGrammarAgreeOnSamePadding() {
        // k 4x7, d 3x1: floor(3*3/2) = 4 and floor(1*6/2) = 3
        int[] r = built(32, 32, 8, b -> b.layer(Op.CONV, new Parts().set(Key.K, 4, 7).set(Key.D, 3, 1)));
        assertEquals(4, r[LayerRecord.PAD_H_OFFSET]);
        assertEquals(3, r[LayerRecord.PAD_W_OFFSET]);
        assertEquals(4, LayerRecord.samePadding(4, 3));
    }

    @Test
    void aBatchThatGrowsAtAJoinKeepsEveryRecord() {
        // a batch with room for one layer grows at every other layer, joins included: the records must equal
        // those of a batch that never grows (a join written into the array the growth replaced would be lost)
        String cell = "conv_k3_c8 ( conv_k1_c8 | conv_k3_c8 | maxpool_k3_s1_p1 )add ( conv_k1_c4 | conv_k1_c4 )cat"
                + " ( slice_c4 | slice_c4_at4 )cat ( | conv_k1_c8 )add gap fc_c10";
        CandidateBatch small = new CandidateBatch(1, 1);
        CandidateBatch large = new CandidateBatch(8, 4096);
        for (int i = 0; i < 5; i++) {
            ArchParser.parseCandidate(cell, 16, 16, 3, small);
            ArchParser.parseCandidate(cell, 16, 16, 3, large);
        }
        int n = large.layerCount() * LayerRecord.LENGTH;
        assertArrayEquals(Arrays.copyOf(large.records(), n), Arrays.copyOf(small.records(), n));
    }
}
