package io.archmeter.encoding;

/**
 * The default of {@link CandidateBatch#maxLayers()}: {@link CandidateBatch#DEFAULT_MAX_LAYERS}, or
 * the system property {@value CandidateBatch#MAX_LAYERS_PROPERTY} read once when the class loads.
 * A property that is not an integer of at least 1 is an error when a batch is made, naming the
 * property and its value: never silently the default.
 */
final class LayerLimit {
    /** The limit every new batch starts with. */
    static final LayerLimit DEFAULT = fromProperty(System.getProperty(CandidateBatch.MAX_LAYERS_PROPERTY));

    private final int value;
    private final String error;

    private LayerLimit(int value, String error) {
        this.value = value;
        this.error = error;
    }

    /** The limit a property value sets: null or absent is the default. */
    static LayerLimit fromProperty(String property) {
        if (property == null) {
            return new LayerLimit(CandidateBatch.DEFAULT_MAX_LAYERS, null);
        }
        final String text = property.strip();
        try {
            final int n = Integer.parseInt(text);
            if (n >= 1) {
                return new LayerLimit(n, null);
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        final String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return new LayerLimit(CandidateBatch.DEFAULT_MAX_LAYERS, "system property " + CandidateBatch.MAX_LAYERS_PROPERTY
                + " = '" + shown + "' is not a layer count: expected an integer from 1 to " + Integer.MAX_VALUE);
    }

    int value() {
        return value;
    }

    /** Throws if the property was set to something that is not a count. */
    void check() {
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }
}
