package io.archmeter.bench;

import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
import io.archmeter.model.Conventions;
import io.archmeter.zoo.Zoo;
import io.archmeter.grammar.ArchParser;
import io.archmeter.encoding.CandidateBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The block-scoring benchmark body, run once on a small input against known answers. */
class BlockScoringBenchmarkTest {

    @ParameterizedTest
    @CsvSource({"5, serial", "20, parallel"})
    void scoresEveryBlockCandidateAsTheSingleCandidatePathDoes(int blocks, String mode) {
        BlockScoringBenchmark b = new BlockScoringBenchmark();
        b.blocks = blocks;
        b.mode = mode;
        b.candidates = 1500;
        b.setup();
        BatchResults r = b.scoreAll();
        assertEquals(1500, r.size());
        assertEquals(0, r.invalidCount());
        Engine single = new Engine(Conventions.DEFAULT);
        int graphs = 0;
        for (int i = 0; i < r.size(); i++) {
            long[] expected = new long[MetricRecord.LENGTH];
            single.score(b.batch, i, expected, 0);
            int o = MetricRecord.offset(i);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(r.values(), o, o + MetricRecord.LENGTH), "candidate " + i);
            graphs += b.batch.isGraph(i) ? 1 : 0;
        }
        assertTrue(graphs > 1000, "block candidates are graphs: " + graphs);
    }

    @Test
    void theBlockPathReproducesTorchvisionsMobileNetV2() {
        // the same engine path on a published network: 3,504,872 parameters, 0.301 GMACs
        Zoo.Model v2 = Zoo.find("mobilenet_v2").orElseThrow();
        CandidateBatch batch = new CandidateBatch();
        for (int i = 0; i < 1200; i++) {
            ArchParser.parseCandidate(v2.arch(), 224, 224, 3, batch);
        }
        BatchResults r = new Engine(Conventions.DEFAULT, 1).scoreAll(batch, new BatchResults());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(3_504_872L, r.get(i, MetricRecord.PARAMS_OFFSET));
            assertEquals(301, Math.round(r.get(i, MetricRecord.MACS_OFFSET) / 1e6));
        }
    }
}
