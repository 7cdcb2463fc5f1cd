package io.archmeter.bench;

import io.archmeter.bench.baseline.ObjectArchParser;
import io.archmeter.bench.baseline.ObjectScorer;
import io.archmeter.bridge.Columns;
import io.archmeter.engine.BatchResults;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each body of {@link BridgeBenchmark}, once, against the object baseline's own parser and formulas. */
class BridgeBenchmarkTest {

    @Test
    void everyBridgeBodyGivesTheObjectBaselinesNumbersForEveryCandidate() {
        BridgeBenchmark b = new BridgeBenchmark();
        b.depth = 20;
        b.candidates = 3_000;      // above the bridge's parallel threshold: the parts run
        b.setup();
        int n = b.candidates;
        long[][] expected = new long[n][];
        ObjectScorer scorer = new ObjectScorer(Conventions.DEFAULT);
        for (int i = 0; i < n; i++) {
            expected[i] = scorer.score(ObjectArchParser.parse(b.archs[i]), GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH,
                    GeneratedCandidates.CHANNELS).toRecord();
        }
        // each body writes the same buffer: a copy of each result, checked after all ran
        for (ByteBuffer out : new ByteBuffer[] {copy(b.scorePacked()), copy(b.scoreLines()), copy(b.scoreStrings())}) {
            ByteBuffer o = out.duplicate().order(ByteOrder.nativeOrder());
            for (int i = 0; i < n; i++) {
                assertEquals(0, b.status.get(i), "candidate " + i);
                for (int k = 0; k < Columns.COUNT; k++) {
                    assertEquals(Columns.get(expected[i], 0, k), o.getLong((k * n + i) * Long.BYTES), "candidate " + i + " " + Columns.name(k));
                }
            }
        }
        BatchResults r = b.parseAndScore();
        assertEquals(n, r.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i][0], r.get(i, 0), "candidate " + i);
        }
        long macs = 0;
        for (int i = 0; i < BridgeBenchmark.ONE; i++) {
            macs += expected[i][0];
        }
        assertEquals(macs, b.scoreOne());
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.capacity());
        c.put(b.duplicate().clear());
        return c.clear();
    }
}
