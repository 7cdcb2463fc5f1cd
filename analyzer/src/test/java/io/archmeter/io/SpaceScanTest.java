package io.archmeter.io;

import io.archmeter.grammar.SyntheticSpace;
import io.archmeter.spaces.SearchSpace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
        for (String name : new String[] {"regnet", "regnety", "darts", "nb101", "chains", "ofa-mbv3", "mcunet", "proxyless"}) {
            String one = sample(name, new ForkJoinPool(1));
            String three = sample(name, new ForkJoinPool(3));
            assertEquals(one, three, name);
        }
    }

    @Test
    void theWritingThreadMakesChunksTooWhileTheOldestIsNotReady() throws Exception {
        // the pool's one worker holds its first candidate until the caller's thread has sampled one itself:
        // a writer that only waited would never get there (the latch times out and the test fails)
        final Thread caller = Thread.currentThread();
        final CountDownLatch callerSampled = new CountDownLatch(1);
        final AtomicBoolean waited = new AtomicBoolean();
        final AtomicBoolean workerSawIt = new AtomicBoolean();
        final SearchSpace regnet = space("regnet");
        SearchSpace watched = (SearchSpace) Proxy.newProxyInstance(SearchSpace.class.getClassLoader(), new Class<?>[] {SearchSpace.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sample")) {
                        if (Thread.currentThread() == caller) {
                            callerSampled.countDown();
                        } else if (waited.compareAndSet(false, true)) {
                            workerSawIt.set(callerSampled.await(30, TimeUnit.SECONDS));
                        }
                    }
                    try {
                        return method.invoke(regnet, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ForkJoinPool pool = new ForkJoinPool(1);
        FilterSpec spec = FilterSpec.builder().pool(pool).chunkSize(5).constraint(Constraint.max("params=1G")).build();
        StringWriter alone = new StringWriter();
        StringWriter helped = new StringWriter();
        SpaceScan.sampled(regnet, 40, 3).score(spec).run(alone, new StringWriter(), QUIET);
        SpaceScan.sampled(watched, 40, 3).score(spec).run(helped, new StringWriter(), QUIET);
        pool.shutdown();
        assertTrue(workerSawIt.get(), "the pool's worker waited 30 s and the caller's thread made no chunk");
        assertEquals(alone.toString(), helped.toString(), "same rows in the same order");
    }

    private static String sample(String name, ForkJoinPool pool) throws IOException {
        StringWriter out = new StringWriter();
        FilterSpec spec = FilterSpec.builder().pool(pool).chunkSize(7).constraint(Constraint.max("params=1G")).build();
        SpaceScan.sampled(space(name), 40, 5).score(spec).run(out, new StringWriter(), QUIET);
        pool.shutdown();
        return out.toString();
    }
}
