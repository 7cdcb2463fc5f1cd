package io.archmeter.spaces.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spaces {@code archmeter generate SPACE} knows, by name. Other space packages add theirs with
 * {@link #register}.
 */
public final class GenerableSpaces {
    private static final List<GenerableSpace> SPACES = new ArrayList<>(List.of(
            new Nb101Space(), new Nb201Space(), new NatsSizeSpace(), new DartsSpace(),
            new RegNetSpace(false), new RegNetSpace(true), new ChainSpace(false), new ChainSpace(true)));

    private GenerableSpaces() {
    }

    /** Every space, in registration order. */
    public static synchronized List<GenerableSpace> all() {
        return List.copyOf(SPACES);
    }

    /** The space called {@code name} (case-insensitive), or null. */
    public static synchronized GenerableSpace named(String name) {
        for (GenerableSpace s : SPACES) {
            if (s.name().equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** Adds a space; its name must be new. */
    public static synchronized void register(GenerableSpace space) {
        if (named(space.name()) != null) {
            throw new IllegalArgumentException("a space called " + space.name() + " is registered already");
        }
        SPACES.add(space);
    }

    /** The names, for messages. */
    public static synchronized List<String> names() {
        return SPACES.stream().map(GenerableSpace::name).toList();
    }
}
