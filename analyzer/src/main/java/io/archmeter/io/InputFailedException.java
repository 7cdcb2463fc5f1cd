package io.archmeter.io;

import java.io.IOException;

/**
 * The input could not be opened or read: no such file, a directory, no permission, an I/O error.
 * The message names the input and the cause, e.g. {@code cannot read runs/in.csv: Is a directory}.
 * (Input that can be read but is not what {@code filter} reads is a {@link MalformedCsvException}
 * or a {@link CorruptInputException}.)
 */
public final class InputFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final boolean atOpen;

    /** Reading {@code source} failed with {@code cause}; {@code atOpen} if it could not even be opened. */
    public InputFailedException(String source, IOException cause, boolean atOpen) {
        super("cannot read " + Text.escape(source, Text.ECHO_LIMIT) + ": " + IoReasons.of(cause), cause);
        this.source = source;
        this.atOpen = atOpen;
    }

    /** {@code source} cannot be opened, for {@code reason}. */
    public InputFailedException(String source, String reason) {
        super("cannot read " + Text.escape(source, Text.ECHO_LIMIT) + ": " + reason);
        this.source = source;
        this.atOpen = true;
    }

    /** The input as named on the command line ({@code -} for stdin). */
    public String source() {
        return source;
    }

    /**
     * True if the input could not be opened (no such file, a directory, no permission): a mistake in
     * the command rather than an I/O error while reading.
     */
    public boolean atOpen() {
        return atOpen;
    }
}
