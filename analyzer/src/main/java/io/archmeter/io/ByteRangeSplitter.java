package io.archmeter.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static io.archmeter.grammar.AsciiText.zeroBytes;

/**
 * Cuts a CSV file into byte ranges of whole records, so that each range can be parsed by its own
 * Commons CSV parser, on its own core or on another machine, and the ranges' rows, concatenated in
 * order, are the file's rows. Exact for every input {@link CsvChunkReader#FORMAT} reads, quoted
 * fields with line breaks included: a range never starts inside a record.
 *
 * <h2>How a boundary is found</h2>
 * Whether a line break ends a record depends on every quote before it: {@code "a\nb"} is one
 * field. So the file is cut into <b>blocks</b> at nominal offsets (every {@code blockBytes}), each
 * moved to the start of the next line ({@link #lineStart}; then back before blank lines, {@link #cut}), and each block is scanned for quotes
 * twice over in one pass: as if it began at a record start, and as if it began inside a quoted
 * field. A {@link BlockSummary} keeps the quote state at the block's end for both cases, and its
 * line breaks. Those summaries are independent (phase 1: in parallel, anywhere); chaining them
 * from the file's start, which is a record start, gives the true state at every block start
 * (phase 2, {@link #ranges}: a loop over a few bytes per block). A block that begins at a record
 * start begins a range; a block that begins inside a quoted field joins the range before it.
 *
 * <pre>
 *  bytes    id,arch\n1,"conv_k3\nbn"\n2,relu\n3,gap\n      (36 bytes; blocks of 10)
 *  blocks   [0, 19)    [19, 23)    [23, 30)    [30, 36)      (cuts 10, 20, 30 moved past the next \n)
 *  starts   record     inside "…"  record      record
 *  ranges   [0, 23)                [23, 30)    [30, 36)      (3 and 4 line breaks before them)
 * </pre>
 *
 * <p>The scan follows the lexer of {@link CsvChunkReader#FORMAT} (RFC 4180, Commons CSV): a quote
 * opens a quoted field only as the first character of a field (after a comma, a line break or
 * the start of the file, after a UTF-8 byte-order mark there, which the reader drops); inside one,
 * two quotes are a quote and one quote closes it; line breaks are LF, CR or CRLF. A UTF-8 file's
 * quotes, commas and line breaks are single bytes that never occur inside a multi-byte character,
 * so bytes suffice. Line numbers follow Commons CSV's count (every CR, and every LF not after a
 * CR), so a range's rows get the same line numbers as in one pass over the file:
 * {@link ByteRange#linesBefore()} is the count before its first byte.
 *
 * <p>Used by {@code archmeter filter --threads} (one JVM, {@link #split} scans lazily, ahead of
 * the parsers) and by the Spark module (phase 1 as Spark tasks over a Hadoop file system, phase 2
 * on the driver). The scan reads 8 bytes at a time and costs a small fraction of parsing.
 */
public final class ByteRangeSplitter {
    /** Default nominal block size: large enough that a parser's start-up is noise, small enough to balance cores. */
    public static final long DEFAULT_BLOCK_BYTES = 4L << 20;
    private static final int BUFFER = 1 << 16;

    private ByteRangeSplitter() {
    }

    /**
     * A run of whole records: bytes {@code [start, end)} of a file. The range with {@code start == 0}
     * holds the header. {@code linesBefore} line breaks precede it, so a record its parser reports
     * on relative line {@code n} is on line {@code linesBefore + n} of the file.
     */
    public record ByteRange(int index, long start, long end, long linesBefore) implements Serializable {
        /** Bytes in the range. */
        public long length() {
            return end - start;
        }

        /** True for the first range, whose first record is the header. */
        public boolean holdsHeader() {
            return start == 0;
        }
    }

