package io.archmeter.encoding;

import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.model.InputShape;
import io.archmeter.model.Key;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One candidate may expand to at most {@link CandidateBatch#maxLayers()} layers: a row such as
 * {@code cn_k1_c8_r2147483647} or {@code res_c64_r1000000} is refused with a reason before the
 * block expands (it used to end the whole run in an OutOfMemoryError after 30 s), and no candidate
 * grows the arrays past the limit.
 */
@DisplayName("the layer limit of one candidate")
class LayerLimitTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void blockRepeatsBeyondTheLimitAreRefusedBeforeExpandingAndAllocatingNothingLarge() {
        for (String arch : new String[] {"cn_k1_c8_r2147483647", "res_c64_r1000000", "conv_k3_c8 ir_k3_e6_c8_r900000"}) {
            CandidateBatch batch = new CandidateBatch();
            long before = allocatedBytes();
            ArchSyntaxException e = assertTimeout(Duration.ofSeconds(5), () -> assertThrows(ArchSyntaxException.class,
                    () -> ArchParser.parseCandidate(arch, 32, 32, 3, batch)));
            long allocated = allocatedBytes() - before;
            assertTrue(e.getMessage().contains("expand to at least"), e.getMessage());
            assertTrue(e.getMessage().contains("at most 1,000,000 per candidate"), e.getMessage());
            assertTrue(allocated < 1_000_000, arch + ": " + allocated + " bytes allocated before refusing");
            assertEquals(0, batch.size());
        }
        CandidateBatch batch = new CandidateBatch();
        ArchParser.parseCandidate("res_c64_r100", 32, 32, 64, batch);      // far below the limit: 700 layers
        assertEquals(700, batch.layers(0));
    }

    @Test
    void theLimitCountsEveryLayerOfTheCandidateAndNamesTheTokenThatCrossesIt() {
        CandidateBatch batch = new CandidateBatch().maxLayers(10);
        ArchParser.parseCandidate("relu ".repeat(10), 8, 8, 3, batch);
        assertEquals(10, batch.layers(0));
        ArchSyntaxException e = assertThrows(ArchSyntaxException.class, () -> ArchParser.parseCandidate("relu ".repeat(11), 8, 8, 3, batch));
        assertTrue(e.getMessage().startsWith("token 11 'relu': candidate 1 has more than 10 layers"), e.getMessage());
        // a join that would be layer 11, and a block whose repeats would cross it
        e = assertThrows(ArchSyntaxException.class, () -> ArchParser.parseCandidate("relu ".repeat(9) + "( relu | )add", 8, 8, 3, batch));
        assertTrue(e.getMessage().startsWith("token 13 ')add': candidate 1 has more than 10 layers"), e.getMessage());
        e = assertThrows(ArchSyntaxException.class, () -> ArchParser.parseCandidate("relu relu cn_k1_r3", 8, 8, 3, batch));
        assertTrue(e.getMessage().contains("cn: 3 repeats expand to at least 9 layers, more than the 8 this candidate may still have"),
                e.getMessage());
        assertEquals(1, batch.size());
        ArchParser.parseCandidate("relu relu cn_k1_r2 relu relu", 8, 8, 3, batch);
        assertEquals(10, batch.layers(1));
    }

    @Test
    void theBuilderAndRawWritesStopAtTheLimitAndTheArraysNeverGrowPastIt() {
        CandidateBatch batch = new CandidateBatch(1, 1).maxLayers(100);
        CandidateBuilder b = batch.builder().begin(8, 8, 4);
        for (int i = 0; i < 100; i++) {
            b.relu();
        }
        assertThrows(IllegalArgumentException.class, b::relu);
        assertThrows(IllegalArgumentException.class, () -> batch.reserveLayer());
        assertThrows(IllegalArgumentException.class, () -> b.basicBlock(1, 4));
        assertTrue(batch.records().length <= 100 * LayerRecord.LENGTH, "records hold " + batch.records().length + " ints");
        b.end();
        assertEquals(100, batch.layers(0));
        CandidateBuilder big = new CandidateBatch().builder().begin(8, 8, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> big.convBnAct(1, 1, 4, Op.RELU)
                .block(Block.BOT, big.parts().set(Key.C, 4).set(Key.W, 1).set(Key.R, 200_000)));
        assertTrue(e.getMessage().startsWith("bot: 200000 repeats expand to at least 2,000,000 layers"), e.getMessage());
    }

    @Test
    void theLimitIsSetPerBatchOrByASystemPropertyAndAPropertyThatIsNoCountIsAnError() {
        assertEquals(CandidateBatch.DEFAULT_MAX_LAYERS, new CandidateBatch().maxLayers());
        assertEquals(1_000_000, CandidateBatch.DEFAULT_MAX_LAYERS);
        assertEquals(5_000_000, LayerLimit.fromProperty("5000000").value());
        assertEquals(CandidateBatch.DEFAULT_MAX_LAYERS, LayerLimit.fromProperty(null).value());
        for (String bad : new String[] {"0", "-3", "1e6", "lots", "99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerLimit.fromProperty(bad).check());
            assertTrue(e.getMessage().startsWith("system property archmeter.maxLayers = '" + bad + "' is not a layer count"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CandidateBatch().maxLayers(0));
    }

    /** Every repeat of every block writes at least {@link Blocks#layersPerRepeatAtLeast} layers, whatever its keys. */
    @ParameterizedTest
    @EnumSource(Block.class)
    void theLowerBoundOfEachBlockHoldsForEveryVariant(Block block) {
        int min = Blocks.layersPerRepeatAtLeast(block);
        String[][] variants = {
            {"cn_k3", "cn_k3_s2_c16_swish"},
            {"ir_k3_c16", "ir_k3_e6_c16", "ir_k5_s2_e4_c32_se0.25", "ir_k3_c16_noskip", "ir_k3_e3.67_c16_seh0.25_hswish"},
            {"ds_k3_c16", "ds_k3_s2_c32_se0.25", "ds_k3_c16_noskip"},
            {"dsa_k3_c16", "dsa_k3_s2_c32_seh0.25"},
            {"res_c16", "res_s2_c32"},
            {"bot_c64", "bot_s2_c64_g2_w8"},
            {"fire_q4_c16"},
        };
        for (String v : variants[block.ordinal()]) {
            assertTrue(v.startsWith(block.token() + "_"), v);
            for (int r = 1; r <= 3; r++) {
                String arch = block == Block.FIRE ? v : v + "_r" + r;
                int layers = ArchParser.parse(arch, new InputShape(16, 16, 16)).layers(0);
                int repeats = block == Block.FIRE ? 1 : r;
                assertTrue(layers >= repeats * min, arch + " writes " + layers + " layers, fewer than " + repeats + " x " + min);
            }
        }
        assertEquals(Block.values().length, variants.length);
        assertEquals(OpCode.COUNT, Op.values().length);
    }
}
