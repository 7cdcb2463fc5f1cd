/**
 * {@code benchmarks/report.sh}'s renderer: reads JMH's JSON results and writes {@code REPORT.md}
 * and {@code report.svg}, compares two result files, merges runs. Ratios are always between two
 * results of one run.
 *
 * <p>May use: the JDK and {@code io.archmeter.bench.parse}; no JSON or charting library.
 */
package io.archmeter.bench.report;
