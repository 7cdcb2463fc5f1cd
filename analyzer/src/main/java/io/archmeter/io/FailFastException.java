package io.archmeter.io;

/**
 * Thrown by {@link FilterPipeline#run} in {@link FilterSpec#failFast()} mode at the first row it
 * would reject. The rows before it have been written (and the row itself to the rejects); the
 * {@link #stats()} count them.
 */
public final class FailFastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String reason;
    private final transient FilterStats stats;

    public FailFastException(long line, String reason, FilterStats stats) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
        this.stats = stats;
    }

    /** The 1-based input line of the rejected row. */
    public long line() {
        return line;
    }

    /** Why the row was rejected. */
    public String reason() {
        return reason;
    }

    /** The counts up to and including the rejected row. */
    public FilterStats stats() {
        return stats;
    }
}
