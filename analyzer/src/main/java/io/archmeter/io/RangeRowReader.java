package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.ByteRange;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.archmeter.grammar.AsciiText.zeroBytes;

/**
 * Reads the rows of one {@link ByteRange} of a candidate CSV into chunks, as {@link CsvChunkReader}
 * reads them (same rows, cells, line numbers, errors), but on a fast path while the rows are
 * simple: a byte scanner that finds commas and line ends eight bytes at a time and keeps the rows
 * as bytes ({@link AsciiRows}), with no decoding, no {@code String} per cell and no CSV lexer.
 *
 * <p>A row is simple when it is plain ASCII without a double quote, ending in LF or CRLF: what a
 * NAS candidate file holds row after row. There a cell is exactly its bytes, which is what
 * Commons CSV reads too. At the first row that is not simple (a quote, a lone CR, a byte above
 * 127, a byte-order mark) the rest of the range goes to Commons CSV ({@link CsvChunkReader} from
 * that row, with the lines before it), so quoted cells, line breaks inside them and UTF-8 (invalid
 * bytes kept) are read exactly as by one reader. Ranges are a few MiB, so one unusual row costs
 * the fast path of the rest of its range only.
 *
 * <p>Lines are counted as Commons CSV counts them (CRLF once), blank lines are skipped, and a row
 * longer than {@link FilterSpec#maxRowChars()} stops the read with the message and line the
 * single reader gives (its bound applies, as there, beyond the parser's read-ahead of
 * {@value RowBoundReader#READ_AHEAD} characters).
 */
final class RangeRowReader implements Closeable {
    private static final int BUFFER = 1 << 18;

    private final ByteSource source;
    private final ByteRange range;
    private final String[] header;
    private final int fields;
    private final int maxRowChars;
    /** Longest row the fast path holds: the single reader's bound. */
    private final long maxRowBytes;

    private byte[] buf;
    /** Next unread byte; always at a row start (or blank lines before one). */
    private int pos;
    private int limit;
    /** File offset of {@code buf[limit]}. */
    private long filePos;
    /** Line breaks before {@code buf[pos]}, from the file's start. */
    private long lines;
    private long lastEndLine;
    private boolean headerPending;
    /** The rest of the range, read by Commons CSV once a row is not simple; null before. */
    private CsvChunkReader text;
    private Reader textIn;

    // the bytes [base, pos) of buf are rows of the chunk being filled, not yet copied into it
    private int base;
    private AsciiRows rows;

    RangeRowReader(ByteSource source, ByteRange range, String[] header, int maxRowChars) {
        this(source, range, header, maxRowChars, BUFFER);
    }

    /** With a buffer of {@code bufferBytes} to begin with (tests make it tiny, so that rows cross its end). */
    RangeRowReader(ByteSource source, ByteRange range, String[] header, int maxRowChars, int bufferBytes) {
        this.buf = new byte[bufferBytes];
        this.source = source;
        this.range = range;
        this.header = header;
        this.fields = header.length;
        this.maxRowChars = maxRowChars;
        this.maxRowBytes = (long) maxRowChars + RowBoundReader.READ_AHEAD;
        this.filePos = range.start();
        this.lines = range.linesBefore();
        this.lastEndLine = range.linesBefore();
        this.headerPending = range.holdsHeader();
    }

    /**
     * Appends rows to {@code chunk} (empty) until it is full, the range ends, or the way of reading
     * changes (then it returns with the rows so far).
     *
     * @return false if the range has ended
     * @throws MalformedCsvException as {@link CsvChunkReader#fill}: the rows before the fault are in the chunk
     */
    boolean fill(Chunk chunk) throws IOException {
        if (text != null) {
            return text.fill(chunk);
        }
        rows = chunk.asciiRows(fields);
        base = pos;
        try {
            return fillAscii(chunk);
        } finally {
            if (text == null) {
                keep();
            }
        }
    }

    private boolean fillAscii(Chunk chunk) throws IOException {
        while (!chunk.isFull()) {
            if (pos == limit && !refill()) {
                return false;
            }
            final byte b = buf[pos];
            if (b == '\n') {
                // a blank line: skipped, counted
                lines++;
                pos++;
                continue;
            }
            if (b == '\r') {
                if (pos + 1 == limit && refill(pos)) {
                    continue;
                }
                if (pos + 1 < limit && buf[pos + 1] == '\n') {
                    lines++;
                    pos += 2;
                    continue;
                }
                return toText(chunk);
            }
            final int end = scanRow(chunk);
            if (end == NEED_MORE) {
                continue;
            }
            if (end == NOT_SIMPLE) {
                return toText(chunk);
            }
        }
        return true;
    }

    private static final int NEED_MORE = -1;
    private static final int NOT_SIMPLE = -2;

