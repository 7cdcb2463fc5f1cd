package io.archmeter.io;

import java.io.IOException;

/**
 * The input is not a CSV file {@code filter} can read: no header, no architecture column, an
 * unbalanced quote, a row with another number of fields than the header. The message starts with
 * the line, e.g. {@code line 7: 4 fields, but the header has 3 (id, arch, acc)}.
 */
public final class MalformedCsvException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public MalformedCsvException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public MalformedCsvException(long line, String problem, Throwable cause) {
        super("line " + line + ": " + problem, cause);
        this.line = line;
    }

    /** The 1-based line of the input where the problem is (the header is line 1). */
    public long line() {
        return line;
    }
}
