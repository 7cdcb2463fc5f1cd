package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;
import io.archmeter.spaces.ofa.OfaMbv3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OFA-MobileNetV3 space benchmark body, run once on a small sample against an independent count. */
class OfaMbv3SpaceBenchmarkTest {

    @Test
    void countsTheCandidatesUnderTheBudgetAsScoringThemOneByOneDoes() {
        OfaMbv3SpaceBenchmark b = new OfaMbv3SpaceBenchmark();
        b.candidates = 3000;
        b.setup();
        long[] r = b.generateAndScore();
        assertEquals(3000, r[0]);
        assertEquals(0, r[1]);
        // the same candidates, one at a time through the single-candidate path
        Engine engine = new Engine(Conventions.DEFAULT);
        int[] ks = new int[20];
        int[] e = new int[20];
        int[] d = new int[5];
        long kept = 0;
        for (int i = 0; i < 3000; i++) {
            CandidateBatch batch = new CandidateBatch();
            OfaMbv3.append(new CandidateBuilder(batch), b.sampler.config(i, ks, e, d), 1000);
            if (engine.score(batch, 0, new Metrics()).macs() <= 300_000_000L) {
                kept++;
            }
        }
        assertEquals(kept, r[2]);
        // and the chunking does not change the result
        assertEquals(kept, b.sampler.sampleAndScore(engine, 3000, 7, m -> m <= 300_000_000L)[2]);
    }

    @Test
    void theBaselinesWriteAndScoreTheSameCandidates() {
        OfaMbv3SpaceBenchmark b = new OfaMbv3SpaceBenchmark();
        b.candidates = OfaMbv3SpaceBenchmark.PREGENERATED;
        b.setup();
        // scoring the pre-written candidates keeps as many as generating and scoring the same ones
        assertEquals(b.generateAndScore()[2], b.scoreOnly());
        // generating them writes as many layers as the setup wrote
        long layers = 0;
        for (CandidateBatch batch : b.pregenerated) {
            layers += batch.layerCount();
        }
        assertEquals(layers, b.generateOnly());
    }
}
