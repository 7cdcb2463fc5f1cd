package io.archmeter.spaces.scan;

import io.archmeter.io.Constraint;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Generating and scoring whole spaces")
class SpaceScanTest {
    private static final FilterListener QUIET = new FilterListener() {
    };

    @Test
    void allOfNasBench101IsItsUniqueCellsAfterAHeader() throws IOException {
        StringWriter out = new StringWriter();
        FilterStats s = SpaceScan.all(GenerableSpaces.named("nb101")).run(out, null, QUIET);
        assertEquals(423_624, s.rowsRead());
        assertEquals(423_625, out.toString().split("\n", -1).length - 1, "header + cells, each line ended");
        assertTrue(out.toString().startsWith("id,arch\n1,nb101:1:\n"));
    }

    @Test
    void enumeratedSpacesHaveTheirPublishedSizes() throws IOException {
        assertEquals(15_625, SpaceScan.all(GenerableSpaces.named("nb201")).run(new StringWriter(), null, QUIET).rowsRead());
        assertEquals(32_768, SpaceScan.all(GenerableSpaces.named("nats-sss")).run(new StringWriter(), null, QUIET).rowsRead());
    }

    @Test
    void samplesAreTheSameBytesWhateverTheThreadCount() throws IOException {
        for (String name : new String[] {"regnet", "darts", "nb101", "chains"}) {
            String one = sample(name, new ForkJoinPool(1));
            String three = sample(name, new ForkJoinPool(3));
            assertEquals(one, three, name);
        }
    }

    private static String sample(String name, ForkJoinPool pool) throws IOException {
        StringWriter out = new StringWriter();
        FilterSpec spec = FilterSpec.builder().pool(pool).chunkSize(7).constraint(Constraint.max("params=1G")).build();
        SpaceScan scan = SpaceScan.sampled(GenerableSpaces.named(name), 40, 5);
        if (!name.equals("darts")) {
            scan.score(spec);
        }
        scan.run(out, new StringWriter(), QUIET);
        pool.shutdown();
        return out.toString();
    }
}
