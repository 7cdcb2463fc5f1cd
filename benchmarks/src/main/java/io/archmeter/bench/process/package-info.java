/**
 * Whole-process timings, beside the JMH suite: {@code archmeter filter} (1, 2 … all threads) and the
 * Spark job against a program that only parses the same CSV with Commons CSV, each a fresh JVM on
 * the same 1,000,000-row file. {@link io.archmeter.bench.process.ProcessTiming} runs them and writes
 * JMH-shaped JSON that {@code benchmarks/report.sh} merges into the report.
 */
package io.archmeter.bench.process;
