package io.archmeter.io;

/**
 * Hears what a {@link FilterPipeline} run does as it goes, for progress lines and for echoing
 * the first rejects. Called on the thread that called {@link FilterPipeline#run}, in row order;
 * a slow listener slows the writer, so keep it short.
 *
 * <pre>{@code
 * pipeline.listener(new FilterListener() {
 *     public void rejected(long line, String reason) { System.err.println("line " + line + ": " + reason); }
 * });
 * }</pre>
 */
public interface FilterListener {
    /** Does nothing. */
    FilterListener NONE = new FilterListener() {
    };

    /** Row at input line {@code line} (1-based, the header is line 1) was rejected for {@code reason}. */
    default void rejected(long line, String reason) {
    }

    /** A chunk was written; {@code soFar} holds the counts up to its last row (bytes unknown: -1). */
    default void progress(FilterStats soFar) {
    }
}
