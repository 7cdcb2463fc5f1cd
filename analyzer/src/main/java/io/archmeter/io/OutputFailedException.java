package io.archmeter.io;

import java.io.IOException;

/**
 * An output could not be created or written: a full disk, a closed stdout, a missing directory,
 * an I/O error. The message names the output and the cause, e.g.
 * {@code cannot write out.csv: No space left on device}. Thrown at the first failed write, by the
 * streams of {@link AtomicOutput}; nothing is written after it, and an output that is a file is
 * left as it was before the run.
 *
 * <p>{@link #brokenPipe()} tells the case of a reader that went away ({@code archmeter filter … | head}):
 * not an error of the run, which then ends quietly, as {@code cat} does.
 */
public final class OutputFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String target;

    public OutputFailedException(String target, IOException cause) {
        super("cannot write " + Text.escape(target, Text.ECHO_LIMIT) + ": " + IoReasons.of(cause), cause);
        this.target = target;
    }

    public OutputFailedException(String target, String reason) {
        super("cannot write " + Text.escape(target, Text.ECHO_LIMIT) + ": " + reason);
        this.target = target;
    }

    /** The output as named on the command line ({@code -} for stdout). */
    public String target() {
        return target;
    }

    /** True if the output is a pipe whose reader has closed it (EPIPE). */
    public boolean brokenPipe() {
        return getCause() instanceof IOException io && IoReasons.isBrokenPipe(io);
    }
}