    /**
     * The quote state at the end of block {@code [start, end)} for both states it may begin in,
     * and its line breaks. {@code start} and {@code end} are line starts ({@link #lineStart}).
     */
    public record BlockSummary(long start, long end, long lineBreaks, boolean quotedAtEndFromRecordStart,
                               boolean quotedAtEndFromQuoted) implements Serializable {
        /** Whether the block ends inside a quoted field, given whether it begins inside one. */
        public boolean quotedAtEnd(boolean quotedAtStart) {
            return quotedAtStart ? quotedAtEndFromQuoted : quotedAtEndFromRecordStart;
        }

        boolean isEmpty() {
            return start == end;
        }
    }

    /**
     * Nominal block offsets for a file of {@code size} bytes: {@code [0, b), [b, 2b), …}, as pairs
     * {@code {from, to}}. Pass each to {@link #summarize}.
     */
    public static List<long[]> nominalBlocks(long size, long blockBytes) {
        if (blockBytes < 1) {
            throw new IllegalArgumentException("block size must be at least 1 byte, not " + blockBytes);
        }
        List<long[]> blocks = new ArrayList<>();
        for (long from = 0; from < size; from += blockBytes) {
            blocks.add(new long[] {from, Math.min(size, from + blockBytes)});
        }
        return blocks;
    }

