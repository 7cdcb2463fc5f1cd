package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.ByteRange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@link FilterPipeline#prepare(ByteSource, int)}: a file filtered by several workers,
 * each reading whole byte ranges ({@link ByteRangeSplitter}) with its own Commons CSV parser and
 * scoring them on its own thread, while the caller's thread writes the chunks in input order.
 *
 * <pre>
 *   worker 1:  claim range 0 → parse → score → chunks ─┐
 *   worker 2:  claim range 1 → parse → score → chunks ─┼─▶ caller: range 0's chunks, then range 1's, … → write, count
 *   worker n:  …                                      ─┘                         │
 *        ▲  each worker's own chunks come back to it once written  ◀────────────┘
 * </pre>
 *
 * Ranges are claimed in file order (the claim scans the next block of the file: a small fraction
 * of parsing it), and the writer takes them in claim order, so the output, the rejects, the
 * counts and the listener's calls are those of the single reader, row for row. Each worker owns
 * {@value #CHUNKS_PER_WORKER} chunks: a worker ahead of the writer waits for its own chunks only,
 * so the worker of the range being written always has chunks, and memory is bounded by
 * {@code threads × CHUNKS_PER_WORKER} chunks whatever the file's size.
 */
final class RangePipeline {
    /** Chunks each worker owns: one being filled, one being written, one waiting. */
    static final int CHUNKS_PER_WORKER = 3;

    private final FilterSpec spec;
    private final FilterListener listener;
    private final int threads;
    private final long blockBytes;
    /** Takes the kept rows instead of the output, or null (see {@link FilterPipeline#keptRows}). */
    private final KeptRows keptRows;
    /** Bytes of the ranges written so far, for progress. */
    private volatile long bytesWritten;

    RangePipeline(FilterSpec spec, FilterListener listener, int threads, long blockBytes, KeptRows keptRows) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.spec = spec;
        this.listener = listener;
        this.threads = threads;
        this.blockBytes = blockBytes;
        this.keptRows = keptRows;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Reads the header from the first range and checks it against the spec, writing nothing (as
     * {@link FilterPipeline#prepare(Reader)}); the returned run starts the workers.
     */
    Ready prepare(ByteSource source) throws IOException {
        final long start = System.nanoTime();
        Iterator<ByteRange> ranges;
        try {
            // tapered: with blocks of equal size one worker could be left alone with the last one
            ranges = ByteRangeSplitter.split(source, blockBytes, 2 * threads);
            if (!ranges.hasNext()) {
                // an empty file: the single reader's own error
                new CsvChunkReader(new StringReader(""), spec.maxRowChars()).readHeader();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ByteRange first = ranges.next();
        String[] header;
        try (Reader in = open(source, first)) {
            header = new CsvChunkReader(in, spec.maxRowChars(), first.linesBefore()).readHeader();
        }
        HeaderLayout layout = HeaderLayout.of(header, spec);
        if (keptRows != null) {
            keptRows.start(layout.inputHeader);
        }
        return new Ready(source, first, ranges, header, layout, start);
    }

    /** A file whose header has been read and checked: {@link #run} filters it, once. */
    final class Ready {
        private final ByteSource source;
        private final ByteRange first;
        private final Iterator<ByteRange> ranges;
        private final String[] header;
        final HeaderLayout layout;
        private final long start;

        private Ready(ByteSource source, ByteRange first, Iterator<ByteRange> ranges, String[] header, HeaderLayout layout,
                      long start) {
            this.source = source;
            this.first = first;
            this.ranges = ranges;
            this.header = header;
            this.layout = layout;
            this.start = start;
        }

        FilterStats run(Writer out, Writer rejects) throws IOException {
            ChunkWriter writer = new ChunkWriter(layout, spec, out, rejects, listener, start, keptRows);
            writer.writeHeaders();
            Claims claims = new Claims(first, ranges);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Worker w = new Worker(source, header, new ChunkScorer(layout, spec, true), claims, spec, keptRows == null);
                Thread t = new Thread(w::run, "archmeter-filter-range-" + i);
                // a worker blocked on a stream nobody closes must not keep the JVM alive
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
            try {
                return write(claims, writer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("filter interrupted");
            } finally {
                for (Thread t : workers) {
                    t.interrupt();
                }
                for (Thread t : workers) {
                    try {
                        t.join(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    /** The caller's stage: every range's chunks in claim order, each chunk back to its worker once written. */
    private FilterStats write(Claims claims, ChunkWriter writer) throws IOException, InterruptedException {
        long bytes = 0;
        while (true) {
            Claim c = claims.order.take();
            if (c.range == null) {
                if (c.failure != null) {
                    writer.flush();
                    throw FilterPipeline.rethrow(c.failure);
                }
                break;
            }
            while (true) {
                Chunk chunk = c.chunks.take();
                writer.write(chunk);
                if (chunk.failure != null) {
                    writer.flush();
                    throw FilterPipeline.rethrow(chunk.failure);
                }
                boolean last = chunk.last;
                c.worker.free.put(chunk.clear());
                if (last) {
                    break;
                }
            }
            bytes += c.range.length();
            bytesWritten = bytes;
        }
        writer.finish();
        writer.flush();
        return writer.stats();
    }

    /** The characters of a range, decoded as {@link CsvInput} decodes a whole file (invalid bytes kept). */
    private static Reader open(ByteSource source, ByteRange range) {
        return Utf8PassThrough.reader(source.open(range.start(), range.end()));
    }

    /** One range claimed by one worker, and the chunks it has read and scored from it. */
    private static final class Claim {
        final ByteRange range;
        final Worker worker;
        final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        /** On the end marker: why there are no more ranges (the file could not be scanned), or null. */
        final Throwable failure;

        Claim(ByteRange range, Worker worker, Throwable failure) {
            this.range = range;
            this.worker = worker;
            this.failure = failure;
        }
    }

    /** The ranges, handed out in file order; the writer follows {@link #order}, which ends with a marker. */
    private static final class Claims {
        final BlockingQueue<Claim> order = new LinkedBlockingQueue<>();
        private ByteRange first;
        private final Iterator<ByteRange> rest;
        private boolean ended;

        Claims(ByteRange first, Iterator<ByteRange> rest) {
            this.first = first;
            this.rest = rest;
        }

        /** The next range for {@code w}, registered for the writer in order; null when there are none. */
        synchronized Claim next(Worker w) {
            if (ended) {
                return null;
            }
            ByteRange r = first;
            first = null;
            try {
                if (r == null && rest.hasNext()) {
                    r = rest.next();
                }
            } catch (UncheckedIOException e) {
                return end(e.getCause());
            }
            if (r == null) {
                return end(null);
            }
            Claim c = new Claim(r, w, null);
            order.add(c);
            return c;
        }

        /** Ends the claims (also after a worker's failure, so that no further range is started). */
        synchronized Claim end(Throwable failure) {
            if (!ended) {
                ended = true;
                order.add(new Claim(null, null, failure));
            }
            return null;
        }
    }

    /** Reads, parses and scores the ranges it claims, into its own chunks. */
    private static final class Worker {
        final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS_PER_WORKER);
        private final ByteSource source;
        private final String[] header;
        private final ChunkScorer scorer;
        private final Claims claims;
        private final int maxRowChars;
        /** Formats the output lines of rows read as bytes; null when a selection takes the kept rows instead. */
        private final AsciiRowFormatter formatter;

        Worker(ByteSource source, String[] header, ChunkScorer scorer, Claims claims, FilterSpec spec, boolean formatLines) {
            this.source = source;
            this.header = header;
            this.scorer = scorer;
            this.claims = claims;
            this.maxRowChars = spec.maxRowChars();
            this.formatter = formatLines ? new AsciiRowFormatter(spec) : null;
            for (int i = 0; i < CHUNKS_PER_WORKER; i++) {
                free.add(new Chunk(spec.chunkSize(), spec.chunkChars()));
            }
        }

        void run() {
            try {
                for (Claim c = claims.next(this); c != null; c = claims.next(this)) {
                    if (!process(c)) {
                        claims.end(null);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the writer stopped the run
            }
        }

        /** Fills, scores, formats and hands over the chunks of one range; false if it failed (the failure is in its last chunk). */
        private boolean process(Claim c) throws InterruptedException {
            Throwable failure = null;
            boolean more = true;
            try (RangeRowReader reader = new RangeRowReader(source, c.range, header, maxRowChars)) {
                do {
                    Chunk chunk = free.take();
                    try {
                        more = reader.fill(chunk);
                    } catch (Throwable t) {
                        failure = t;
                        more = false;
                    }
                    try {
                        scorer.score(chunk);
                        if (formatter != null) {
                            formatter.format(chunk);
                        }
                    } catch (Throwable t) {
                        // a bug, not bad input: stop with it rather than write unscored rows
                        chunk.size = 0;
                        failure = t;
                        more = false;
                    }
                    chunk.failure = failure;
                    chunk.last = !more;
                    c.chunks.put(chunk);
                } while (more);
            } catch (IOException e) {
                // closing a range read to its end, or failed: the failure is reported
            }
            return failure == null;
        }
    }
}
