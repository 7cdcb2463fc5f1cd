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
     * @throws MalformedCsvException    if the architecture column is missing, or a column the run
     *                                  reads (architecture, {@code input}, a constrained one) appears twice
     * @throws IllegalArgumentException if a constraint names an unknown column or a column that is
     *                                  not a number (the architecture or {@code input} column), a
     *                                  metric that is also an input column, or a metric column (or
     *                                  {@code pass}) collides with an input column
     */
    static HeaderLayout of(String[] header, FilterSpec spec) throws MalformedCsvException {
        List<String> names = Arrays.asList(header);
        int arch = names.indexOf(spec.archColumn());
        if (arch < 0) {
            throw new MalformedCsvException(1, "no " + Text.quote(spec.archColumn()) + " column in the header (columns: "
                    + Text.list(header, 20) + "); name the architecture column with --arch-column");
        }
        requireOnce(names, spec.archColumn(), "the architecture column");
        int input = names.indexOf(FilterSpec.INPUT_COLUMN);
        requireOnce(names, FilterSpec.INPUT_COLUMN, "the input-shape column");
        int[] cells = new int[spec.constraints().size()];
        for (int i = 0; i < cells.length; i++) {
            Constraint c = spec.constraints().get(i);
            cells[i] = c.isMetric() ? -1 : names.indexOf(c.column());
            if (c.isMetric()) {
                if (names.contains(c.column())) {
                    throw new IllegalArgumentException(c.bound().option() + " " + c.column() + ": '" + c.column()
                            + "' is both a metric and a column of the input, and it is not clear which is meant;"
                            + " rename the input column");
                }
                continue;
            }
            if (cells[i] < 0) {
                throw unknownColumn(c, header);
            }
            if (cells[i] == arch || cells[i] == input) {
                throw new IllegalArgumentException(c.bound().option() + " " + Text.escape(c.column(), Text.ECHO_LIMIT) + ": "
                        + Text.quote(c.column()) + " is the " + (cells[i] == arch ? "architecture" : "input-shape")
                        + " column, not a number; constrain a metric (" + String.join(", ", FilterSpec.metricNames(true))
                        + ") or a numeric column of the input");
            }
            requireOnce(names, c.column(), "constrained by " + c);
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

    /** A column the run reads must be one column: with two, which one is read would be a guess. */
    private static void requireOnce(List<String> names, String column, String role) throws MalformedCsvException {
        int first = names.indexOf(column);
        int last = names.lastIndexOf(column);
        if (first != last) {
            throw new MalformedCsvException(1, "the header has " + Text.quote(column) + " twice (columns " + (first + 1) + " and "
                    + (last + 1) + "), and it is " + role + "; rename one of them");
        }
    }

    private static void requireNew(List<String> inputNames, String column, String what) {
        if (inputNames.contains(column)) {
            throw new IllegalArgumentException("the " + what + " " + Text.quote(column) + " is also a column of the input;"
                    + " rename the input column or choose other metric columns with --columns");
        }
    }

    private static IllegalArgumentException unknownColumn(Constraint c, String[] header) {
        return new IllegalArgumentException(c.bound().option() + " " + Text.escape(c.column(), Text.ECHO_LIMIT) + ": unknown column "
                + Text.quote(c.column()) + "; valid names: metrics " + String.join(", ", FilterSpec.metricNames(true))
                + "; input columns " + Text.list(header, 20));
    }
}
