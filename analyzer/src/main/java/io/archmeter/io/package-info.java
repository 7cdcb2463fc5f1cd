/**
 * Streaming CSV filtering: the engine of {@code archmeter filter}.
 *
 * <p>{@link io.archmeter.io.FilterPipeline} reads candidate rows from a {@link java.io.Reader},
 * scores them with {@link io.archmeter.engine.Engine}, and writes the rows meeting a
 * {@link io.archmeter.io.FilterSpec}'s {@link io.archmeter.io.Constraint}s, with their metric
 * columns, to a {@link java.io.Writer}; rows it cannot score go, with their line and reason, to a
 * rejects writer. {@link io.archmeter.io.FilterStats} reconciles the counts.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.builder()
 *         .constraint(Constraint.max("macs=600M"))
 *         .constraint(Constraint.min("acc=0.7"))
 *         .build();
 * FilterStats stats = new FilterPipeline(spec).run(reader, writer, rejectsWriter);
 * assert stats.rowsRead() == stats.kept() + stats.filteredOut() + stats.rejected();
 * }</pre>
 *
 * <p>The pipeline is stream-based and holds a bounded number of row chunks; opening files,
 * gzip and stdin/stdout is the business of {@link io.archmeter.io.CsvStreams} and the command line.
 *
 * <p>A plain file can also be filtered on several threads ({@code filter --threads}):
 * {@link io.archmeter.io.ByteRangeSplitter} cuts it into byte ranges of whole records (quote-aware,
 * from independent block summaries, so the same cuts serve Spark's partitions), each read by its
 * own parser ({@link io.archmeter.io.CsvRangeReader}) from a {@link io.archmeter.io.ByteSource}; the
 * output is that of one reader. {@link io.archmeter.io.RowScorer} is the scoring stage alone, for
 * rows that come from elsewhere (a Spark partition). Nothing here assumes one JVM or one file.
 *
 * <p>Uses {@code grammar}, {@code engine}, {@code model} and Commons CSV; used by {@code cli}, the
 * benchmarks and the Spark module.
 */
package io.archmeter.io;
