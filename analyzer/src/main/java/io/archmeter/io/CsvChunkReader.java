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
 * lines skipped, a byte-order mark (U+FEFF) before the header dropped before parsing (so that
 * {@code "id",arch} after a BOM is the column {@code id}). Values are kept as written: spaces
 * are not trimmed, and characters after a closing quote ({@code "a" ,}) stay in the value
 * ({@code a }) instead of being dropped.
 *
 * <p>Line numbers are physical lines of the input, 1-based, the header's first line being line
 * 1; a row with line breaks inside quoted cells is numbered by the line it starts on.
 *
 * <p>A row longer than {@link FilterSpec#maxRowChars()} characters stops the read with a
 * {@link MalformedCsvException} naming its line, before it is held in memory whole.
 */
final class CsvChunkReader {
    /** The input format of {@code filter}; see the class comment. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrailingData(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final RowBoundReader bounded;
    private String[] header;
    /** Line breaks before the input (a byte range of a file starting after them); 0 for a whole file. */
    private final long linesBefore;
    /** The line on which the last record read ended: the next one starts after it. */
    private long lastEndLine;

    CsvChunkReader(Reader in, int maxRowChars) throws IOException {
        this(in, maxRowChars, 0);
    }

    /**
     * A reader of a byte range of a file that starts after {@code linesBefore} line breaks (see
     * {@link ByteRangeSplitter}); 0 for the start of the input, the only place where a byte-order
     * mark is dropped (further on, U+FEFF is a character of a cell, as one reader would keep it).
     */
    CsvChunkReader(Reader in, int maxRowChars, long linesBefore) throws IOException {
        bounded = new RowBoundReader(in, maxRowChars, linesBefore == 0);
        parser = FORMAT.parse(bounded);
        records = parser.iterator();
        this.linesBefore = linesBefore;
        this.lastEndLine = linesBefore;
    }

    /**
     * For an input that starts after blank lines: the line the last row before it ends on (errors
     * before the first row read here name the line after it, as one reader of the whole file does).
     */
    void afterRowEndingOn(long line) {
        lastEndLine = line;
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
        return header;
    }

    /**
     * Appends rows to {@code chunk} until it is full or the input ends.
     *
     * @return false if the input has ended
     * @throws MalformedCsvException on an unbalanced quote, a row of the wrong width or a row too long
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
            int chars = 0;
            for (String c : cells) {
                chars += c.length();
            }
            chunk.add(cells, lastEndLine, chars);
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
            bounded.recordEnded();
            return r;
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause());
        }
    }

    // ---- slow paths -------------------------------------------------------------------------

    private IOException malformed(IOException cause) {
        if (cause instanceof RowBoundReader.RowTooLongException) {
            return new MalformedCsvException(lastEndLine + 1, cause.getMessage(), cause);
        }
        if (!(cause instanceof CSVException)) {
            return cause;
        }
        String m = cause.getMessage();
        String hint = m != null && m.contains("EOF reached before encapsulated token finished")
                ? "unbalanced double quote: a quoted field is not closed before the end of the input"
                : "malformed CSV";
        return new MalformedCsvException(lastEndLine + 1, hint + " (" + Text.escape(String.valueOf(m), Text.ECHO_LIMIT) + ")", cause);
    }

    private MalformedCsvException wrongWidth(String[] cells) {
        return wrongWidth(lastEndLine - lineBreaks(cells), cells.length, header);
    }

    /** A row of {@code fields} fields starting on {@code line}, where the header has another number (also {@link RangeRowReader}'s). */
    static MalformedCsvException wrongWidth(long line, int fields, String[] header) {
        return new MalformedCsvException(line, Text.count(fields, "field")
                + ", but the header has " + header.length + " (" + Text.list(header, 20) + ")");
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
