package io.archmeter.stats;

/**
 * How the values of a column are read and compared (see {@link Keys}).
 */
public enum ValueKind {
    /** Whole numbers held exactly as {@code long}: every metric column. */
    INTEGER,
    /**
     * Numbers read as {@code double}: pass-through columns such as {@code acc}. Exact for decimals
     * of up to 15 significant digits (their order and equality survive the conversion).
     */
    DECIMAL
}