    /**
     * Scans the row at {@code pos}: adds it to the chunk and moves past its line end, or returns
     * {@link #NEED_MORE} (more bytes were read: scan again) or {@link #NOT_SIMPLE}.
     */
    private int scanRow(Chunk chunk) throws IOException {
        final int r = chunk.size;
        rows.ensureRow(r);
        final int[] ends = rows.fieldEnd;
        final int slot = r * fields;
        // offsets in the chunk's bytes, once [base, pos) is copied there
        final int shift = rows.length - base;
        final int start = pos;
        int f = 0;
        int q = start;
        int lineEnd;
        int after;
        while (true) {
            q = nextSpecial(buf, q, limit);
            if (q == limit) {
                if (q - start > maxRowBytes) {
                    throw tooLong();
                }
                if (refill(start)) {
                    return NEED_MORE;
                }
                // the file's last row, without a line end
                lineEnd = q;
                after = q;
                break;
            }
            final byte c = buf[q];
            if (c == ',') {
                if (f < fields) {
                    ends[slot + f] = q + shift;
                }
                f++;
                q++;
                continue;
            }
            if (c == '\n') {
                lineEnd = q;
                after = q + 1;
                break;
            }
            if (c == '\r') {
                if (q + 1 == limit && refill(start)) {
                    return NEED_MORE;
                }
                if (q + 1 < limit && buf[q + 1] == '\n') {
                    lineEnd = q;
                    after = q + 2;
                    break;
                }
            }
            return NOT_SIMPLE;
        }
        if (lineEnd - start > maxRowBytes) {
            throw tooLong();
        }
        final boolean terminated = after > lineEnd;
        // Commons CSV's line number after a row: its line end counted, or the line it is on at the file's end
        final long endLine = lines + 1;
        if (headerPending) {
            // the header, read and checked before the run: skipped
            headerPending = false;
            lines += terminated ? 1 : 0;
            lastEndLine = endLine;
            pos = after;
            base = pos;
            return after;
        }
        if (f + 1 != fields) {
            keepThrough(start);
            throw CsvChunkReader.wrongWidth(endLine, f + 1, header);
        }
        ends[slot + fields - 1] = lineEnd + shift;
        rows.rowStart[r] = start + shift;
        lines += terminated ? 1 : 0;
        lastEndLine = endLine;
        pos = after;
        chunk.addAscii(endLine, lineEnd - start - (fields - 1));
        return after;
    }

    /** The single reader's error for a row too long, on the line after the last row read. */
    private MalformedCsvException tooLong() {
        keepThrough(pos);
        return new MalformedCsvException(lastEndLine + 1, RowBoundReader.tooLongMessage(maxRowChars));
    }

    /**
     * Reads more of the range into the buffer, keeping {@code buf[from, limit)} (moved to its start,
     * the chunk's rows before {@code from} copied out first); false if the range has no more bytes.
     */
    private boolean refill(int from) throws IOException {
        keepThrough(from);
        if (filePos >= range.end()) {
            return false;
        }
        int kept = limit - from;
        if (from > 0) {
            System.arraycopy(buf, from, buf, 0, kept);
        } else if (kept == buf.length) {
            // one row longer than the buffer: grow it (bounded by the row limit, checked by the scan)
            buf = Arrays.copyOf(buf, 2 * buf.length);
        }
        pos -= from;
        base -= from;
        limit = kept;
        int want = (int) Math.min(buf.length - limit, range.end() - filePos);
        int n = source.read(filePos, buf, limit, want);
        if (n <= 0) {
            throw new java.io.EOFException("the file ended at byte " + filePos + ", before the end of its range at " + range.end()
                    + " (did it shrink while being read?)");
        }
        filePos += n;
        limit += n;
        return true;
    }

    private boolean refill() throws IOException {
        return refill(pos);
    }

    /** Copies the chunk's rows in {@code buf[base, from)} to it. */
    private void keepThrough(int from) {
        if (rows != null && from > base) {
            rows.append(buf, base, from);
            base = from;
        }
    }

    /** Copies the chunk's rows not copied yet. */
    private void keep() {
        keepThrough(pos);
    }

    /**
     * From the row at {@code pos} on, the range is read by Commons CSV. Returns what {@link #fill}
     * returns: true with the rows read so far, or the first rows read that way.
     */
    private boolean toText(Chunk chunk) throws IOException {
        keep();
        rows = null;
        SequenceInputStream rest = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOfRange(buf, pos, limit)),
                source.open(filePos, range.end()));
        textIn = Utf8PassThrough.reader(rest);
        // line breaks before this row: 0 only at the file's start, where a byte-order mark is dropped
        text = new CsvChunkReader(textIn, maxRowChars, lines);
        text.afterRowEndingOn(lastEndLine);
        if (headerPending) {
            headerPending = false;
            text.readHeader();
        } else {
            text.useHeader(header);
        }
        if (chunk.size > 0) {
            return true;
        }
        chunk.ascii = null;
        return text.fill(chunk);
    }

    @Override
    public void close() throws IOException {
        if (textIn != null) {
            textIn.close();
        }
    }

    // ---- the scan -----------------------------------------------------------------------------

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final long QUOTES = 0x2222222222222222L;

    /**
     * The index of the first byte in {@code b[from, to)} that is a comma, LF, CR, double quote or
     * above 127, or {@code to}. Eight bytes at a time: a word without one (most of a row) costs a
     * few operations.
     */
    static int nextSpecial(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            final long w = (long) LONGS.get(b, i);
            final long hits = zeroBytes(w ^ COMMAS) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS) | zeroBytes(w ^ QUOTES) | (w & HIGH);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < to; i++) {
            final byte c = b[i];
            if (c == ',' || c == '\n' || c == '\r' || c == '"' || c < 0) {
                return i;
            }
        }
        return to;
    }

}
