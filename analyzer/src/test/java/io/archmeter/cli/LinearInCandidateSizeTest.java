package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.LayerSpans;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parsing, scoring and the summary cost time linear in the candidate's size (issue 9, item 7).
 * Each case is at a size where the quadratic code took far longer than its bound (measured on the
 * 2-core development machine, CPU time: 60,000 branches 19 s (so 100,000 about 50 s), groups nested 400,000 deep 23 s,
 * {@code summary cn_k3_r50000} 96 s) and the linear code a second or two; the bounds are on this
 * thread's CPU time, so a loaded machine does not make them flaky. Not a performance measurement
 * (that is JMH's): a guard against going back.
 */
@DisplayName("parsing, scoring and summary are linear in the candidate's size")
class LinearInCandidateSizeTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Generous: several times the second or two the linear code takes, a fraction of what the quadratic code took. */
    private static final double BOUND_SECONDS = 15;

    private static double cpuSeconds(Runnable r) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        r.run();
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
    }

    private static void parseScoreAndTrace(String arch, int layers) {
        CandidateBatch batch = new CandidateBatch();
        ArchParser.parseCandidate(arch, 8, 8, 4, 10, batch, null, new LayerSpans());
        assertEquals(layers, batch.layers(0));
        Engine engine = new Engine(Conventions.DEFAULT);
        Metrics m = engine.score(batch, 0, new Metrics());
        LayerTable t = engine.trace(batch, 0);
        assertEquals(m.activationPeakBytes(), t.totals().activationPeakBytes());
        assertEquals("8x8x4", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
    }

    @Test
    void aGroupOfAHundredThousandBranches() {
        StringBuilder sb = new StringBuilder("conv_k1 (");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? " relu" : " | relu");
        }
        String arch = sb.append(" )add").toString();
        // 1 conv + 100,000 relus + one n-ary join of 100,000 tensors (99,999 join records)
        double s = cpuSeconds(() -> parseScoreAndTrace(arch, 1 + 100_000 + 99_999));
        assertTrue(s < BOUND_SECONDS, s + " s of CPU");
    }

    @Test
    void groupsNestedFourHundredThousandDeep() {
        int depth = 400_000;
        String arch = "conv_k1 " + "( ".repeat(depth) + "relu | )add ".repeat(depth);
        // per group a relu and an add
        double s = cpuSeconds(() -> parseScoreAndTrace(arch, 1 + 2 * depth));
        assertTrue(s < BOUND_SECONDS, s + " s of CPU");
    }

    @Test
    void theSummaryOfAHundredAndFiftyThousandLayers() {
        double[] s = new double[1];
        InProcessRun[] run = new InProcessRun[1];
        s[0] = cpuSeconds(() -> run[0] = InProcessRun.of("summary", "cn_k3_r50000", "--input", "8x8x3", "--format", "csv"));
        assertEquals(0, run[0].exit(), run[0].err());
        // one row per layer: 50,000 repeats of conv (no bias, so its token is conv_k3_b0), bn, relu
        assertEquals(50_000, run[0].out().lines().filter(l -> l.contains(",conv_k3_b0,")).count());
        assertTrue(s[0] < BOUND_SECONDS, s[0] + " s of CPU");
    }
}
