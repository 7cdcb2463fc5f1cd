package io.archmeter.examples;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the random-search example")
class RandomSearchExampleTest {

    @Test
    void findsACandidateWithinBudgetAndItsNumbersAgreeWithTheGrammar() {
        RandomSearchExample.Best best = RandomSearchExample.search(42, 5_000, 25_000_000L, 200_000L);
        assertTrue(best.withinBudget() > 0 && best.withinBudget() < best.tried(), "the budget bites: " + best.withinBudget());
        assertTrue(best.macs() <= 25_000_000L);
        assertTrue(best.params() <= 200_000L);
        // rebuild the winner as a string: the library and the grammar give the same numbers
        StringBuilder arch = new StringBuilder("conv_k3_s2_c16 bn relu6");
        for (int s = 0; s < 5; s++) {
            arch.append(" dw_k").append(best.kernels()[s]).append(s == 0 ? "" : "_s2").append(" bn relu6 conv_k1_c")
                    .append(best.widths()[s]).append(" bn relu6");
        }
        arch.append(" gap fc_c1000");
        Metrics m = new Engine(Conventions.DEFAULT).score(ArchParser.parse(arch.toString(), InputShape.parse("224x224x3")), 0,
                new Metrics());
        assertEquals(best.macs(), m.macs());
        assertEquals(best.params(), m.params());
        assertEquals(best.rf(), Math.min(m.receptiveFieldH(), m.receptiveFieldW()));
        // deterministic for a seed
        RandomSearchExample.Best again = RandomSearchExample.search(42, 5_000, 25_000_000L, 200_000L);
        assertEquals(best.withinBudget(), again.withinBudget());
        assertEquals(best.macs(), again.macs());
        assertEquals(java.util.Arrays.toString(best.widths()), java.util.Arrays.toString(again.widths()));
    }

    @Test
    void scoresAPopulationAsOneBatch() {
        CandidateBatch population = new CandidateBatch();
        CandidateGenerator gen = new CandidateGenerator(3);
        for (int i = 0; i < 10_000; i++) {
            ArchParser.parseCandidate(gen.next(20), 224, 224, 3, population);
        }
        int within = RandomSearchExample.countWithinBudget(population, 300_000_000L);
        assertTrue(within > 0 && within < 10_000, "some but not all within 300M MACs: " + within);
    }
}
