package io.archmeter.spaces;

/**
 * An architecture written in some notation (the archmeter grammar, a NAS-Bench-201 cell string, a
 * search space's own) that does not read. The message names the offending token or part, its
 * 1-based position where the notation has positions, and what was expected, with the nearest
 * valid name when one is close, e.g.
 * {@code node 3: unknown operation 'skip_conect' (did you mean 'skip_connect'?)}.
 *
 * <p>Carries no stack trace: a filter run may reject many rows, and the trace would say nothing
 * about the row.
 */
public class NotationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String token;

    /**
     * @param position 1-based position of the offending token, 0 if the text as a whole is at fault
     * @param token    the offending token, or the whole text
     * @param problem  what is wrong and what was expected
     */
    public NotationException(int position, String token, String problem) {
        super(position == 0 ? problem : "token " + position + " '" + token + "': " + problem);
        this.position = position;
        this.token = token;
    }

    /** 1-based position of the offending token, 0 if the text as a whole is at fault. */
    public int position() {
        return position;
    }

    /** The offending token, as written (the whole text when {@link #position()} is 0). */
    public String token() {
        return token;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
