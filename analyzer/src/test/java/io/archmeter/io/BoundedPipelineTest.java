package io.archmeter.io;

import io.archmeter.gen.CandidateGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline's memory bounds (issue #9 item 8) and its reading of values as written (item 11):
 * chunks end at a number of characters as well as rows, candidates are scored in batches of a
 * bounded number of layers, and neither changes a byte of the output.
 */
@DisplayName("the pipeline's bounds on memory, and values as written")
class BoundedPipelineTest {

    @Test
    void aChunkEndsWhenItsCellsReachTheCharacterBound() throws IOException {
        StringBuilder csv = new StringBuilder("id,arch\n");
        for (int i = 0; i < 40; i++) {
            // cells of 25 characters: "0" + 14 digits and "conv_k3_c8" (10)
            csv.append(String.format("%015d", i)).append(",conv_k3_c8\n");
        }
        List<Long> rowsAtEachChunk = new ArrayList<>();
        FilterSpec spec = FilterSpec.builder().chunkChars(100).build();
        new FilterPipeline(spec).listener(new FilterListener() {
            @Override
            public void progress(FilterStats soFar) {
                rowsAtEachChunk.add(soFar.rowsRead());
            }
        }).run(new StringReader(csv.toString()), new StringWriter(), new StringWriter());
        // 100 characters fill a chunk: 4 rows each, then an empty last chunk
        assertEquals(List.of(4L, 8L, 12L, 16L, 20L, 24L, 28L, 32L, 36L, 40L, 40L), rowsAtEachChunk);
    }

    @Test
    void scoringInBatchesOfFewLayersChangesNoByteOfTheOutput() throws IOException {
        CandidateGenerator g = new CandidateGenerator(23);
        StringBuilder csv = new StringBuilder("id,arch,input\n");
        for (int i = 0; i < 6_000; i++) {
            String arch = i % 97 == 0 ? "conv_k3_z2" : i % 101 == 0 ? "maxpool_k300" : i % 2 == 0 ? g.nextBlocks(1 + i % 9) : g.next(5 + i % 40);
            csv.append(i).append(',').append(arch).append(',').append(i % 7 == 0 ? "160x160x3" : "").append('\n');
        }
        String[] outputs = new String[4];
        String[] rejects = new String[4];
        ForkJoinPool pool = new ForkJoinPool(4);
        int[] batchLayers = {FilterSpec.DEFAULT_BATCH_LAYERS, 1, 1000, 1000};
        for (int k = 0; k < 4; k++) {
            FilterSpec.Builder spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).all(true).batchLayers(batchLayers[k]);
            if (k == 3) {
                spec.pool(pool).chunkSize(4 * ChunkScorer.PARALLEL_PARSE_ROWS);     // parts parsed in parallel, each in batches
            }
            StringWriter out = new StringWriter();
            StringWriter rej = new StringWriter();
            FilterStats s = new FilterPipeline(spec.build()).run(new StringReader(csv.toString()), out, rej);
            assertEquals(6_000, s.rowsRead());
            outputs[k] = out.toString();
            rejects[k] = rej.toString();
        }
        pool.shutdown();
        for (int k = 1; k < 4; k++) {
            assertEquals(outputs[0], outputs[k], "batch of " + batchLayers[k] + " layers");
            assertEquals(rejects[0], rejects[k]);
        }
        assertTrue(rejects[0].contains("syntax: token") && rejects[0].contains("invalid shapes"), rejects[0].substring(0, 200));
    }

    @Test
    void aRowBeyondTheLengthLimitStopsTheRunWithItsLine() {
        String csv = "id,arch\n1,conv_k3_c8\n2,\"" + "relu ".repeat(30_000) + "\"\n";
        FilterSpec spec = FilterSpec.builder().maxRowChars(10_000).build();
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> new FilterPipeline(spec).run(new StringReader(csv), new StringWriter(), new StringWriter()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("a row longer than 10,000 characters"), e.getMessage());
    }

    @Test
    void chunkSizesOutsideOneToTwoToTheTwentyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FilterSpec.builder().chunkSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> FilterSpec.builder().chunkSize(Integer.MAX_VALUE).build());
        assertEquals(1 << 20, FilterSpec.builder().chunkSize(1 << 20).build().chunkSize());
    }

    @Test
    void aByteOrderMarkFromAnyReaderIsDroppedBeforeAQuotedHeader() throws IOException {
        FilterRun r = FilterRun.of(FilterSpec.builder().columns(io.archmeter.engine.Metric.PARAMS).build(),
                "\uFEFF\"id\",\"arch\"\n1,conv_k1_c4\n");
        assertEquals("id,arch,params\n1,conv_k1_c4,16\n", r.out());
    }

    @Test
    void aSpaceAfterAClosingQuoteStaysInTheValue() throws IOException {
        FilterRun r = FilterRun.of(FilterSpec.builder().columns(io.archmeter.engine.Metric.PARAMS).build(),
                "id,arch\n\"a\" ,conv_k1_c4\n\"b\"\t,conv_k1_c4\n");
        assertEquals("id,arch,params\n\"a \",conv_k1_c4,16\n\"b\t\",conv_k1_c4,16\n", r.out());
    }

    @Test
    void constraintsGivenTwiceOnOneSideOfOneColumnAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterSpec.builder().constraint(Constraint.min("acc=0.5")).constraint(Constraint.min("acc=0.7")).build());
        assertEquals("--min acc is given twice (--min acc=0.5 and --min acc=0.7): give it once", e.getMessage());
    }
}
