package io.archmeter.gen;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the candidate generator")
class CandidateGeneratorTest {

    @Test
    void chainsHaveExactlyTheAskedLayersAndAreValidOn224() {
        CandidateGenerator g = new CandidateGenerator(11);
        CandidateBatch b = new CandidateBatch();
        for (int i = 0; i < 2000; i++) {
            int layers = 5 + i % 56;
            ArchParser.parseCandidate(g.next(layers), 224, 224, 3, b);
            assertEquals(layers, b.layers(i));
        }
        BatchResults r = new Engine(Conventions.DEFAULT).scoreAll(b, new BatchResults());
        assertEquals(0, r.invalidCount());
    }

    @Test
    void blockCandidatesAreValidGraphsOn224AndReproducibleFromTheSeed() {
        CandidateBatch b = new CandidateBatch();
        CandidateGenerator g = new CandidateGenerator(5);
        for (int i = 0; i < 2000; i++) {
            ArchParser.parseCandidate(g.nextBlocks(1 + i % 30), 224, 224, 3, b);
        }
        BatchResults r = new Engine(Conventions.DEFAULT).scoreAll(b, new BatchResults());
        assertEquals(0, r.invalidCount(), () -> "first invalid: " + r.error(firstInvalid(r)));
        int graphs = 0;
        for (int i = 0; i < b.size(); i++) {
            graphs += b.isGraph(i) ? 1 : 0;
        }
        assertTrue(graphs > 1500, "most block candidates have residual joins: " + graphs);
        assertEquals(new CandidateGenerator(5).nextBlocks(20), new CandidateGenerator(5).nextBlocks(20));
    }

    private static int firstInvalid(BatchResults r) {
        for (int i = 0; i < r.size(); i++) {
            if (!r.isValid(i)) {
                return i;
            }
        }
        return -1;
    }
}
