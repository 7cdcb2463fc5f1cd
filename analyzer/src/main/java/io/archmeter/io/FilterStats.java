package io.archmeter.io;

import java.util.List;
import java.util.Objects;

/**
 * The counts of one {@link FilterPipeline#run}: every row read is kept, filtered out or rejected,
 * and the three always add up ({@code rowsRead == kept + filteredOut + rejected}; the constructor
 * checks it).
 *
 * <p>{@code removedBy[i]} counts the rows that failed {@code constraints.get(i)}; a row failing
 * several constraints counts against each, so the sum may exceed {@link #filteredOut()}. In
 * {@code --all} mode "kept" means {@code pass=true} and "filtered out" {@code pass=false}.
 *
 * <pre>{@code
 * FilterStats s = pipeline.run(in, out, rejects);
 * System.err.printf("%d read = %d kept + %d filtered out + %d rejected%n",
 *         s.rowsRead(), s.kept(), s.filteredOut(), s.rejected());
 * }</pre>
 *
 * @param rowsRead     data rows read (the header not counted)
 * @param kept         rows meeting every constraint
 * @param filteredOut  valid rows failing at least one constraint
 * @param rejected     rows that could not be scored (syntax, input cell, invalid shapes, non-numeric constrained cell)
 * @param constraints  the constraints, in the order of {@code removedBy}
 * @param removedBy    per constraint, the rows it failed
 * @param bytesRead    bytes read, or -1 if unknown (the pipeline reads characters; its caller counts bytes)
 * @param elapsedNanos wall time of the run
 */
public record FilterStats(long rowsRead, long kept, long filteredOut, long rejected, List<Constraint> constraints,
                          long[] removedBy, long bytesRead, long elapsedNanos) {

    public FilterStats {
        constraints = List.copyOf(constraints);
        removedBy = removedBy.clone();
        if (removedBy.length != constraints.size()) {
            throw new IllegalArgumentException(removedBy.length + " counts for " + constraints.size() + " constraints");
        }
        if (rowsRead != kept + filteredOut + rejected) {
            throw new IllegalStateException("counts do not reconcile: " + rowsRead + " read != " + kept + " kept + "
                    + filteredOut + " filtered out + " + rejected + " rejected");
        }
    }

    /** Rows the i-th constraint removed (a row failing several counts against each). */
    public long removedBy(int i) {
        return removedBy[i];
    }

    @Override
    public long[] removedBy() {
        return removedBy.clone();
    }

    /** The same counts with {@code bytes} as {@link #bytesRead()}. */
    public FilterStats withBytesRead(long bytes) {
        return new FilterStats(rowsRead, kept, filteredOut, rejected, constraints, removedBy, bytes, elapsedNanos);
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Rows read per second of wall time. */
    public double rowsPerSecond() {
        return elapsedNanos > 0 ? rowsRead / elapsedSeconds() : 0;
    }

    /** Megabytes (10^6 bytes) read per second, or -1 if the bytes are unknown. */
    public double megabytesPerSecond() {
        return bytesRead < 0 || elapsedNanos <= 0 ? -1 : bytesRead / 1e6 / elapsedSeconds();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterStats s && rowsRead == s.rowsRead && kept == s.kept && filteredOut == s.filteredOut
                && rejected == s.rejected && constraints.equals(s.constraints)
                && java.util.Arrays.equals(removedBy, s.removedBy) && bytesRead == s.bytesRead && elapsedNanos == s.elapsedNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowsRead, kept, filteredOut, rejected, constraints, java.util.Arrays.hashCode(removedBy),
                bytesRead, elapsedNanos);
    }

    @Override
    public String toString() {
        return "FilterStats[rowsRead=" + rowsRead + ", kept=" + kept + ", filteredOut=" + filteredOut + ", rejected="
                + rejected + ", removedBy=" + java.util.Arrays.toString(removedBy) + ", bytesRead=" + bytesRead
                + ", elapsedNanos=" + elapsedNanos + "]";
    }
}
