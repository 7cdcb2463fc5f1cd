/**
 * Renders what the engine computed for people and programs: the per-layer table of
 * {@code summary} as text, CSV or JSON ({@link io.archmeter.report.SummaryReport}); the text, CSV
 * and JSON of {@code archmeter stats} ({@link io.archmeter.report.StatsReport}); the
 * self-contained HTML report with its SVG charts ({@link io.archmeter.report.HtmlReport},
 * {@link io.archmeter.report.ScatterChart}, {@link io.archmeter.report.HistogramChart}, whose
 * numbers come from {@link io.archmeter.report.Axis}); and the number formats they share
 * ({@link io.archmeter.report.Formatting}, {@link io.archmeter.report.Units}). Formats only;
 * computes nothing.
 *
 * <p>May use: {@code model}, {@code encoding}, {@code engine}, {@code grammar} (canonical tokens),
 * {@code stats} (the statistics it renders) and Commons CSV; never {@code io} or {@code cli}.
 */
package io.archmeter.report;