    /**
     * The first line start at or after {@code offset}: {@code offset} itself if it is 0 or follows an
     * LF byte, else the byte after the next LF, else the file's size.
     */
    public static long lineStart(ByteSource source, long offset) throws IOException {
        long size = source.size();
        if (offset <= 0) {
            return 0;
        }
        if (offset >= size) {
            return size;
        }
        byte[] buf = new byte[BUFFER];
        long p = offset - 1;
        while (p < size) {
            int n = source.read(p, buf, 0, (int) Math.min(buf.length, size - p));
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /**
     * Where a block starts for the nominal offset {@code offset}: its {@link #lineStart}, moved back
     * before the blank lines (LF or CRLF alone) just before it, so that a range begins right after
     * a row's line end and its {@link ByteRange#linesBefore()} is the line that row ends on (the
     * line a reader names as "after the last row", e.g. for a row too long). Monotonic in
     * {@code offset}, as block bounds must be.
     */
    static long cut(ByteSource source, long offset) throws IOException {
        long p = lineStart(source, offset);
        byte[] b = new byte[3];
        while (p > 0) {
            // the line before p is blank if it is LF alone or CR LF alone: the bytes before p are
            // (start or LF) LF, or (start or LF) CR LF
            int n = (int) Math.min(3, p);
            readFully(source, p - n, b, n);
            long blank = -1;
            if (b[n - 1] == '\n') {
                if (n == 1 || b[n - 2] == '\n') {
                    blank = p - 1;
                } else if (b[n - 2] == '\r' && (n == 2 || b[n - 3] == '\n')) {
                    blank = p - 2;
                }
            }
            if (blank < 0) {
                return p;
            }
            p = blank;
        }
        return p;
    }

    private static void readFully(ByteSource source, long at, byte[] b, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = source.read(at + got, b, got, n - got);
            if (r <= 0) {
                throw new java.io.EOFException("the file ended at byte " + (at + got) + " while reading to " + (at + n));
            }
            got += r;
        }
    }

    /**
     * Phase 1 for the nominal block {@code [from, to)}: its bounds moved to line starts, its line
     * breaks and its quote state at the end from either start state. Independent of every other
     * block: run them in any order, on any machine.
     */
    public static BlockSummary summarize(ByteSource source, long from, long to) throws IOException {
        long start = cut(source, from);
        long end = cut(source, to);
        if (end <= start) {
            return new BlockSummary(start, start, 0, false, true);
        }
        return new QuoteScan().scan(source, start, end);
    }

    /**
     * Phase 2: the ranges of a file from the summaries of all its blocks, in file order (empty
     * blocks allowed). The file's start is a record start.
     *
     * @throws IllegalArgumentException if the blocks do not tile the file from byte 0
     */
    public static List<ByteRange> ranges(List<BlockSummary> blocks) {
        Chain chain = new Chain();
        List<ByteRange> ranges = new ArrayList<>();
        for (BlockSummary b : blocks) {
            ByteRange r = chain.add(b);
            if (r != null) {
                ranges.add(r);
            }
        }
        ByteRange last = chain.finish();
        if (last != null) {
            ranges.add(last);
        }
        return ranges;
    }

    /** Phases 1 and 2 on one thread, all at once. */
    public static List<ByteRange> splitAll(ByteSource source, long blockBytes) throws IOException {
        List<BlockSummary> blocks = new ArrayList<>();
        for (long[] b : nominalBlocks(source.size(), blockBytes)) {
            blocks.add(summarize(source, b[0], b[1]));
        }
        return ranges(blocks);
    }

    /**
     * The ranges of {@code source}, scanned lazily as they are asked for: a range is scanned only
     * when the one before it has been taken (and the block after it, to know where it ends). Not
     * thread-safe; {@link Iterator#next()} throws {@link UncheckedIOException} if reading fails.
     */
    public static Iterator<ByteRange> split(ByteSource source, long blockBytes) throws IOException {
        return split(source, blockBytes, 1);
    }

    /**
     * {@link #split(ByteSource, long)} with blocks that get smaller towards the end of the file, for
     * {@code parts} workers taking the ranges in turn: once fewer than {@code parts × blockBytes}
     * bytes are left, a block is a {@code parts}-th of what is left (at least an eighth of
     * {@code blockBytes}). The workers then finish within a small block of each other, where with
     * equal blocks one could be left alone with a whole block while the others wait (4 MiB: about
     * 25 ms of a 1.2 s run). The ranges are other cuts of the same records: the rows, in order, are
     * the same. {@code parts} 1 gives equal blocks.
     *
     * <pre>
     *   parts 4, blockBytes 4:   4 4 4 4 … 4 | 3 2.25 1.7 1.3 1 0.7 0.5 0.5 0.5   (MiB; the last 16 MiB tapered)
     * </pre>
     */
    public static Iterator<ByteRange> split(ByteSource source, long blockBytes, int parts) throws IOException {
        final long size = source.size();
        if (blockBytes < 1) {
            throw new IllegalArgumentException("block size must be at least 1 byte, not " + blockBytes);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, not " + parts);
        }
        final long smallest = Math.max(1, blockBytes / 8);
        return new Iterator<>() {
            private final Chain chain = new Chain();
            private long nextFrom;
            private ByteRange ready;
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (ready == null && !finished) {
                    if (nextFrom >= size) {
                        ready = chain.finish();
                        finished = true;
                        break;
                    }
                    long left = size - nextFrom;
                    long step = left < parts * blockBytes ? Math.max(smallest, left / parts) : blockBytes;
                    long to = Math.min(size, nextFrom + step);
                    try {
                        ready = chain.add(summarize(source, nextFrom, to));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    nextFrom = to;
                }
                return ready != null;
            }

            @Override
            public ByteRange next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ByteRange r = ready;
                ready = null;
                return r;
            }
        };
    }

    /** Phase 2 one block at a time: the true state at each block start, and the ranges it closes. */
    private static final class Chain {
        private long expectedStart;
        private boolean quoted;
        private long lines;
        private long rangeStart = -1;
        private long rangeLinesBefore;
        private int index;

        /** Adds the next block; returns the range it closes, or null. */
        ByteRange add(BlockSummary b) {
            if (b.isEmpty()) {
                return null;
            }
            if (b.start() != expectedStart) {
                throw new IllegalArgumentException("blocks must tile the file in order: block at " + b.start()
                        + ", expected one at " + expectedStart);
            }
            ByteRange closed = null;
            if (!quoted) {
                closed = close(b.start());
                rangeStart = b.start();
                rangeLinesBefore = lines;
            }
            quoted = b.quotedAtEnd(quoted);
            lines += b.lineBreaks();
            expectedStart = b.end();
            return closed;
        }

        ByteRange finish() {
            ByteRange last = close(expectedStart);
            rangeStart = -1;
            return last;
        }

