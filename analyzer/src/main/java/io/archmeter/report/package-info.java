/**
 * What people read: the per-layer summary ({@link io.archmeter.report.SummaryReport}), the text,
 * CSV and JSON of {@code archmeter stats} ({@link io.archmeter.report.StatsReport}), and the
 * self-contained HTML report with its SVG charts ({@link io.archmeter.report.HtmlReport},
 * {@link io.archmeter.report.ScatterChart}, {@link io.archmeter.report.HistogramChart}, whose
 * numbers come from {@link io.archmeter.report.Axis}), with the number formats they share
 * ({@link io.archmeter.report.Formatting}, {@link io.archmeter.report.Units}).
 *
 * <p>Formats numbers computed elsewhere and computes none of its own metrics: it may use
 * {@code engine} (metric records), {@code stats} (statistics results) and Commons CSV, never
 * {@code io} or {@code cli}.
 */
package io.archmeter.report;
