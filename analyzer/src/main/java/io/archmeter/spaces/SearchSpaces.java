package io.archmeter.spaces;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.darts.DartsSpace;
import io.archmeter.spaces.nb101.Nb101Space;
import io.archmeter.spaces.ofa.OfaMbv3;
import io.archmeter.spaces.proxyless.McunetSpace;
import io.archmeter.spaces.proxyless.NetConfig;
import io.archmeter.spaces.proxyless.ProxylessSpace;
import io.archmeter.spaces.regnet.RegNetSpace;
import io.archmeter.spaces.timm.TimmNotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of search spaces: the one place a string is matched to its notation.
 * {@link #STANDARD} holds the spaces archmeter ships; a library user adds one of their own with
 * {@link #with(SearchSpace)} (a registry is immutable, so it can be shared across threads and
 * shipped to Spark executors as it is).
 *
 * <pre>{@code
 * SearchSpace space = SearchSpaces.STANDARD.recognize(text);   // null: the archmeter grammar
 * InputShape input = space != null ? space.defaultInput() : new InputShape(224, 224, 3);
 * }</pre>
 */
public final class SearchSpaces {
    /**
     * The spaces archmeter ships, in the order they are tried: NAS-Bench-201 / NATS-Bench topology
     * cells ({@code |…|}), NATS-Bench size strings ({@code 8:16:32:48:64}), NAS-Bench-101 specs
     * ({@code {"matrix": …}} or {@code nb101:…}), DARTS genotypes ({@code Genotype(…)}), RegNet
     * designs ({@code regnet:…}); then RegNetY, a sampling range of the RegNet notation that
     * recognises no string of its own; then the MobileNet family: timm models and arch_defs
     * ({@code timm:}), Once-for-All MobileNetV3 configs ({@code ofa-mbv3:}), MCUNet's elastic space
     * ({@code mcunet:}), the ProxylessNAS search space ({@code proxyless:}) and ProxylessNAS / MCUNet
     * {@code net_config} dicts.
     */
    public static final SearchSpaces STANDARD = new SearchSpaces(List.of(NasBench201.TOPOLOGY, NasBench201.SIZE,
            Nb101Space.INSTANCE, DartsSpace.INSTANCE, RegNetSpace.X, RegNetSpace.Y,
            TimmNotation.SPACE, OfaMbv3.SPACE, McunetSpace.SPACE, ProxylessSpace.SPACE, NetConfig.SPACE));

    /** The input of a string of the archmeter grammar given without one: ImageNet's 224x224x3. */
    public static final InputShape GRAMMAR_INPUT = new InputShape(224, 224, 3);

    private final SearchSpace[] spaces;
    /** Per ASCII character, the spaces whose notation may start with it ({@link SearchSpace#firstChars}), in order. */
    private final SearchSpace[][] byFirstChar = new SearchSpace[128][];

    private SearchSpaces(List<SearchSpace> spaces) {
        this.spaces = spaces.toArray(new SearchSpace[0]);
        for (char ch = 0; ch < byFirstChar.length; ch++) {
            List<SearchSpace> may = new ArrayList<>();
            for (SearchSpace s : this.spaces) {
                final String first = s.firstChars();
                if (first == null || first.indexOf(ch) >= 0) {
                    may.add(s);
                }
            }
            byFirstChar[ch] = may.toArray(new SearchSpace[0]);
        }
        for (int i = 0; i < this.spaces.length; i++) {
            for (int j = 0; j < i; j++) {
                if (this.spaces[i].name().equals(this.spaces[j].name())) {
                    throw new IllegalArgumentException("two search spaces are named " + this.spaces[i].name());
                }
            }
        }
    }

    /** This registry with {@code space} added after the others (tried last). */
    public SearchSpaces with(SearchSpace space) {
        List<SearchSpace> all = new ArrayList<>(List.of(spaces));
        all.add(space);
        return new SearchSpaces(all);
    }

    /** Every space, in the order they are tried. */
    public List<SearchSpace> all() {
        return List.of(spaces);
    }

    /**
     * The space whose notation {@code text} is in, or null for a string of the archmeter grammar.
     * Allocates nothing: called for every row of a CSV.
     */
    public SearchSpace recognize(CharSequence text) {
        // only the spaces whose notation may start with the first character: a grammar string asks none
        // (asking all eleven cost ~30 ns a row, twice per row without --input: BridgeBenchmark, 2026-12-01)
        final int i = Notations.firstNonSpace(text);
        final char first = i < text.length() ? text.charAt(i) : 0;
        for (SearchSpace s : first < byFirstChar.length && i < text.length() ? byFirstChar[first] : spaces) {
            if (s.recognizes(text)) {
                return s;
            }
        }
        return null;
    }

    /** {@link #recognize} asking every space in order, without the first-character table: what it must equal (tests). */
    SearchSpace recognizeByAsking(CharSequence text) {
        for (SearchSpace s : spaces) {
            if (s.recognizes(text)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The reference input of {@code text}'s notation: its space's ({@link SearchSpace#defaultInput()},
     * e.g. CIFAR's 32x32x3 for NAS-Bench-101 and -201), or {@link #GRAMMAR_INPUT} for the archmeter
     * grammar. What {@code filter}, {@code summary} and the Python bridge use for a candidate given
     * without an input. Allocates nothing.
     */
    public InputShape defaultInput(CharSequence text) {
        final SearchSpace space = recognize(text);
        return space != null ? space.defaultInput() : GRAMMAR_INPUT;
    }

    /** The names of every space, in order, for messages: "nb201, nats-sss, nb101, …". */
    public String names() {
        StringBuilder sb = new StringBuilder();
        for (SearchSpace s : spaces) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.name());
        }
        return sb.toString();
    }

    /** The space named {@code name} (case-insensitive). */
    public Optional<SearchSpace> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (SearchSpace s : spaces) {
            if (s.name().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
