package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.InputShape;

import java.math.BigInteger;

/**
 * A search space {@code archmeter generate} can walk: its name, its defaults, its size, and a
 * {@link Cursor} that stands on one candidate at a time and can write that candidate's notation
 * (for CSV output) or its network (for scoring, without any string).
 *
 * <p>A space is enumerable ({@link #enumerationSize()} ≥ 0: {@code --all} walks candidates 0 …
 * n−1 in a fixed order) or only sampled; every space samples: sample i of seed s depends on (s, i)
 * only, so output is the same whatever the thread count. Implementations are immutable and
 * thread-safe; cursors are not (one per thread).
 */
public interface GenerableSpace {
    /** The name on the command line, e.g. {@code nb101}. */
    String name();

    /** One line for the help: what the space is and its reference. */
    String description();

    /** The input the space's reference network takes (e.g. 32x32x3 for CIFAR). */
    InputShape defaultInput();

    /** The classifier outputs of the reference network. */
    int defaultClasses();

    /** The exact number of distinct candidates, or null if the space is not counted. */
    BigInteger size();

    /** Number of candidates {@code --all} walks, or -1 if the space is only sampled. */
    long enumerationSize();

    /** A new cursor, for one thread. */
    Cursor cursor();

    /** Stands on one candidate of the space; reusable; not thread-safe. */
    interface Cursor {
        /** Stands on candidate {@code index} of the enumeration (0 ≤ index &lt; {@link #enumerationSize()}). */
        void enumerate(long index);

        /** Stands on sample {@code index} of seed {@code seed}. */
        void sample(long seed, long index);

        /** Appends the current candidate in the space's own notation. */
        void appendNotation(StringBuilder sb);

        /**
         * Appends the current candidate's network to {@code batch} as one complete candidate
         * (begun on h×w×c and ended), with {@code classes} outputs.
         *
         * @throws IllegalArgumentException if the network cannot be built (the batch is left as it was)
         */
        void appendCandidate(CandidateBatch batch, InputShape input, int classes);
    }
}
