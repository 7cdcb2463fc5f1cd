package io.archmeter.io;

import io.archmeter.engine.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where things are in the rows of one input: the architecture and {@code input} cells, the cells
 * each input-column constraint reads, and the headers of the output and rejects files. Built
 * once from the header row; checks everything that can be checked before the first row.
 *
 * <pre>
 *  input header   id, arch, acc
 *  output header  id, arch, acc, macs, flops, params, ..., out_shape [, pass]
 *  rejects header line, reason, id, arch, acc
 * </pre>
 */
final class HeaderLayout {
    final String[] inputHeader;
    final int archIndex;
    /** Index of the {@code input} column, or -1. */
    final int inputIndex;
    /** Per constraint, the input column it reads, or -1 for a metric constraint. */
    final int[] constraintCells;
    final String[] outputHeader;
    final String[] rejectsHeader;

    private HeaderLayout(String[] inputHeader, int archIndex, int inputIndex, int[] constraintCells,
                         String[] outputHeader, String[] rejectsHeader) {
        this.inputHeader = inputHeader;
        this.archIndex = archIndex;
        this.inputIndex = inputIndex;
        this.constraintCells = constraintCells;
        this.outputHeader = outputHeader;
        this.rejectsHeader = rejectsHeader;
    }

    /**
     * Lays out {@code header} for {@code spec}.
     *
     * @throws MalformedCsvException    if the architecture column is missing or appears twice
     * @throws IllegalArgumentException if a constraint names an unknown column, or a metric column
     *                                  (or {@code pass}) collides with an input column
     */
    static HeaderLayout of(String[] header, FilterSpec spec) throws MalformedCsvException {
        List<String> names = Arrays.asList(header);
        int arch = names.indexOf(spec.archColumn());
        if (arch < 0) {
            throw new MalformedCsvException(1, "no '" + spec.archColumn() + "' column in the header (columns: "
                    + String.join(", ", header) + "); name the architecture column with --arch-column");
        }
        if (names.lastIndexOf(spec.archColumn()) != arch) {
            throw new MalformedCsvException(1, "the header has two '" + spec.archColumn() + "' columns");
        }
        int input = names.indexOf(FilterSpec.INPUT_COLUMN);
        int[] cells = new int[spec.constraints().size()];
        for (int i = 0; i < cells.length; i++) {
            Constraint c = spec.constraints().get(i);
            cells[i] = c.isMetric() ? -1 : names.indexOf(c.column());
            if (!c.isMetric() && cells[i] < 0) {
                throw unknownColumn(c, header);
            }
        }
        List<String> out = new ArrayList<>(names);
        for (Metric m : spec.columns()) {
            requireNew(names, m.column(), "metric column");
            out.add(m.column());
        }
        if (spec.all()) {
            requireNew(names, FilterSpec.PASS_COLUMN, "--all column");
            out.add(FilterSpec.PASS_COLUMN);
        }
        List<String> rejects = new ArrayList<>(List.of("line", "reason"));
        rejects.addAll(names);
        return new HeaderLayout(header, arch, input, cells, out.toArray(new String[0]), rejects.toArray(new String[0]));
    }

    private static void requireNew(List<String> inputNames, String column, String what) {
        if (inputNames.contains(column)) {
            throw new IllegalArgumentException("the " + what + " '" + column + "' is also a column of the input;"
                    + " rename the input column or choose other metric columns with --columns");
        }
    }

    private static IllegalArgumentException unknownColumn(Constraint c, String[] header) {
        return new IllegalArgumentException(c.bound().option() + " " + c.column() + ": unknown column '" + c.column()
                + "'; valid names: metrics " + String.join(", ", FilterSpec.metricNames(true))
                + "; input columns " + String.join(", ", header));
    }
}
