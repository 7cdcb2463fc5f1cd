package io.archmeter.io;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Reads the candidate CSV into {@link Chunk}s of raw rows with Commons CSV, checking the shape of
 * the file as it goes: a header first, then rows of as many fields as the header. Input format:
 * RFC 4180 (comma, double quotes, quotes doubled inside quotes, CRLF or LF line ends), blank
 * lines skipped, a UTF-8 byte-order mark before the header ignored.
 *
 * <p>Line numbers are physical lines of the input, 1-based, the header's first line being line
 * 1; a row with line breaks inside quoted cells is numbered by the line it starts on.
 */
final class CsvChunkReader {
    /** The input format of {@code filter}; see the class comment. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private String[] header;
    /** Line breaks before the input (a byte range of a file starting after them); 0 for a whole file. */
    private final long linesBefore;
    /** The line on which the last record read ended: the next one starts after it. */
    private long lastEndLine;

    CsvChunkReader(Reader in) throws IOException {
        this(in, 0);
    }

    /** A reader of a byte range of a file that starts after {@code linesBefore} line breaks (see {@link ByteRangeSplitter}). */
    CsvChunkReader(Reader in, long linesBefore) throws IOException {
        parser = FORMAT.parse(in);
        records = parser.iterator();
        this.linesBefore = linesBefore;
        this.lastEndLine = linesBefore;
    }

    /** For a range without the header: the header, read from the range that holds it. */
    void useHeader(String[] h) {
        header = h;
    }

    /**
     * The next row, or null at the end of the input.
     *
     * @throws MalformedCsvException on an unbalanced quote or a row of the wrong width
     */
    String[] nextRow() throws IOException {
        CSVRecord record = next();
        if (record == null) {
            return null;
        }
        String[] cells = record.values();
        if (cells.length != header.length) {
            throw wrongWidth(cells);
        }
        return cells;
    }

    /** The line on which the last row read ended. */
    long lastEndLine() {
        return lastEndLine;
    }

    /**
     * Reads the header row.
     *
     * @throws MalformedCsvException if the input is empty or its first record is malformed
     */
    String[] readHeader() throws IOException {
        CSVRecord first = next();
        if (first == null) {
            throw new MalformedCsvException(1, "the input is empty: a header row is required (e.g. id,arch)");
        }
        header = first.values().clone();
        if (header.length > 0 && !header[0].isEmpty() && header[0].charAt(0) == '\uFEFF') {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    /**
     * Appends rows to {@code chunk} until it is full or the input ends.
     *
     * @return false if the input has ended
     * @throws MalformedCsvException on an unbalanced quote or a row of the wrong width
     */
    boolean fill(Chunk chunk) throws IOException {
        final int fields = header.length;
        while (!chunk.isFull()) {
            CSVRecord record = next();
            if (record == null) {
                return false;
            }
            String[] cells = record.values();
            if (cells.length != fields) {
                throw wrongWidth(cells);
            }
            chunk.add(cells, lastEndLine);
        }
        return true;
    }

    private CSVRecord next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            lastEndLine = linesBefore + parser.getCurrentLineNumber();
            return r;
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause());
        }
    }

    // ---- slow paths -------------------------------------------------------------------------

    private IOException malformed(IOException cause) {
        if (!(cause instanceof CSVException)) {
            return cause;
        }
        String m = cause.getMessage();
        String hint = m != null && m.contains("EOF reached before encapsulated token finished")
                ? "unbalanced double quote: a quoted field is not closed before the end of the input"
                : "malformed CSV";
        return new MalformedCsvException(lastEndLine + 1, hint + " (" + m + ")", cause);
    }

    private MalformedCsvException wrongWidth(String[] cells) {
        long line = lastEndLine - lineBreaks(cells);
        return new MalformedCsvException(line, cells.length + (cells.length == 1 ? " field" : " fields")
                + ", but the header has " + header.length + " (" + String.join(", ", header) + ")");
    }

    /** Line breaks inside the cells (CRLF, LF or a lone CR each count once, as Commons CSV counts lines). */
    static int lineBreaks(String[] cells) {
        int n = 0;
        for (String cell : cells) {
            for (int i = 0, len = cell.length(); i < len; i++) {
                char ch = cell.charAt(i);
                if (ch == '\n' || ch == '\r' && (i + 1 == len || cell.charAt(i + 1) != '\n')) {
                    n++;
                }
            }
        }
        return n;
    }
}
