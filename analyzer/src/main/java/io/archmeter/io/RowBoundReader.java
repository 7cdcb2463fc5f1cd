package io.archmeter.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The reader under the CSV parser: drops a byte-order mark at the very start of the input (for
 * any reader, so that the parser sees a quoted first header cell as quoted), and bounds the characters of one row
 * before the parser has gathered it. The parser reads ahead by at most its buffer, so a row is too
 * long when more than {@code maxRowChars} + {@value #READ_AHEAD} characters have been read since
 * the previous record ended ({@link #recordEnded()}).
 */
final class RowBoundReader extends Reader {
    /** More than the parser buffers ahead (Commons CSV reads 8 Ki characters at a time). */
    static final int READ_AHEAD = 1 << 16;

    private final Reader in;
    private final int maxRowChars;
    private final long allowance;
    private long read;
    private long atRecordEnd;
    private boolean started;

    RowBoundReader(Reader in, int maxRowChars) {
        this(in, maxRowChars, true);
    }

    /** {@code dropBom}: whether the reader starts the input (a byte range further in keeps a U+FEFF as data). */
    RowBoundReader(Reader in, int maxRowChars, boolean dropBom) {
        this.in = in;
        this.started = !dropBom;
        this.maxRowChars = maxRowChars;
        this.allowance = (long) maxRowChars + READ_AHEAD;
    }

    /** The parser has returned a record: the next row starts being counted. */
    void recordEnded() {
        atRecordEnd = read;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (!started && n > 0) {
            started = true;
            if (cbuf[off] == '\uFEFF') {
                System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                n--;
                if (n == 0) {
                    return read(cbuf, off, len);
                }
            }
        }
        if (n > 0) {
            read += n;
            if (read - atRecordEnd > allowance) {
                throw new RowTooLongException(tooLongMessage(maxRowChars));
            }
        }
        return n;
    }

    /** What a row too long is told (also by {@link RangeRowReader}). */
    static String tooLongMessage(int maxRowChars) {
        return String.format(Locale.ROOT, "a row longer than %,d characters (the limit; a larger one can be set with --max-row-chars)",
                maxRowChars);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A row longer than the limit. */
    static final class RowTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RowTooLongException(String message) {
            super(message);
        }
    }
}
