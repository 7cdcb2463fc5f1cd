package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.gen.CandidateGenerator;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the pipeline on a few hundred thousand generated rows with small chunks, so that many
 * chunks are in flight and recycled: the order and the counts must come out exactly.
 */
class ConcurrentPipelineTest {
    static final int ROWS = 300_000;

    @Test
    void manySmallChunksKeepRowOrderAndCountsReconcile() throws IOException {
        CandidateGenerator g = new CandidateGenerator(11);
        StringBuilder csv = new StringBuilder(ROWS * 64).append("id,arch\n");
        int bad = 0;
        for (int i = 0; i < ROWS; i++) {
            String arch = i % 997 == 0 ? "conv_k3_z2" : i % 1009 == 0 ? "maxpool_k300" : g.next(8 + i % 5);
            bad += i % 997 == 0 || i % 1009 == 0 ? 1 : 0;
            csv.append(i).append(',').append(arch).append('\n');
        }
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=150M")).columns(Metric.MACS)
                .all(true).chunkSize(1000).build();
        StringWriter out = new StringWriter(ROWS * 80);
        StringWriter rejects = new StringWriter();
        FilterStats s = new FilterPipeline(spec).run(new StringReader(csv.toString()), out, rejects);

        assertEquals(ROWS, s.rowsRead());
        assertEquals(bad, s.rejected());
        assertEquals(s.rowsRead(), s.kept() + s.filteredOut() + s.rejected());
        assertTrue(s.kept() > 0 && s.filteredOut() > 0, s.toString());
        assertIdsAscending(new StringReader(out.toString()), ROWS - bad);
        assertIdsAscending(new StringReader(rejects.toString()), bad);
    }

    @Test
    void chunksParsedInParallelPartsGiveTheSameOutputAsChunksParsedWhole() throws IOException {
        CandidateGenerator g = new CandidateGenerator(17);
        StringBuilder csv = new StringBuilder("id,arch,input\n");
        for (int i = 0; i < 60_000; i++) {
            String arch = i % 499 == 0 ? "conv_k3_z2" : i % 3 == 0 ? g.nextBlocks(1 + i % 12) : g.next(6 + i % 30);
            String input = i % 701 == 0 ? "32x32" : i % 5 == 0 ? "160x160x3" : "";
            csv.append(i).append(',').append(arch).append(',').append(input).append('\n');
        }
        String[] outputs = new String[2];
        String[] rejected = new String[2];
        int[] chunks = {ChunkScorer.PARALLEL_PARSE_ROWS - 1, 4 * ChunkScorer.PARALLEL_PARSE_ROWS};
        // a pool of 4 workers: 4 parsers, so the large chunks are parsed in parallel parts
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
        for (int k = 0; k < 2; k++) {
            FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).all(true).chunkSize(chunks[k])
                    .pool(pool).build();
            StringWriter out = new StringWriter();
            StringWriter rejects = new StringWriter();
            FilterStats s = new FilterPipeline(spec).run(new StringReader(csv.toString()), out, rejects);
            assertEquals(60_000, s.rowsRead());
            outputs[k] = out.toString();
            rejected[k] = rejects.toString();
        }
        pool.shutdown();
        assertEquals(outputs[0], outputs[1]);
        assertEquals(rejected[0], rejected[1]);
        assertTrue(rejected[1].contains("input: '32x32'") && rejected[1].contains("syntax: token"), rejected[1].substring(0, 300));
    }

    @Test
    void aSlowWriterStillGetsEveryRowInOrder() throws IOException {
        StringBuilder csv = new StringBuilder("id,arch\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",conv_k3_c").append(1 + i % 64).append('\n');
        }
        StringWriter sink = new StringWriter();
        Writer slow = new Writer() {
            int writes;

            @Override
            public void write(char[] c, int off, int len) {
                if (++writes % 5000 == 0) {
                    Thread.yield();
                }
                sink.write(c, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        FilterStats s = new FilterPipeline(FilterSpec.builder().chunkSize(100).build())
                .run(new StringReader(csv.toString()), slow, new StringWriter());
        assertEquals(20_000, s.kept());
        assertIdsAscending(new StringReader(sink.toString()), 20_000);
    }

    /** Checks that the first cells after the header are ascending integers, {@code expected} of them. */
    private static void assertIdsAscending(Reader csv, int expected) throws IOException {
        BufferedReader r = new BufferedReader(csv);
        r.readLine();
        long previous = -1;
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int comma = line.indexOf(',');
            // an output row starts with its id, a rejects row with its line: both ascend with the input
            long id = Long.parseLong(line.substring(0, comma));
            assertTrue(id > previous, "row " + id + " after " + previous);
            previous = id;
            n++;
        }
        assertEquals(expected, n);
    }
}
