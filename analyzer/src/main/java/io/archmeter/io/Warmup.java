package io.archmeter.io;

import io.archmeter.gen.CandidateGenerator;
import io.archmeter.io.ByteRangeSplitter.ByteRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Warms up the byte-range workers' code on a spare core while a fresh JVM starts a
 * {@code filter} run: reading rows as bytes, parsing, scoring, judging and formatting them, on
 * {@value #ROWS} generated 20-layer rows of its own, through the very classes the workers use
 * ({@link RangeRowReader}, {@link ChunkScorer}, {@link AsciiRowFormatter}). Its output goes
 * nowhere: it changes no result, only how soon the JIT has compiled the hot loops.
 *
 * <p>Why: a fresh {@code filter} spends about 0.2 s starting (JVM, command line, header) with one
 * core busy, then its workers run the first 100,000 rows at a fraction of their steady speed
 * while the JIT compiles {@code Scorer.score} and the parser (about 0.1 s of C2 time each,
 * 2026-12-01, 2 cores). Started first thing, the warm-up gets those compiles queued early, on
 * the core that start-up leaves idle.
 *
 * <p>It runs only for an input file of at least {@value #MIN_INPUT_BYTES} bytes ({@link #startFor}).
 * It stops after {@value #MAX_ROWS} rows (the compiles are queued by then: more rows only take
 * CPU from the start-up it overlaps), when the run's rows start ({@link #stop()}, called by
 * {@code filter}), after {@value #BUDGET_MILLIS} ms, or at the end of the JVM (a daemon thread);
 * it never runs on one core, and {@code -Darchmeter.warmup=false} turns it off. The calling
 * thread makes the objects and runs two rows first, so the classes on the path are initialised
 * there, not by two threads at once.
 *
 * <p>Measured (2026-12-01, 2 cores, 1,000,000 rows, {@code ./archmeter filter --threads 2}, four
 * interleaved runs each): without it 1.30–1.37 s; with 12,000 to 48,000 warm-up rows 1.19–1.35 s
 * (median about 1.22 s). It delays the start of the real rows by about 0.1 s (the optimising
 * compiles it queues compete with start-up on two cores) and saves about twice that afterwards.
 */
public final class Warmup {
    static final int ROWS = 2_000;
    /** The smallest input worth a warm-up: 64 MiB, about 400,000 rows of 20-layer chains. */
    static final long MIN_INPUT_BYTES = 64L << 20;
    static final long BUDGET_MILLIS = 1_500;
    /** Enough calls for the JIT to queue its optimising compiles of the hot loops; more only takes CPU from start-up. */
    static final long MAX_ROWS = 16_000;

    private static volatile boolean stopped;
    private static Thread thread;

    private final CandidateGenerator generator = new CandidateGenerator(20_261_201L);
    private final String[] header = {"id", "arch"};
    private final ChunkScorer scorer;
    private final AsciiRowFormatter formatter;
    private final Chunk chunk;
    private final int maxRowChars;

    private Warmup() throws IOException {
        FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=300M")).build();
        scorer = new ChunkScorer(HeaderLayout.of(header, spec), spec, true);
        formatter = new AsciiRowFormatter(spec);
        chunk = new Chunk(spec.chunkSize(), spec.chunkChars());
        maxRowChars = spec.maxRowChars();
        // two rows on the calling thread: the classes of the path are initialised here, before the thread starts;
        // the thread makes the rest of its rows itself (making them here would delay the run it warms up)
        round(bytes(rows(2)));
    }

    /** The CSV text of {@code n} generated 20-layer rows, header first. */
    private String rows(int n) {
        StringBuilder csv = new StringBuilder(n * 160).append("id,arch\n");
        for (int i = 0; i < n; i++) {
            csv.append(i).append(',').append(generator.next(20)).append('\n');
        }
        return csv.toString();
    }

    private static ByteSource bytes(String text) {
        return ByteSource.of(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Starts the warm-up for a run over {@code input}, if it is a regular file of at least
     * {@value #MIN_INPUT_BYTES} bytes: below that the warm-up costs more than it saves (on 2 cores
     * it adds about 0.08 s to a 1,000-row run, and saves about 0.1 s on 1,000,000 rows). See
     * {@link #start()}.
     */
    public static void startFor(String input) {
        try {
            final Path file = Path.of(input);
            if (Files.isRegularFile(file) && Files.size(file) >= MIN_INPUT_BYTES) {
                start();
            }
        } catch (IOException | RuntimeException e) {
            // not a file we can size (an option, stdin's "-", a bad path): no warm-up; the run says what is wrong
        }
    }

    /**
     * Starts the warm-up, once per JVM, if there are at least two cores and it is not turned off.
     * Returns at once after making its rows; a failure to make them only means no warm-up.
     */
    public static synchronized void start() {
        if (thread != null || stopped || Runtime.getRuntime().availableProcessors() < 2
                || "false".equals(System.getProperty("archmeter.warmup"))) {
            return;
        }
        final Warmup w;
        try {
            w = new Warmup();
        } catch (IOException | RuntimeException e) {
            return;     // no warm-up: the run itself is unaffected
        }
        thread = new Thread(w::run, "archmeter-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the warm-up at its next chunk: the real work starts. */
    public static void stop() {
        stopped = true;
    }

    /** True once a warm-up thread has been started in this JVM (tests). */
    static synchronized boolean started() {
        return thread != null;
    }

    /** Rows scored valid by warm-ups of this JVM so far: the thread stops at {@link #MAX_ROWS}. */
    private static volatile long rowsWarmed;

    private void run() {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
        try {
            final ByteSource source = bytes(rows(ROWS));
            while (!stopped && System.nanoTime() < end && rowsWarmed < MAX_ROWS) {
                round(source);
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails only warms less
        }
    }

    /** Reads, scores and formats the rows of {@code rows} once; counts the rows scored valid. */
    private void round(ByteSource rows) throws IOException {
        try (RangeRowReader reader = new RangeRowReader(rows, new ByteRange(0, 0, rows.size(), 0), header, maxRowChars)) {
            boolean more = true;
            while (more) {
                more = reader.fill(chunk);
                scorer.score(chunk);
                formatter.format(chunk);
                long valid = 0;
                for (int r = 0; r < chunk.size; r++) {
                    valid += chunk.scored[r] ? 1 : 0;
                }
                rowsWarmed += valid;
                chunk.clear();
            }
        }
    }

    /** One warm-up made and run for one round on this thread, whatever the JVM's warm-up did: rows scored valid (tests). */
    static long oneRound() throws IOException {
        final long before = rowsWarmed;
        final Warmup w = new Warmup();
        w.round(bytes(w.rows(ROWS)));
        return rowsWarmed - before;
    }
}
