package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.spaces.ofa.OfaMbv3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The command's machinery keeps exactly the candidates of the sampler (the same i of the same seed)
     * that score within both budgets one by one; at fp32 it keeps none, by hand: at the smallest
     * resolution, 128, the input (128·128·3·4 = 196,608 B) and the first convolution's output
     * (64·64·16·4 = 262,144 B) are alive together, 458,752 B &gt; 256 KiB.
     */
    @Test
    void theCommandKeepsTheSamplersCandidatesWithinBothBudgetsAndNoneAtFp32() {
        OfaMbv3SpaceBenchmark b = new OfaMbv3SpaceBenchmark();
        b.candidates = 2000;
        b.setup();
        Conventions int8 = Conventions.DEFAULT.withActivationType(DType.INT8);
        Engine engine = new Engine(int8);
        int[] ks = new int[20];
        int[] e = new int[20];
        int[] d = new int[5];
        long kept = 0;
        for (int i = 0; i < b.candidates; i++) {
            CandidateBatch batch = new CandidateBatch();
            OfaMbv3.append(new CandidateBuilder(batch), b.sampler.config(i, ks, e, d), 1000);
            Metrics m = engine.score(batch, 0, new Metrics());
            if (m.macs() <= 300_000_000L && m.activationPeakBytes() <= 256 * 1024) {
                kept++;
            }
        }
        assertTrue(kept > 0, "some sub-networks fit 256 KiB with int8 activations");
        assertEquals(kept, b.generateCommand());
        assertEquals(0, b.generateCommand(Conventions.DEFAULT));
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
