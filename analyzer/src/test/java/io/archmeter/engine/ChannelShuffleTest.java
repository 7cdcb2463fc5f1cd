package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channel shuffle, the op added through its description alone (docs/adding-an-op.md). ShuffleNet's
 * {@code channel_shuffle(x, g)} is {@code x.view(n, g, C/g, h, w).transpose(1, 2).contiguous()
 * .view(n, C, h, w)}: no parameters, no arithmetic, and the {@code contiguous()} copy allocates a
 * tensor the size of its input. The numbers below are that, by hand.
 */
@DisplayName("channel shuffle")
class ChannelShuffleTest {

    @Test
    void aShuffleCostsNothingButACopyOfItsInput() {
        // 8x8x16 = 1,024 elements: the copy is 1,024 fp32 = 4,096 bytes; input and copy alive together = 8,192
        Metrics m = score("shuffle_g2", "8x8x16");
        assertAll(
                () -> assertEquals(0, m.macs()),
                () -> assertEquals(0, m.flops()),
                () -> assertEquals(0, m.params()),
                () -> assertEquals(4_096, m.activationTotalBytes()),
                () -> assertEquals(8_192, m.activationPeakBytes()),
                () -> assertEquals("8x8x16", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels()),
                () -> assertEquals(1, m.receptiveFieldH()),
                () -> assertEquals(1, m.strideH()),
                () -> assertEquals(0, m.padH()));
    }

    @Test
    void countingElementwiseCostsAddsNothingForAShuffle() {
        // a memory move: no floating-point operation even when element-wise layers are counted
        assertEquals(0, score("shuffle_g4", "8x8x16", Conventions.DEFAULT.withCountElementwise(true)).flops());
    }

    @Test
    void aShuffleBetweenGroupedConvolutionsKeepsTheirCostsAndTheReceptiveField() {
        // ShuffleNet v1 style on 16x16x24: 1x1 g3 to 24 (no bias): 8 inputs per output, 16*16*24 outputs
        // = 8 * 6,144 = 49,152 MACs, 8 * 24 = 192 params; shuffle; 3x3 depthwise (no bias): 9 * 6,144 = 55,296 MACs,
        // 216 params; 1x1 g3 again: 49,152 MACs, 192 params. r = 1 + 2 = 3.
        Metrics m = score("conv_k1_g3_c24_b0 shuffle_g3 dw_k3_b0 conv_k1_g3_c24_b0", "16x16x24");
        assertAll(
                () -> assertEquals(49_152L + 55_296 + 49_152, m.macs()),
                () -> assertEquals(192L + 216 + 192, m.params()),
                () -> assertEquals(3, m.receptiveFieldH()));
        Metrics without = score("conv_k1_g3_c24_b0 dw_k3_b0 conv_k1_g3_c24_b0", "16x16x24");
        assertEquals(without.macs(), m.macs());
        // the copy adds one 16x16x24 tensor to the total: 6,144 * 4 bytes
        assertEquals(without.activationTotalBytes() + 6_144L * 4, m.activationTotalBytes());
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreAnInvalidShape() {
        CandidateBatch b = new CandidateBatch();
        new CandidateBuilder(b).begin(8, 8, 10).shuffle(3).end();
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> new Engine(Conventions.DEFAULT).score(b, 0, new Metrics()));
        assertTrue(e.getMessage().contains("layer 1 (shuffle): input channels 10 not divisible by groups 3"), e.getMessage());
    }

    @Test
    void theGrammarWantsItsGroups() {
        ArchSyntaxException missing = assertThrows(ArchSyntaxException.class, () -> score("shuffle", "8x8x16"));
        assertTrue(missing.getMessage().contains("missing required key g (groups, e.g. shuffle_g2)"), missing.getMessage());
        ArchSyntaxException zero = assertThrows(ArchSyntaxException.class, () -> score("shuffle_g0", "8x8x16"));
        assertTrue(zero.getMessage().contains("groups 'g' is 0"), zero.getMessage());
        ArchSyntaxException kernel = assertThrows(ArchSyntaxException.class, () -> score("shuffle_g2_k3", "8x8x16"));
        assertTrue(kernel.getMessage().contains("key 'k' does not apply to shuffle (expected one of g)"), kernel.getMessage());
    }

    @Test
    void aShuffleInsideABranchKeepsTheSkipTensorAlive() {
        // ( shuffle_g2 | )add on 4x4x8 = 128 elements: x, its shuffled copy and the sum alive at the add = 384
        Metrics m = score("( shuffle_g2 | )add", "4x4x8");
        assertEquals(384L * 4, m.activationPeakBytes());
        assertEquals(256L * 4, m.activationTotalBytes());
    }
}
