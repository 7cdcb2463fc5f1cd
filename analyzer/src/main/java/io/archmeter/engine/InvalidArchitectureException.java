package io.archmeter.engine;

/**
 * A candidate whose shapes do not work out: an output size ≤ 0, channels not divisible by the
 * groups, a count that overflows a {@code long}. The message names the layer (1-based), its op and
 * the numbers. Thrown on the engine's slow path only; it carries no stack trace, since a filter
 * run may reject many rows and the trace would say nothing about the row.
 */
public final class InvalidArchitectureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int layer;

    public InvalidArchitectureException(int layer, String message) {
        super(message, null, false, false);
        this.layer = layer;
    }

    /** The 1-based position of the offending layer in its candidate. */
    public int layer() {
        return layer;
    }
}
