package io.archmeter.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header, a dashed rule, then rows; columns separated by two spaces, each
 * left- or right-aligned, trailing spaces stripped. Used by {@code summary} and {@code zoo}.
 */
public final class TextTable {
    private final boolean[] left;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param header the column titles
     * @param left   for each column, true to align it left (text), false right (numbers)
     */
    public TextTable(String[] header, boolean[] left) {
        if (header.length != left.length) {
            throw new IllegalArgumentException(header.length + " titles for " + left.length + " alignments");
        }
        this.left = left.clone();
        rows.add(header.clone());
    }

    /** Adds a row of as many cells as there are columns. */
    public TextTable row(String... cells) {
        if (cells.length != left.length) {
            throw new IllegalArgumentException(cells.length + " cells in a table of " + left.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Prints the table to {@code out}. */
    public void print(PrintWriter out) {
        int[] width = new int[left.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                sb.append(i == 0 ? "" : "  ").append(left[i] ? r[i] + pad : pad + r[i]);
            }
            String line = sb.toString().stripTrailing();
            out.println(line);
            if (k == 0) {
                out.println("-".repeat(line.length()));
            }
        }
    }
}
