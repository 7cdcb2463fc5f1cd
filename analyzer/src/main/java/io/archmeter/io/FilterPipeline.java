package io.archmeter.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Filters a stream of candidate rows by their metrics: the engine of {@code archmeter filter}.
 * It reads a CSV with a header and an architecture column, scores every row, writes the rows that
 * meet the constraints (all input columns, then the metric columns) in input order, and writes the
 * rows it cannot score, with the line and the reason, to a rejects stream. Nothing is dropped
 * silently: {@code rowsRead == kept + filteredOut + rejected}.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=600M")).build();
 * try (Reader in = Files.newBufferedReader(csv); Writer out = Files.newBufferedWriter(kept);
 *      Writer rejects = Files.newBufferedWriter(bad)) {
 *     FilterStats stats = new FilterPipeline(spec).run(in, out, rejects);
 * }
 * }</pre>
 *
 * <h2>How it runs</h2>
 * Three stages overlap, joined by bounded queues of chunks (of {@link FilterSpec#chunkSize()} rows,
 * or fewer when their cells reach {@link FilterSpec#chunkChars()} characters):
 * <pre>
 *   reader thread        scorer thread                          caller's thread
 *   CSV → raw rows  ──▶  parse archs, Engine.scoreAll, judge ──▶  write in order, count
 *        ▲                                                              │
 *        └──────────────────── free chunks (recycled) ◀─────────────────┘
 * </pre>
 * A fixed set of {@value #CHUNKS_IN_FLIGHT} chunks circulates, so memory is bounded by that many
 * chunks of rows whatever the input's length or its rows' (see {@link FilterSpec}, "Bounded
 * memory"), and the chunks' arrays are reused. With one scorer
 * stage the chunks stay in order without reordering; inside it, a large chunk's architectures are
 * parsed in parallel parts when there are cores beyond the reader's (one parser per such core,
 * each with its own token cache), and {@link io.archmeter.engine.Engine#scoreAll} spreads the
 * scoring over the fork-join pool. On two cores the single reader thread is the limit (measured:
 * a second parser competing with it made the pipeline slower), so there a chunk is parsed whole.
 *
 * <p>The pipeline knows nothing of files: the caller opens, decompresses, counts and closes the
 * streams ({@link CsvInput}, {@link AtomicOutput}), so the same code can run on any source of
 * rows. It flushes {@code out} and {@code rejects} after every chunk (a coprocess reading the
 * output gets each chunk's rows as soon as they are done) but does not close them. When a write
 * fails, the run stops at once: the reader stops reading and the exception is thrown.
 *
 * <p>A caller that replaces files checks the header before it opens them:
 * <pre>{@code
 * FilterPipeline.Prepared job = pipeline.prepare(reader);   // header read and checked; nothing written
 * try (AtomicOutput out = AtomicOutput.open("kept.csv")) {
 *     FilterStats s = job.run(out.writer(), Writer.nullWriter());
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>One run at a time per instance; an instance may be reused for further runs.
 */
public final class FilterPipeline {
    /** Chunks circulating: one being read, one scored, one written, one waiting. */
    static final int CHUNKS_IN_FLIGHT = 4;

    private final FilterSpec spec;
    private FilterListener listener = FilterListener.NONE;
    private KeptRows keptRows;

    public FilterPipeline(FilterSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Sets who hears of rejects and progress (default: nobody). */
    public FilterPipeline listener(FilterListener l) {
        listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /**
     * Sets who takes the kept rows instead of {@code out} (default: nobody; they are written):
     * a selection writes them, through the output, after the input ends; statistics write none.
     * It hears the header in {@link #prepare}, so that a column it lacks is an error before any
     * output is opened.
     *
     * @throws IllegalArgumentException with {@link FilterSpec#all()}, which writes every row as it comes
     */
    public FilterPipeline keptRows(KeptRows k) {
        if (k != null && spec.all()) {
            throw new IllegalArgumentException("--all writes every row as it comes: it cannot be combined with a selection");
        }
        keptRows = k;
        return this;
    }

    /**
     * Filters {@code in} into {@code out}, rejected rows into {@code rejects}: {@link #prepare}
     * then {@link Prepared#run}.
     *
     * @return the counts; {@link FilterStats#bytesRead()} is -1 (the caller knows the bytes)
     * @throws MalformedCsvException    if the CSV is malformed (no header, no architecture column,
     *                                  unbalanced quote, wrong number of fields, a row too long);
     *                                  the rows before the fault have been written
     * @throws IllegalArgumentException if a constraint names an unknown or non-numeric column or a
     *                                  metric column collides with an input column
     * @throws FailFastException        in fail-fast mode, at the first rejected row
     * @throws IOException              if reading or writing fails
     */
    public FilterStats run(Reader in, Writer out, Writer rejects) throws IOException {
        return prepare(in).run(out, rejects);
    }

    /**
     * Reads the header of {@code in} and checks it against the spec (architecture column,
     * constrained columns, metric columns), writing nothing: a caller that replaces files opens
     * them only once this has passed.
     *
     * @throws MalformedCsvException    if the header is missing or has no architecture column
     * @throws IllegalArgumentException if a constraint or metric column does not fit the header
     * @throws IOException              if reading fails
     */
    public Prepared prepare(Reader in) throws IOException {
        final long start = System.nanoTime();
        CsvChunkReader reader = new CsvChunkReader(in, spec.maxRowChars());
        HeaderLayout layout = HeaderLayout.of(reader.readHeader(), spec);
        if (keptRows != null) {
            keptRows.start(layout.inputHeader);
        }
        return new Prepared(layout, (out, rejects) -> runStages(reader, layout, out, rejects, start));
    }

    /** What a prepared input does when run. */
    @FunctionalInterface
    interface Stages {
        FilterStats run(Writer out, Writer rejects) throws IOException;
    }

    /** An input whose header has been read and checked, ready to {@link #run}. Run it once. */
    public final class Prepared {
        private final HeaderLayout layout;
        private final Stages stages;
        private boolean ran;

        private Prepared(HeaderLayout layout, Stages stages) {
            this.layout = layout;
            this.stages = stages;
        }

        /** The input's header, as read. */
        public java.util.List<String> header() {
            return java.util.List.of(layout.inputHeader);
        }

        /** The header of the output: the input's columns, the metric columns, and {@code pass} in --all mode. */
        public java.util.List<String> outputHeader() {
            return java.util.List.of(layout.outputHeader);
        }

        /**
         * Filters the rows into {@code out} and the rejected ones into {@code rejects}; flushes
         * both after each chunk, closes neither.
         *
         * @see FilterPipeline#run(Reader, Writer, Writer)
         */
        public FilterStats run(Writer out, Writer rejects) throws IOException {
            if (ran) {
                throw new IllegalStateException("a prepared input runs once");
            }
            ran = true;
            return stages.run(out, rejects);
        }
    }

    private FilterStats runStages(CsvChunkReader reader, HeaderLayout layout, Writer out, Writer rejects, long start)
            throws IOException {
        ChunkWriter writer = new ChunkWriter(layout, spec, out, rejects, listener, start, keptRows);
        writer.writeHeaders();
        ChunkScorer scorer = new ChunkScorer(layout, spec);

        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        BlockingQueue<Chunk> read = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        BlockingQueue<Chunk> scored = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        for (int i = 0; i < CHUNKS_IN_FLIGHT; i++) {
            free.add(new Chunk(spec.chunkSize(), spec.chunkChars()));
        }
        Thread readThread = start("archmeter-filter-read", () -> readLoop(reader, free, read));
        Thread scoreThread = start("archmeter-filter-score", () -> scoreLoop(scorer, read, scored));
        try {
            while (true) {
                Chunk chunk = scored.take();
                writer.write(chunk);
                if (chunk.failure != null) {
                    writer.flush();
                    throw rethrow(chunk.failure);
                }
                if (chunk.last) {
                    writer.finish();
                    break;
                }
                free.put(chunk.clear());
            }
            writer.flush();
            return writer.stats();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("filter interrupted");
        } finally {
            stop(readThread);
            stop(scoreThread);
        }
    }

    /**
     * Filters a file in byte ranges on {@code threads} threads: {@link #prepare(ByteSource, int)}
     * then {@link Prepared#run}.
     *
     * @throws IOException as {@link #run(Reader, Writer, Writer)} throws it (malformed CSV, I/O), and
     *                     its {@link FailFastException} and {@link IllegalArgumentException}s too
     */
    public FilterStats run(ByteSource file, int threads, Writer out, Writer rejects) throws IOException {
        return prepare(file, threads).run(out, rejects);
    }

    /**
     * Reads the header of a file to filter in byte ranges on {@code threads} threads, and checks it,
     * writing nothing. Its run has each thread read whole records ({@link ByteRangeSplitter},
     * quoted line breaks included) with its own CSV parser and score them, and the caller's thread
     * write them in input order. The output, the rejects, the counts and the listener's calls are
     * those of {@link #run(Reader, Writer, Writer)} on the same bytes (UTF-8, read as
     * {@link CsvInput} reads a plain file), for every number of threads. For a plain file; a
     * compressed stream is not splittable (read it with {@link #prepare(Reader)}).
     *
     * @throws MalformedCsvException    if the header is missing or has no architecture column
     * @throws IllegalArgumentException if a constraint or metric column does not fit the header,
     *                                  or {@code threads} is less than 1
     * @throws IOException              if reading fails
     */
    public Prepared prepare(ByteSource file, int threads) throws IOException {
        RangePipeline ranges = new RangePipeline(spec, listener, threads, blockBytes, keptRows);
        rangeRun = ranges;
        RangePipeline.Ready ready = ranges.prepare(file);
        return new Prepared(ready.layout, ready::run);
    }

    /** Bytes of the file written so far by the running (or last) byte-range run; 0 before one. */
    public long rangeBytesWritten() {
        RangePipeline r = rangeRun;
        return r != null ? r.bytesWritten() : 0;
    }

    /** The nominal block size of byte-range runs (tests make it small to cut small files into many ranges). */
    FilterPipeline blockBytes(long bytes) {
        blockBytes = bytes;
        return this;
    }

    private long blockBytes = ByteRangeSplitter.DEFAULT_BLOCK_BYTES;
    private volatile RangePipeline rangeRun;

    /** Reads chunks until the input ends or fails; the last chunk carries the end (and the failure). */
    private static void readLoop(CsvChunkReader reader, BlockingQueue<Chunk> free, BlockingQueue<Chunk> read) {
        try {
            boolean more = true;
            while (more) {
                Chunk chunk = free.take();
                try {
                    more = reader.fill(chunk);
                } catch (Throwable t) {
                    chunk.failure = t;
                    more = false;
                }
                chunk.last = !more;
                read.put(chunk);
            }
        } catch (InterruptedException e) {
            // the writer stopped the run
        }
    }

    /** Scores every chunk, including the rows before a read failure, and passes it on. */
    private static void scoreLoop(ChunkScorer scorer, BlockingQueue<Chunk> read, BlockingQueue<Chunk> scored) {
        try {
            boolean last = false;
            while (!last) {
                Chunk chunk = read.take();
                try {
                    scorer.score(chunk);
                } catch (Throwable t) {
                    // a bug, not bad input: stop with it rather than write unscored rows
                    chunk.size = 0;
                    chunk.failure = t;
                    chunk.last = true;
                }
                last = chunk.last;
                scored.put(chunk);
            }
        } catch (InterruptedException e) {
            // the writer stopped the run
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        // a reader blocked on a stream nobody closes must not keep the JVM alive
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void stop(Thread t) {
        t.interrupt();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error er) {
            throw er;
        }
        return new IOException(t);
    }
}
