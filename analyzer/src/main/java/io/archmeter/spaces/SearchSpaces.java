package io.archmeter.spaces;

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
    /** NAS-Bench-201 / NATS-Bench topology cell strings and NATS-Bench size strings. */
    public static final SearchSpaces STANDARD = new SearchSpaces(List.of(NasBench201.TOPOLOGY, NasBench201.SIZE));

    private final SearchSpace[] spaces;

    private SearchSpaces(List<SearchSpace> spaces) {
        this.spaces = spaces.toArray(new SearchSpace[0]);
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
        for (SearchSpace s : spaces) {
            if (s.recognizes(text)) {
                return s;
            }
        }
        return null;
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
