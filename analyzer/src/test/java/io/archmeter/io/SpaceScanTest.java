package io.archmeter.io;

import io.archmeter.grammar.SyntheticSpace;
import io.archmeter.spaces.SearchSpace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Generating and scoring whole spaces")
class SpaceScanTest {
    private static final FilterListener QUIET = FilterListener.NONE;

    private static SearchSpace space(String name) {
        return SyntheticSpace.GENERATE.named(name).orElseThrow();
    }

    @Test
    void allOfNasBench101IsItsUniqueCellsAfterAHeader() throws IOException {
        StringWriter out = new StringWriter();
        FilterStats s = SpaceScan.all(space("nb101")).run(out, null, QUIET);
        assertEquals(423_624, s.rowsRead());
        assertEquals(423_625, out.toString().split("\n", -1).length - 1, "header + cells, each line ended");
        assertTrue(out.toString().startsWith("id,arch\n1,nb101:1:\n"));
    }

    @Test
    void everyNasBench101CellScoresNowThatTruncationIsAChannelSlice() throws IOException {
        FilterSpec keepNothing = FilterSpec.builder().constraint(Constraint.max("params=0")).columns(io.archmeter.engine.Metric.PARAMS)
                .build();
        FilterStats s = SpaceScan.all(space("nb101")).score(keepNothing).run(Writer.nullWriter(), Writer.nullWriter(), QUIET);
        assertEquals(423_624, s.rowsRead());
        assertEquals(0, s.rejected(), "every unique cell builds and has valid shapes");
        assertEquals(423_624, s.filteredOut());
    }

    @Test
    void enumeratedSpacesHaveTheirPublishedSizes() throws IOException {
        assertEquals(15_625, SpaceScan.all(space("nb201")).run(new StringWriter(), null, QUIET).rowsRead());
        assertEquals(32_768, SpaceScan.all(space("nats-sss")).run(new StringWriter(), null, QUIET).rowsRead());
    }

    @Test
    void samplesAreTheSameBytesWhateverTheThreadCount() throws IOException {
        for (String name : new String[] {"regnet", "regnety", "darts", "nb101", "chains"}) {
            String one = sample(name, new ForkJoinPool(1));
            String three = sample(name, new ForkJoinPool(3));
            assertEquals(one, three, name);
        }
    }

    private static String sample(String name, ForkJoinPool pool) throws IOException {
        StringWriter out = new StringWriter();
        FilterSpec spec = FilterSpec.builder().pool(pool).chunkSize(7).constraint(Constraint.max("params=1G")).build();
        SpaceScan.sampled(space(name), 40, 5).score(spec).run(out, new StringWriter(), QUIET);
        pool.shutdown();
        return out.toString();
    }
}
