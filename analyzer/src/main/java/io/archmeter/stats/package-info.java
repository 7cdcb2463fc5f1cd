/**
 * Streaming statistics and selection over scored candidates, in memory independent of the
 * number of rows, every structure mergeable so that parallel or Spark users combine partial
 * results into exactly what one pass would give.
 *
 * <ul>
 *   <li>{@link io.archmeter.stats.QuantileSketch}: quantiles, exact up to 4,096 distinct values,
 *       then within 0.1% (relative, deterministic); {@link io.archmeter.stats.ColumnStats} adds
 *       count, exact min/max and mean; {@link io.archmeter.stats.Histogram} bins it.</li>
 *   <li>{@link io.archmeter.stats.RowSample}: a uniform sample (bottom-k by hash), for scatter
 *       plots and {@link io.archmeter.stats.Spearman} rank correlations.</li>
 *   <li>{@link io.archmeter.stats.BudgetTable}: rows kept by every combination of budgets, exact.</li>
 *   <li>{@link io.archmeter.stats.ParetoFront} and {@link io.archmeter.stats.TopK}: selection,
 *       memory growing with the front or bounded by K.</li>
 * </ul>
 * Values travel as {@code long} {@link io.archmeter.stats.Keys} (metrics exactly; decimal
 * pass-through columns through their doubles' order-preserving bits), so every comparison is one
 * {@code Long.compare}.
 *
 * <p>The classes above use nothing of archmeter but each other, and Eclipse Collections'
 * primitive collections. The glue that reads them from candidate rows (metric records of
 * {@link io.archmeter.engine.Metric} and CSV cells) may use {@code engine} and the {@code io}
 * pipeline's hook and {@link io.archmeter.io.Quantity}; {@code io} never uses this package.
 */
package io.archmeter.stats;
