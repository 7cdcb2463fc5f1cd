package io.archmeter.spaces.support;

/**
 * A search-space notation that does not describe a network of its space: the message names the
 * notation, the part at fault and what was expected, e.g. {@code NAS-Bench-101 spec: matrix row 3
 * has 1 below the diagonal (the matrix must be upper-triangular)}. An
 * {@link IllegalArgumentException}, so that {@code filter} rejects the row with this message
 * like any other syntax error. Carries no stack trace: a run may reject many rows.
 */
public final class NotationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** {@code notation} names the space's notation ("NAS-Bench-101 spec", "DARTS genotype", …). */
    public NotationException(String notation, String problem) {
        super(notation + ": " + problem);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