        private ByteRange close(long end) {
            if (rangeStart < 0 || end <= rangeStart) {
                return null;
            }
            return new ByteRange(index++, rangeStart, end, rangeLinesBefore);
        }
    }

    /**
     * One pass over a block with two runs of the quote automaton, one entered at a record start and
     * one entered inside a quoted field. A run's state changes only at a quote and at the byte after
     * one, so words of 8 bytes without a quote or CR (the bulk of a file) only have their LFs counted.
     */
    private static final class QuoteScan {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long QUOTES = 0x2222222222222222L;
        private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
        private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
        /** UTF-8's byte-order mark, EF BB BF. */
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        private static final int OUT = 0;
        private static final int IN = 1;
        /** Inside a quoted field, just after a quote: a second quote makes a literal quote, anything else closes it. */
        private static final int QUOTE = 2;

        private final int[] state = {OUT, IN};
        /** The byte before the current one: a block starts after an LF or at the file's start, where a field starts. */
        private int prev = '\n';
        private long lineBreaks;

        BlockSummary scan(ByteSource source, long start, long end) throws IOException {
            byte[] buf = new byte[BUFFER];
            // the reader drops a byte-order mark at the file's start, so a quote after it opens the first field
            long p = start == 0 && startsWithBom(source, end) ? BOM.length : start;
            while (p < end) {
                int n = source.read(p, buf, 0, (int) Math.min(buf.length, end - p));
                if (n <= 0) {
                    throw new java.io.EOFException("the file ended at byte " + p + " while scanning to " + end);
                }
                scan(buf, n);
                p += n;
            }
            // a quote just before the end (or the file's end) closed its field
            boolean fromStart = state[0] == IN;
            boolean fromQuoted = state[1] == IN;
            return new BlockSummary(start, end, lineBreaks, fromStart, fromQuoted);
        }

        private static boolean startsWithBom(ByteSource source, long end) throws IOException {
            if (end < BOM.length) {
                return false;
            }
            byte[] b = new byte[BOM.length];
            int n = 0;
            while (n < b.length) {
                int r = source.read(n, b, n, b.length - n);
                if (r <= 0) {
                    return false;
                }
                n += r;
            }
            return java.util.Arrays.equals(b, BOM);
        }

        private void scan(byte[] buf, int n) {
            int i = 0;
            // the hot path's state in locals (fields would be stored back on every word): written back around step()
            long breaks = lineBreaks;
            int before = prev;
            boolean pending = state[0] == QUOTE || state[1] == QUOTE;
            for (; i + 8 <= n; i += 8) {
                final long w = (long) LONGS.get(buf, i);
                if ((zeroBytes(w ^ QUOTES) | zeroBytes(w ^ CRS)) == 0 && !pending && before != '\r') {
                    // hot path: no quote, no CR, no pending quote, no CR before: only LFs to count
                    breaks += Long.bitCount(zeroBytes(w ^ LFS));
                    before = (int) (w >>> 56) & 0xFF;
                    continue;
                }
                lineBreaks = breaks;
                prev = before;
                for (int k = i; k < i + 8; k++) {
                    step(buf[k] & 0xFF);
                }
                breaks = lineBreaks;
                before = prev;
                pending = state[0] == QUOTE || state[1] == QUOTE;
            }
            lineBreaks = breaks;
            prev = before;
            for (; i < n; i++) {
                step(buf[i] & 0xFF);
            }
        }

        private void step(int b) {
            if (b == '\n') {
                if (prev != '\r') {
                    lineBreaks++;
                }
            } else if (b == '\r') {
                lineBreaks++;
            }
            state[0] = next(state[0], b);
            state[1] = next(state[1], b);
            prev = b;
        }

        private int next(int s, int b) {
            if (b == '"') {
                switch (s) {
                    case OUT: return prev == ',' || prev == '\n' || prev == '\r' ? IN : OUT;
                    case IN: return QUOTE;
                    default: return IN;
                }
            }
            return s == QUOTE ? OUT : s;
        }

    }
}
