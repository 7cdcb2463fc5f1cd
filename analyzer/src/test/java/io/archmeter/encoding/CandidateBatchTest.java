package io.archmeter.encoding;

import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the primitive encoding")
class CandidateBatchTest {

    @Test
    void theBuilderWritesTheSameRecordsAsTheGrammar() {
        CandidateBatch built = new CandidateBatch();
        new CandidateBuilder(built).begin(224, 224, 3)
                .conv(3, 2, 32).bn().relu6()
                .depthwise(3, 1).bn().relu6()
                .conv(1, 1, 64).maxPool(2, 2).avgPool(2, 2).gap().fc(1000).fc(10, false)
                .end();
        CandidateBatch parsed = ArchParser.parse("conv_k3_s2_c32 bn relu6 dw_k3 bn relu6 conv_k1_c64 maxpool_k2 avgpool_k2 gap"
                + " fc_c1000 fc_c10_b0", new InputShape(224, 224, 3));
        assertEquals(parsed.layers(0), built.layers(0));
        int n = built.layers(0) * LayerRecord.LENGTH;
        assertArrayEquals(Arrays.copyOf(parsed.records(), n), Arrays.copyOf(built.records(), n));
    }

    @Test
    void batchesGrowAndKeepCandidatesApart() {
        CandidateBatch b = new CandidateBatch(1, 1);
        for (int i = 0; i < 100; i++) {
            ArchParser.parseCandidate("conv_k3_c" + (i + 1) + " relu", 8 + i, 9, 3, b);
        }
        assertEquals(100, b.size());
        assertEquals(200, b.layerCount());
        assertEquals(57, b.records()[LayerRecord.offset(b.firstLayer(56)) + LayerRecord.COUT_OFFSET]);
        assertEquals(64, b.inputHeight(56));
        assertEquals(9, b.inputWidth(56));
        b.clear();
        assertEquals(0, b.size());
    }

    @Test
    void validateRejectsRecordsThatBreakTheInvariants() {
        int[] r = new int[LayerRecord.LENGTH];
        LayerRecord.putSimple(r, 0, OpCode.RELU);
        LayerRecord.validate(r, 0);
        r[LayerRecord.KERNEL_H_OFFSET] = 3;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0))
                .getMessage().contains("relu: field kh = 3 must be 1"));
        LayerRecord.put(r, 0, OpCode.CONV, 3, 3, 0, 1, 1, 1, 1, 1, 1, 8, 1, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0))
                .getMessage().contains("sh = 0 must be at least 1"));
        LayerRecord.put(r, 0, 99, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0));
        LayerRecord.put(r, 0, OpCode.FC, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0));
        LayerRecord.put(r, 0, OpCode.BATCH_NORM, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, LayerRecord.FLAG_BIAS);
        assertThrows(IllegalArgumentException.class, () -> LayerRecord.validate(r, 0));
    }

    @Test
    void theBuilderNamesTheLayerOfABadValue() {
        CandidateBuilder b = new CandidateBuilder(new CandidateBatch()).begin(8, 8, 3).relu();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.conv(0, 1, 8));
        assertTrue(e.getMessage().startsWith("layer 2 of candidate 0: conv: kh = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.simple(Op.CONV));
        b.end();
        assertEquals(1, b.batch().layers(0), "the bad layer was not kept");
    }

    @Test
    void scoringAReusedBatchAllocatesNothingInASearchLoop() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CandidateBatch batch = new CandidateBatch();
        CandidateBuilder builder = new CandidateBuilder(batch);
        Engine engine = new Engine(Conventions.DEFAULT);
        Metrics m = new Metrics();
        long sum = 0;
        for (int warm = 0; warm < 2; warm++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                batch.clear();
                builder.begin(224, 224, 3).conv(3, 2, 16 + (i & 15)).bn().relu6().depthwise(3, 2).bn().relu6()
                        .conv(1, 1, 64).gap().fc(1000).end();
                sum += engine.score(batch, 0, m).macs();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (warm == 1) {
                // a few hundred bytes of slack for the measurement itself
                assertTrue(allocated < 1024, "build + score allocated " + allocated + " bytes in 20,000 iterations");
            }
        }
        assertTrue(sum > 0);
    }

    @Test
    void appendingBatchesKeepsEveryCandidateAsItWas() {
        CandidateBatch a = new CandidateBatch(1, 1);
        CandidateBatch b = new CandidateBatch(1, 1);
        ArchParser.parseCandidate("conv_k3_c8 relu", 8, 8, 3, a);
        ArchParser.parseCandidate("( conv_k3_c4 | )add", 9, 9, 4, b);
        ArchParser.parseCandidate("gap fc_c10", 5, 6, 7, b);
        CandidateBatch all = new CandidateBatch(1, 1).appendAll(a).appendAll(b);
        assertEquals(3, all.size());
        assertEquals(2 + 2 + 2, all.layerCount());
        assertEquals(List.of(0, 2, 4), List.of(all.firstLayer(0), all.firstLayer(1), all.firstLayer(2)));
        assertTrue(all.isGraph(1));
        assertEquals(6, all.inputWidth(2));
        Engine e = new Engine(Conventions.DEFAULT);
        assertEquals(e.score(b, 0, new Metrics()).toString(), e.score(all, 1, new Metrics()).toString());
        assertEquals(e.score(a, 0, new Metrics()).toString(), e.score(all, 0, new Metrics()).toString());
    }
}
