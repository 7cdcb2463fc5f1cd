package io.archmeter.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads the rows of a CSV one at a time, with the same format, checks and line numbers as
 * {@link FilterPipeline} (it is the pipeline's own reader): for commands that read a file that is
 * already scored (the output of {@code archmeter filter}) and need no scoring.
 *
 * <pre>{@code
 * CsvRowReader rows = new CsvRowReader(reader);
 * String[] header = rows.header();
 * for (String[] cells; (cells = rows.next()) != null; ) {
 *     long line = rows.line();    // where the row starts
 * }
 * }</pre>
 */
public final class CsvRowReader {
    /** Characters a header may take (with the CSV parser's read-ahead) for {@link #peekHeader}. */
    static final int PEEK_LIMIT = 1 << 20;
    private static final int CHUNK_ROWS = 1024;
    private static final long CHUNK_CHARS = 1 << 20;

    private final CsvChunkReader reader;
    private final String[] header;
    private final Chunk chunk = new Chunk(CHUNK_ROWS, CHUNK_CHARS);
    private int next;
    private boolean more = true;
    private long line;

    /**
     * Reads the header; rows may be up to {@link FilterSpec#DEFAULT_MAX_ROW_CHARS} characters long.
     *
     * @throws MalformedCsvException if the input is empty or its first record is malformed
     */
    public CsvRowReader(Reader in) throws IOException {
        reader = new CsvChunkReader(in, FilterSpec.DEFAULT_MAX_ROW_CHARS);
        header = reader.readHeader();
    }

    /** The header row (a byte-order mark removed). */
    public String[] header() {
        return header.clone();
    }

    /**
     * The next row's cells, or null at the end of the input.
     *
     * @throws MalformedCsvException on an unbalanced quote or a row of the wrong width
     */
    public String[] next() throws IOException {
        if (next == chunk.size) {
            if (!more) {
                return null;
            }
            chunk.clear();
            next = 0;
            more = reader.fill(chunk);
            if (chunk.size == 0) {
                return null;
            }
        }
        line = chunk.startLine(next);
        return chunk.rows[next++];
    }

    /** The 1-based input line on which the row last returned by {@link #next} starts. */
    public long line() {
        return line;
    }

    /**
     * The header of {@code in} without consuming it: {@code in} is marked, read and reset, so the
     * pipeline or a {@code CsvRowReader} then reads it from the start.
     *
     * @throws MalformedCsvException if the input is empty or its first record is malformed
     * @throws IOException           if the header (with read-ahead) is longer than a megabyte
     */
    public static String[] peekHeader(BufferedReader in) throws IOException {
        in.mark(PEEK_LIMIT);
        String[] header = new CsvChunkReader(in, FilterSpec.DEFAULT_MAX_ROW_CHARS).readHeader();
        in.reset();
        return header;
    }
}
