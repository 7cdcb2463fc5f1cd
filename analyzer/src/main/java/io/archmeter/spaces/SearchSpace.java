package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;

import java.math.BigInteger;
import java.util.List;

/**
 * One search space's notation, detection, expansion and (optionally) enumeration, behind one
 * small interface. The registry ({@link SearchSpaces}) finds a space for a string; the parser
 * ({@code ArchParser.parseCandidate}, which {@code filter}, {@code summary}, the Spark module and
 * the Python bridge call), {@code summary} (its default input and name) and library users reach
 * every space through it, never by string checks of their own.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #recognizes} is cheap and unambiguous: it runs for every row of a CSV before
 *       anything else, so it looks at a prefix or a character class only, and never claims a
 *       string of another space or of the archmeter grammar.</li>
 *   <li>{@link #write} expands a string into the open candidate of a builder, exactly as the
 *       space's reference code builds the network, and throws {@link NotationException} naming
 *       what is wrong (never a half-written candidate: the caller aborts it).</li>
 *   <li>A space whose candidates can be counted says how many ({@link #size}) and writes
 *       candidate {@code i} straight into a builder, without a string ({@link #writeCandidate});
 *       {@link #appendNotation} writes the same candidate's string, so that expanding it gives
 *       the same records. {@link #sample} draws one at random the same way.</li>
 *   <li>{@link SpaceOptions#classes()} {@link SpaceOptions#SPACE_DEFAULT} means the space's own
 *       reference classifier, which may depend on the input (DARTS: 10 on CIFAR-sized inputs, 1000
 *       on ImageNet's).</li>
 *   <li>Writing and sampling allocate nothing per candidate on the hot path (a space keeps its
 *       scratch per thread): {@code generate} builds millions of candidates this way.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface SearchSpace {
    /** {@link #size()} of a space whose candidates are not enumerated. */
    long NOT_ENUMERABLE = -1;

    /** The setting of a sampled candidate's input resolution r (r×r×3), {@code generate --resolution}. */
    String RESOLUTION = "r";
    /** The setting of a sampled candidate's width multiplier in thousandths (1000 = 1.0), {@code generate --width}. */
    String WIDTH = "w";

    /** A short name, e.g. {@code nb201}, as {@code generate SPACE} takes it. */
    String name();

    /** What the space is, with its reference: "NAS-Bench-201 cell strings (xautodl TinyNetwork)". */
    String title();

    /** An example of the notation. */
    String example();

    /** The input its reference networks take (CIFAR's 32x32x3 for NAS-Bench-201). */
    InputShape defaultInput();

    /** The classes of its reference classifier (10 for CIFAR-10). */
    int defaultClasses();

    /** True if {@code text} is in this space's notation. Cheap: called for every row. */
    boolean recognizes(CharSequence text);

    /**
     * Every character a text this space {@link #recognizes} may start with, after leading white
     * space: the registry tries only the spaces whose list holds a row's first character, so a
     * string of the archmeter grammar ({@code conv_k3 …}) is told apart without asking each space.
     * A superset is harmless; a character missing here would hide the notation (a test checks every
     * space against its own recognizer). Null, the default, means any character; "" means the space
     * recognizes no text.
     */
    default String firstChars() {
        return null;
    }

    /**
     * Expands {@code text} into the open candidate of {@code builder}.
     *
     * @throws NotationException if the text does not read, naming what is wrong
     */
    void write(CharSequence text, SpaceOptions options, CandidateBuilder builder);

    /**
     * Number of candidates, exactly, or {@link #NOT_ENUMERABLE} for a space that is only sampled
     * (RegNet's continuous ranges). Candidate {@code i} is {@link #writeCandidate} and
     * {@link #appendNotation} of i; a space may be counted yet too large to walk (DARTS: about
     * 1.08·10<sup>18</sup>), which {@code generate --all} refuses.
     */
    default long size() {
        return NOT_ENUMERABLE;
    }

    /**
     * The exact number of candidates {@link #sample} draws from under {@code options}, or null where
     * the space is not counted. By default {@link #size()}; a space whose count passes a
     * {@code long} (OFA-MobileNetV3: 7371<sup>5</sup> per resolution and width) or depends on the
     * drawn resolutions and widths says it here.
     */
    default BigInteger exactSize(SpaceOptions options) {
        final long n = size();
        return n < 0 ? null : BigInteger.valueOf(n);
    }

    /** How {@link #exactSize} is made up, for people ("7371^5 = (9^2+9^3+9^4)^5 per resolution and width"), or "". */
    default String sizeFormula(SpaceOptions options) {
        return "";
    }

    /**
     * The values the setting {@code name} ({@link #RESOLUTION} or {@link #WIDTH}) is drawn from
     * when a sample is not told otherwise ({@code all} false), or every value the space's reference
     * defines ({@code all} true: {@code generate --resolution all}); an empty list if the space has
     * no such setting (its candidates take the caller's input, or have no width multiplier).
     */
    default List<Integer> choices(String name, boolean all) {
        return List.of();
    }

    /**
     * Writes candidate {@code index} (0 ≤ index &lt; {@link #size()}) into the open candidate of
     * {@code builder}, without a string.
     */
    default void writeCandidate(long index, SpaceOptions options, CandidateBuilder builder) {
        throw new UnsupportedOperationException(name() + " does not enumerate its candidates");
    }

    /** Appends the notation of candidate {@code index} to {@code out}. */
    default void appendNotation(long index, StringBuilder out) {
        throw new UnsupportedOperationException(name() + " does not enumerate its candidates");
    }

    /**
     * Draws one candidate with {@code random}: writes it into the open candidate of {@code builder}
     * (if not null) and its notation into {@code notation} (if not null). A space draws the same
     * random numbers whether it writes the network, the notation or both, so that a notation
     * written for a row reads back as the network scored for it; the same random state gives the
     * same candidate. By default a uniform index of an enumerable space.
     *
     * <p>{@code archmeter generate SPACE --count N --seed S} draws candidate i from
     * {@code random.seed(S, i)}: the same rows whatever the thread count.
     */
    default void sample(SpaceRandom random, SpaceOptions options, CandidateBuilder builder, StringBuilder notation) {
        final long n = size();
        if (n <= 0) {
            throw new UnsupportedOperationException(name() + " does not sample candidates");
        }
        final long index = random.nextLong(n);
        if (builder != null) {
            writeCandidate(index, options, builder);
        }
        if (notation != null) {
            appendNotation(index, notation);
        }
    }
}
