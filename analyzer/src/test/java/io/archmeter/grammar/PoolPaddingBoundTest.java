package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.InputShape;
import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pooling layer's padding is at most half its window, as PyTorch checks it (ATen {@code Pool.h},
 * {@code pooling_output_shape}): max pooling pad ≤ floor((d·(k−1) + 1)/2), half the effective
 * kernel; average pooling pad ≤ floor(k/2). The accepted and refused cases were checked against
 * PyTorch 1.13.1 ({@code F.max_pool2d}/{@code F.avg_pool2d} on 8×8: "pad should be at most half of
 * kernel size"), except the dilated max pooling ones, where 1.13 still compared with floor(k/2) and
 * current PyTorch (Pool.h, "half of effective kernel size") is followed: they differ only when
 * d &gt; 1. Grammar, builder and record validation share the rule through the op's description.
 */
@DisplayName("pooling padding at most half the window, as PyTorch")
class PoolPaddingBoundTest {

    private static String grammarError(String arch) {
        return assertThrows(ArchSyntaxException.class, () -> ArchParser.parse(arch, new InputShape(16, 16, 4))).getMessage();
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            maxpool_k3_p5      | maxpool: padding p = 5 (along H) is more than half the effective kernel, as PyTorch's max_pool2d: at most
            maxpool_k3_p5      | at most floor((d*(k-1)+1)/2) = 1 for k = 3, d = 1
            maxpool_k3_p2      | at most floor((d*(k-1)+1)/2) = 1 for k = 3, d = 1
            maxpool_k1_p1      | at most floor((d*(k-1)+1)/2) = 0 for k = 1, d = 1
            maxpool_k2_d2_p2   | at most floor((d*(k-1)+1)/2) = 1 for k = 2, d = 2
            maxpool_k3x1_p1    | padding p = 1 (along W) is more than half the effective kernel
            avgpool_k3_p2      | avgpool: padding p = 2 (along H) is more than half the kernel, as PyTorch's avg_pool2d: at most floor(k/2)
            avgpool_k3_p2      | at most floor(k/2) = 1 for k = 3
            avgpool_k1_p1      | at most floor(k/2) = 0 for k = 1
            avgpool_k4_p0x3    | padding p = 3 (along W) is more than half the kernel
            """)
    void theGrammarRefusesAPaddingOfMoreThanHalfTheWindowNamingTheRule(String arch, String expected) {
        String message = grammarError("conv_k3_c4 " + arch);
        assertTrue(message.startsWith("token 2 '" + arch + "': "), message);
        assertTrue(message.contains(expected), message);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource({"maxpool_k3_p1", "maxpool_k3_s2_p1_ceil1", "maxpool_k2_p1", "maxpool_k2_d3_p2", "maxpool_k3_d2_p2",
        "avgpool_k2_p1", "avgpool_k3_s1_p1", "avgpool_k4_p2", "avgpool_k5_p2", "maxpool_k1", "avgpool_k1"})
    void aPaddingOfAtMostHalfTheWindowIsAccepted(String arch) {
        assertDoesNotThrow(() -> ArchParser.parse(arch, new InputShape(16, 16, 4)));
    }

    @Test
    void theBuilderAndThePythonBridgesPoolCallRefuseItToo() {
        CandidateBuilder b = new CandidateBatch().builder().begin(16, 16, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.pool(Op.MAX_POOL, 3, 3, 1, 1, 5, 5, false));
        assertTrue(e.getMessage().startsWith("layer 1 of candidate 0: maxpool: padding p = 5 (along H)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.pool(Op.AVG_POOL, 2, 2, 1, 1, 0, 2, true));
        assertThrows(IllegalArgumentException.class, () -> b.layer(Op.MAX_POOL, b.parts().set(Key.K, 3).set(Key.P, 2)));
        b.pool(Op.MAX_POOL, 3, 3, 2, 2, 1, 1, true).end();
        assertEquals(1, b.batch().layers(0));
    }

    @Test
    void recordValidationRefusesItForRecordsWrittenByPosition() {
        int[] r = new int[LayerRecord.LENGTH];
        LayerRecord.put(r, 0, OpCode.MAX_POOL, 3, 3, 1, 1, 5, 5, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0));
        assertTrue(e.getMessage().contains("half the effective kernel"), e.getMessage());
        LayerRecord.put(r, 0, OpCode.MAX_POOL, 3, 3, 1, 1, 2, 2, 2, 2, 1, LayerRecord.CHANNELS_FROM_INPUT, 1, 0);
        LayerRecord.validate(r, 0);           // d 2: effective kernel 5, padding up to 2
        LayerRecord.put(r, 0, OpCode.AVG_POOL, 3, 3, 1, 1, 2, 2, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0));
        CandidateBatch batch = new CandidateBatch().begin(8, 8, 2);
        batch.appendLayer(OpCode.MAX_POOL, 3, 3, 1, 1, 1, 1, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1, 0);
        assertThrows(IllegalArgumentException.class,
                () -> batch.appendLayer(OpCode.MAX_POOL, 3, 3, 1, 1, 2, 2, 1, 1, 1, LayerRecord.CHANNELS_FROM_INPUT, 1, 0));
    }

    @Test
    void theBoundIsPartOfThePoolsDescriptionAndNotOfTheConvolutions() {
        assertEquals(KeyUse.Bound.HALF_EFFECTIVE_KERNEL, Op.MAX_POOL.use(Key.P).bound());
        assertEquals(KeyUse.Bound.HALF_KERNEL, Op.AVG_POOL.use(Key.P).bound());
        assertEquals(KeyUse.Bound.NONE, Op.CONV.use(Key.P).bound());
        assertTrue(Op.MAX_POOL.use(Key.P).describe().contains("at most floor((d*(k-1)+1)/2)"), Op.MAX_POOL.use(Key.P).describe());
        // a convolution may pad more than half its kernel, as torch.nn.Conv2d may
        assertDoesNotThrow(() -> ArchParser.parse("conv_k3_p5_c4", new InputShape(8, 8, 3)));
    }

    @Test
    void theTokenCacheNeverHoldsARefusedPool() {
        TokenCache cache = new TokenCache();
        CandidateBatch batch = new CandidateBatch();
        for (int i = 0; i < 3; i++) {
            assertThrows(ArchSyntaxException.class,
                    () -> ArchParser.parseCandidate("maxpool_k3_p5", 8, 8, 2, 10, batch, cache));
        }
        assertEquals(0, batch.size());
    }
}
