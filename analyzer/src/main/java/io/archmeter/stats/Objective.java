package io.archmeter.stats;

import io.archmeter.engine.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A column and which way is better: {@code macs:min}, {@code acc:max}. The objectives of
 * {@code --pareto}, {@code --top K --by}, {@code --sort} and the report's scatter.
 *
 * <p>A metric may omit the direction: costs are minimised ({@code macs} means {@code macs:min}). A
 * pass-through column must say it ({@code acc:max}): nothing tells whether a larger {@code acc} or
 * {@code latency} is better, and guessing would be silently wrong half the time.
 *
 * <pre>{@code
 * List<Objective> o = Objective.parseList("macs:min,acc:max");
 * Objective.parse("acc");            // IllegalArgumentException: say acc:max or acc:min
 * }</pre>
 *
 * @param name     the column
 * @param maximize true for {@code :max}
 */
public record Objective(String name, boolean maximize) {

    public Objective {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code NAME[:min|max]}.
     *
     * @throws IllegalArgumentException for an empty name, another direction, or a non-metric without one
     */
    public static Objective parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no column name (e.g. macs:min or acc:max)");
        }
        if (colon < 0) {
            if (Metric.ofColumn(name) == null) {
                throw new IllegalArgumentException("'" + name + "': say whether larger or smaller is better: " + name + ":max or "
                        + name + ":min (only metrics default to :min)");
            }
            return new Objective(name, false);
        }
        String dir = t.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (dir) {
            case "min": return new Objective(name, false);
            case "max": return new Objective(name, true);
            default:
                throw new IllegalArgumentException("'" + text + "': the direction must be min or max, not '" + dir + "'");
        }
    }

    /** Parses {@code NAME[:dir],NAME[:dir],…}. */
    public static List<Objective> parseList(String text) {
        List<Objective> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            out.add(parse(part));
        }
        return out;
    }

    /** As written on the command line: {@code macs:min}. */
    @Override
    public String toString() {
        return name + (maximize ? ":max" : ":min");
    }

    /** This objective on rows with {@code header} (scored or not: see {@link ValueColumn#resolve}). */
    public Resolved resolve(String[] header, boolean scored) {
        return new Resolved(this, ValueColumn.resolve(name, header, scored));
    }

    /**
     * An objective bound to a column of the input: {@link #key} gives the key to minimise.
     *
     * @param objective the objective
     * @param column    where its value is read
     */
    public record Resolved(Objective objective, ValueColumn column) {
        /** The key to minimise ({@link Keys#descending} of the value's for :max), or {@link Keys#MISSING}. */
        public long key(String[] cells, long[] metrics, int offset) {
            long k = column.key(cells, metrics, offset);
            return k == Keys.MISSING || !objective.maximize() ? k : Keys.descending(k);
        }

        /** The reason a row with a missing value is rejected, naming its cell and the option. */
        public String missingReason(String[] cells, String option) {
            String cell = column.cell() >= 0 ? cells[column.cell()] : "";
            // at most 40 characters of the cell, control characters (a terminal's escapes, CR) shown as '?'
            String shown = (cell.length() > 40 ? cell.substring(0, 40) + "…" : cell).replaceAll("\\p{Cntrl}", "?");
            return "column '" + column.name() + "': '" + shown + "' is not a number (read by " + option + " " + objective + ")";
        }
    }
}
