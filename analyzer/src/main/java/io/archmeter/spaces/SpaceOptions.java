package io.archmeter.spaces;

import java.util.Map;

/**
 * What a caller chooses when a search space expands a candidate: the classifier's classes, and
 * settings the space documents (a DARTS network's C and layers, say). The input shape is the
 * open candidate's ({@link io.archmeter.encoding.CandidateBuilder#inputHeight()}).
 *
 * @param classes  classes of the classifier; {@link #SPACE_DEFAULT} for the space's own default
 * @param settings named integer settings a space documents; unknown names are refused by the space
 */
public record SpaceOptions(int classes, Map<String, Integer> settings) {
    /** {@link #classes()} value meaning "the space's {@link SearchSpace#defaultClasses()}". */
    public static final int SPACE_DEFAULT = 0;

    /** The space's defaults for everything. */
    public static final SpaceOptions DEFAULTS = new SpaceOptions(SPACE_DEFAULT, Map.of());

    public SpaceOptions {
        if (classes < 0) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        settings = Map.copyOf(settings);
    }

    /** {@code classes} classes, no other setting. */
    public static SpaceOptions classes(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        return new SpaceOptions(classes, Map.of());
    }

    /** The classes to build for {@code space}: these options', or the space's default. */
    public int classesFor(SearchSpace space) {
        return classes == SPACE_DEFAULT ? space.defaultClasses() : classes;
    }

    /** The setting {@code name}, or {@code otherwise}. */
    public int setting(String name, int otherwise) {
        return settings.getOrDefault(name, otherwise);
    }
}
