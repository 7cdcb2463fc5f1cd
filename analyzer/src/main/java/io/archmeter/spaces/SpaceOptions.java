package io.archmeter.spaces;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a caller chooses when a search space expands or samples a candidate: the classifier's
 * classes, settings the space documents (a DARTS network's C and layers, say) and, for sampling,
 * the values a setting is drawn from (the resolutions and widths of {@code generate ofa-mbv3
 * --resolution 160,192,224 --width 1.0,1.2}). The input shape is the open candidate's
 * ({@link io.archmeter.encoding.CandidateBuilder#inputHeight()}).
 *
 * <pre>{@code
 * SpaceOptions o = SpaceOptions.DEFAULTS.withChoices(SearchSpace.RESOLUTION, List.of(160, 192, 224));
 * int r = o.draw(SearchSpace.RESOLUTION, 224, random);   // one of 160, 192, 224, uniformly
 * }</pre>
 *
 * @param classes  classes of the classifier; {@link #SPACE_DEFAULT} for the space's own default
 * @param settings named integer settings a space documents; unknown names are refused by the space
 * @param choices  named settings a sample draws uniformly from, each a non-empty list (a setting
 *                 named in both is drawn from its choices)
 */
public record SpaceOptions(int classes, Map<String, Integer> settings, Map<String, List<Integer>> choices) {
    /** {@link #classes()} value meaning "the space's {@link SearchSpace#defaultClasses()}". */
    public static final int SPACE_DEFAULT = 0;

    /** The space's defaults for everything. */
    public static final SpaceOptions DEFAULTS = new SpaceOptions(SPACE_DEFAULT, Map.of());

    public SpaceOptions {
        if (classes < 0) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        settings = Map.copyOf(settings);
        Map<String, List<Integer>> copy = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : choices.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("no value to draw the setting '" + e.getKey() + "' from");
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        choices = Map.copyOf(copy);
    }

    /** {@code classes} and {@code settings}, nothing drawn. */
    public SpaceOptions(int classes, Map<String, Integer> settings) {
        this(classes, settings, Map.of());
    }

    /** {@code classes} classes, no other setting. */
    public static SpaceOptions classes(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + classes);
        }
        return new SpaceOptions(classes, Map.of());
    }

    /** These options with the setting {@code name} drawn uniformly from {@code values}. */
    public SpaceOptions withChoices(String name, List<Integer> values) {
        Map<String, List<Integer>> all = new HashMap<>(choices);
        all.put(name, values);
        return new SpaceOptions(classes, settings, all);
    }

    /** The classes to build for {@code space}: these options', or the space's default. */
    public int classesFor(SearchSpace space) {
        return classes == SPACE_DEFAULT ? space.defaultClasses() : classes;
    }

    /** The setting {@code name}, or {@code otherwise}. */
    public int setting(String name, int otherwise) {
        return settings.getOrDefault(name, otherwise);
    }

    /**
     * The setting {@code name} for one sample: drawn uniformly from its {@link #choices()} with
     * {@code random} when it has several (one {@code nextInt} of the random state), else its only
     * choice, else {@link #setting}. Allocates nothing.
     */
    public int draw(String name, int otherwise, SpaceRandom random) {
        final List<Integer> values = choices.get(name);
        if (values == null) {
            return setting(name, otherwise);
        }
        return values.size() == 1 ? values.get(0) : values.get(random.nextInt(values.size()));
    }
}
