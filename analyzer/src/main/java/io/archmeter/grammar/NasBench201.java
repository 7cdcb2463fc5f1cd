package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;

/**
 * Where NAS-Bench-201 and NATS-Bench strings were read before the search spaces had a package of
 * their own: kept, delegating to {@link io.archmeter.spaces.NasBench201}, for the code written
 * against it. New code asks the registry: {@link SearchSpaces#recognize(CharSequence)}, or parses
 * with {@link ArchParser#parseCandidate}, which handles every registered notation.
 */
public final class NasBench201 {
    /** The cell topology of every network of the NATS-Bench size space. */
    public static final String SIZE_SPACE_CELL = io.archmeter.spaces.NasBench201.SIZE_SPACE_CELL;

    private NasBench201() {
    }

    /** True if {@code arch} is a NAS-Bench-201 cell string (it starts with '|'). */
    public static boolean isCellString(CharSequence arch) {
        return io.archmeter.spaces.NasBench201.TOPOLOGY.recognizes(arch);
    }

    /** True if {@code arch} is a NATS-Bench size-space string: integers separated by ':'. */
    public static boolean isSizeString(CharSequence arch) {
        return io.archmeter.spaces.NasBench201.SIZE.recognizes(arch);
    }

    /** Appends the NAS-Bench-201 network of {@code cell} to the candidate open in {@code batch}. */
    public static void appendTopologyNetwork(CharSequence cell, int classes, CandidateBatch batch) {
        io.archmeter.spaces.NasBench201.TOPOLOGY.write(cell, SpaceOptions.classes(classes), batch.builder());
    }

    /** Appends the NATS-Bench size-space network of {@code channels} ("8:16:32:48:64") to the candidate open in {@code batch}. */
    public static void appendSizeNetwork(CharSequence channels, int classes, CandidateBatch batch) {
        io.archmeter.spaces.NasBench201.SIZE.write(channels, SpaceOptions.classes(classes), batch.builder());
    }
}
