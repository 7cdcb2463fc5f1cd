package io.archmeter.grammar;

/**
 * An architecture string that does not parse. The message names the token, its 1-based position
 * and what was expected, with the nearest valid name where one is close, e.g.
 * {@code token 3 'conv_k3_z2': unknown key 'z' for conv (expected one of k, s, p, d, g, c, b)}.
 * Carries no stack trace: a filter run may reject many rows, and the trace would say nothing
 * about the row.
 */
public final class ArchSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String token;

    ArchSyntaxException(int position, String token, String problem) {
        super(position == 0 ? problem : "token " + position + " '" + token + "': " + problem);
        this.position = position;
        this.token = token;
    }

    /** 1-based position of the offending token, 0 if the string as a whole is at fault. */
    public int position() {
        return position;
    }

    /** The offending token, as written. */
    public String token() {
        return token;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
