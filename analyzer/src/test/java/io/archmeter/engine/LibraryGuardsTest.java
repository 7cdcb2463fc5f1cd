package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library never answers for a candidate that is not there, nor scores a record that breaks
 * the encoding's invariants without saying so (issue 9, item 12).
 */
@DisplayName("the library's guards")
class LibraryGuardsTest {
    private final Engine engine = new Engine(Conventions.DEFAULT);

    private static CandidateBatch parsed(String... archs) {
        CandidateBatch b = new CandidateBatch();
        for (String a : archs) {
            ArchParser.parseCandidate(a, 8, 8, 3, b);
        }
        return b;
    }

    @Test
    void scoringACandidateOfAClearedOrEmptyBatchIsAnIndexErrorNotStaleOrZeroMetrics() {
        CandidateBatch b = parsed("conv_k3_c8 relu gap fc_c10", "conv_k1_c4");
        engine.score(b, 1, new Metrics());
        b.clear();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> engine.score(b, 1, new Metrics()));
        assertEquals("candidate 1 of a batch of 0", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> engine.score(new CandidateBatch(), 0, new Metrics()));
        assertThrows(IndexOutOfBoundsException.class, () -> engine.score(b, 0, new long[MetricRecord.LENGTH], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> engine.trace(b, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> engine.score(parsed("relu"), -1, new Metrics()));
        // the batch's own accessors check the index against the current size too
        assertThrows(IndexOutOfBoundsException.class, () -> b.layers(0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.firstLayer(0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.isGraph(1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.inputHeight(0));
    }

    @Test
    void reusedResultsRefuseIndexesBeyondTheLastRunsSize() {
        CandidateBatch ten = new CandidateBatch();
        for (int i = 0; i < 10; i++) {
            ArchParser.parseCandidate(i == 5 ? "conv_k9_p0" : "conv_k3_c8", 8, 8, 3, ten);
        }
        BatchResults results = engine.scoreAll(ten, new BatchResults());
        assertFalse(results.isValid(5));
        assertTrue(results.isValid(7));
        engine.scoreAll(parsed("relu", "relu", "relu"), results);
        assertEquals(3, results.size());
        for (int i : new int[] {3, 5, 7, -1}) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> results.isValid(i));
            assertEquals("candidate " + i + " of results for 3 candidates", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> results.get(i, MetricRecord.MACS_OFFSET));
            assertThrows(IndexOutOfBoundsException.class, () -> results.error(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> results.get(0, MetricRecord.LENGTH));
        assertTrue(results.isValid(2));
    }

    @Test
    void layersWrittenByPositionAreValidatedWhenTheirCandidateEnds() {
        // negative kernel (was: negative MACs), stride 0 (was: "a count overflows"), op code 99
        int[][] bad = {
            {OpCode.CONV, -3, 3, 1, 1, 0, 0, 1, 1, 1, 8, 1, LayerRecord.FLAG_BIAS},
            {OpCode.CONV, 3, 3, 0, 1, 1, 1, 1, 1, 1, 8, 1, LayerRecord.FLAG_BIAS},
            {99, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0},
        };
        String[] expected = {"conv: kh = -3 must be at least 1", "conv: sh = 0 must be at least 1", "layer record has unknown op code 99"};
        for (int k = 0; k < bad.length; k++) {
            CandidateBatch b = new CandidateBatch().begin(8, 8, 3).appendSimple(OpCode.RELU);
            int[] v = bad[k];
            int o = b.reserveLayer();
            LayerRecord.put(b.records(), o, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::end);
            assertEquals("layer 2 of candidate 0: " + expected[k], e.getMessage());
            b.abort();
            assertEquals(0, b.size());
        }
        CandidateBatch good = new CandidateBatch().begin(8, 8, 3);
        int o = good.reserveLayer();
        LayerRecord.put(good.records(), o, OpCode.CONV, 3, 3, 1, 1, 1, 1, 1, 1, 1, 8, 1, 0);
        good.end();
        assertEquals(3L * 3 * 3 * 64 * 8, engine.score(good, 0, new Metrics()).macs());      // 9 * 3 inputs * 8x8 * 8
    }

    @Test
    void valuesWrittenIntoTheRecordsArrayAreCaughtByValidate() {
        CandidateBatch b = parsed("conv_k3_c8 relu", "conv_k3_c8 ( relu | )add");
        b.validate();
        b.records()[LayerRecord.offset(b.firstLayer(0)) + LayerRecord.KERNEL_W_OFFSET] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.validate(0));
        assertEquals("layer 1 of candidate 0: conv: kw = -1 must be at least 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, b::validate);
        // a reference made to read before the network input
        b.records()[LayerRecord.offset(b.firstLayer(0)) + LayerRecord.KERNEL_W_OFFSET] = 3;
        b.records()[LayerRecord.offset(b.firstLayer(1) + 1) + LayerRecord.IN0_OFFSET] = 9;
        e = assertThrows(IllegalArgumentException.class, () -> b.validate(1));
        assertTrue(e.getMessage().startsWith("layer 2 of candidate 1 reads 9 layers back"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> b.validate(2));
    }
}
