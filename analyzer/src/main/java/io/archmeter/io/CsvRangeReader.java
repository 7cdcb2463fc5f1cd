package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.ByteRange;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads the rows of one {@link ByteRange} of a candidate CSV with its own Commons CSV parser, in
 * the filter's input format, with the line numbers they have in the whole file. The range that
 * holds the header reads it first; every other range is told the header.
 *
 * <pre>{@code
 * try (FileChannel ch = ByteSource.openChannel(file)) {
 *     ByteSource src = ByteSource.of(ch);
 *     List<ByteRange> ranges = ByteRangeSplitter.splitAll(src, ByteRangeSplitter.DEFAULT_BLOCK_BYTES);
 *     String[] header = null;
 *     for (ByteRange range : ranges) {                    // or each on its own thread or machine
 *         try (CsvRangeReader r = CsvRangeReader.open(src, range, header)) {
 *             header = r.header();
 *             for (String[] row; (row = r.next()) != null; ) { ... r.startLine() ... }
 *         }
 *     }
 * }
 * }</pre>
 */
public final class CsvRangeReader implements Closeable {
    private final Reader in;
    private final CsvChunkReader reader;
    private final String[] header;
    private String[] last;

    private CsvRangeReader(Reader in, CsvChunkReader reader, String[] header) {
        this.in = in;
        this.reader = reader;
        this.header = header;
    }

    /**
     * Opens {@code range} of {@code source}. For the range holding the header, {@code header} may be
     * null (it is read), or the header expected there (another file's: a different one is an error).
     * Every other range needs the header.
     *
     * @throws MalformedCsvException if the range holding the header has none, or not the expected one
     */
    public static CsvRangeReader open(ByteSource source, ByteRange range, String[] header) throws IOException {
        Reader in = Utf8PassThrough.reader(source.open(range.start(), range.end()));
        try {
            return open(in, range, header);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** As {@link #open(ByteSource, ByteRange, String[])} over the range's characters, already opened. */
    public static CsvRangeReader open(Reader rangeChars, ByteRange range, String[] header) throws IOException {
        CsvChunkReader reader = new CsvChunkReader(rangeChars, FilterSpec.DEFAULT_MAX_ROW_CHARS, range.linesBefore());
        String[] h;
        if (range.holdsHeader()) {
            h = reader.readHeader();
            if (header != null && !Arrays.equals(h, header)) {
                throw new MalformedCsvException(1, "the header " + String.join(",", h) + " differs from the expected "
                        + String.join(",", header));
            }
        } else {
            if (header == null) {
                throw new IllegalArgumentException("range " + range.index() + " does not hold the header: pass it");
            }
            h = header.clone();
            reader.useHeader(h);
        }
        return new CsvRangeReader(rangeChars, reader, h);
    }

    /** The header of the file. */
    public String[] header() {
        return header.clone();
    }

    /**
     * The next row of the range, or null at its end.
     *
     * @throws MalformedCsvException on an unbalanced quote or a row of the wrong width, naming the file's line
     */
    public String[] next() throws IOException {
        last = reader.nextRow();
        return last;
    }

    /** The line of the file on which the last row read ends. */
    public long endLine() {
        return reader.lastEndLine();
    }

    /** The line of the file on which the last row read starts (as the filter's rejects give it). */
    public long startLine() {
        return reader.lastEndLine() - CsvChunkReader.lineBreaks(last);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
