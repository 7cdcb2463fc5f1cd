package io.archmeter.stats;

import java.util.List;

/**
 * The numbers of one {@link StatsCollector}: what the text, CSV and JSON outputs of
 * {@code archmeter stats} and the HTML report print.
 *
 * @param columns      the columns, in order
 * @param rows         rows collected
 * @param summaries    per column: count, min, quantiles, max, mean, histogram
 * @param sample       the uniform sample of rows (keys per column)
 * @param spearman     Spearman's ρ between every pair of columns, on the sample (NaN where undefined)
 * @param budgets      the budget table, or null if no budgets were asked for
 * @param front        the scatter front's rows as {x key, y key, seq}, in input order (empty without a front)
 * @param frontSkipped rows left out of the front for a missing x or y value
 * @param options      the options collected with
 */
public record StatsResult(List<StatsCollector.Column> columns, long rows, List<ColumnSummary> summaries, RowSample sample,
                          double[][] spearman, BudgetTable budgets, long[][] front, long frontSkipped,
                          StatsCollector.Options options) {

    public StatsResult {
        columns = List.copyOf(columns);
        summaries = List.copyOf(summaries);
    }

    /** True if the correlations are over every row (the sample holds them all). */
    public boolean correlationsExact() {
        return sample.size() == rows;
    }

    /** The index of column {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True if the scatter front was collected. */
    public boolean hasFront() {
        return options.frontX() >= 0;
    }
}
