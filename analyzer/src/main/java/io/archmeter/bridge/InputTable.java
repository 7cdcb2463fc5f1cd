package io.archmeter.bridge;

import io.archmeter.model.InputShape;

/**
 * The distinct input shapes of one batch call, parsed once each: a batch names its rows' inputs by
 * index into this table (a column of a CSV or a search population repeats a few shapes), so a
 * shape is parsed once per call, not once per row. An entry that is {@code null} or empty means
 * the notation's default ({@link InputDefaults}); an entry that does not parse gives its rows
 * the reason {@code archmeter filter} gives such a cell.
 */
final class InputTable {
    private static final String[] DEFAULT_ONLY = {null};

    /** H, W, C per entry; all 0 for the notation's default. */
    private final int[] shapes;
    /** Per entry, the reason its rows are invalid, or null. */
    private final String[] reasons;

    private InputTable(int n) {
        shapes = new int[n * 3];
        reasons = new String[n];
    }

    /** Parses {@code specs} ({@code HxWxC}, null or empty for the default); null is one default entry. */
    static InputTable of(String[] specs) {
        String[] s = specs == null || specs.length == 0 ? DEFAULT_ONLY : specs;
        InputTable t = new InputTable(s.length);
        for (int e = 0; e < s.length; e++) {
            if (s[e] == null || s[e].isEmpty()) {
                continue;
            }
            try {
                InputShape shape = InputShape.parse(s[e]);
                if (shape.looksChannelsFirst()) {
                    t.reasons[e] = RowStatus.channelsFirst(shape);
                    continue;
                }
                t.shapes[3 * e] = shape.height();
                t.shapes[3 * e + 1] = shape.width();
                t.shapes[3 * e + 2] = shape.channels();
            } catch (IllegalArgumentException ex) {
                t.reasons[e] = RowStatus.badInput(s[e]);
            }
        }
        return t;
    }

    int size() {
        return reasons.length;
    }

    /**
     * Resolves entry {@code e} for {@code arch} into {@code hwc}; returns null, or the reason the row is invalid.
     *
     * @throws IllegalArgumentException if {@code e} is not an entry (the caller's index array is wrong)
     */
    String resolve(int e, CharSequence arch, int[] hwc) {
        if (e < 0 || e >= reasons.length) {
            throw new IllegalArgumentException("input index " + e + " is not in the table of " + reasons.length + " input shapes");
        }
        if (reasons[e] != null) {
            return reasons[e];
        }
        if (shapes[3 * e] == 0) {
            InputDefaults.of(arch, hwc);
        } else {
            hwc[0] = shapes[3 * e];
            hwc[1] = shapes[3 * e + 1];
            hwc[2] = shapes[3 * e + 2];
        }
        return null;
    }
}
