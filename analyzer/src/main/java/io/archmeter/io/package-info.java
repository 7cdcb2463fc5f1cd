/**
 * Streaming CSV filtering, the engine of {@code archmeter filter}, and the checked input and
 * output every command uses.
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
 * <p>{@link io.archmeter.io.SpaceScan} is the other source of rows: {@code archmeter generate SPACE},
 * the candidates of a search space built straight into batches, scored and judged as the pipeline
 * judges the rows of the CSV it would write.
 *
 * <p>Around the pipeline, nothing is lost or silently changed:
 * <ul>
 *   <li>{@link io.archmeter.io.CsvInput} is the one place where input bytes become text: a file or
 *       stdin, gzip recognised by its magic and read strictly ({@code GzipMembersInputStream}),
 *       UTF-8 with invalid bytes kept ({@link io.archmeter.io.Utf8PassThrough}); then
 *       {@code CsvChunkReader} turns the text into chunks of rows, bounded in rows and characters.</li>
 *   <li>{@link io.archmeter.io.AtomicOutput} writes every output of every command: each write
 *       checked ({@link io.archmeter.io.OutputFailedException} names the output and the cause), a
 *       file replaced only on commit, stdout flushed and never closed. {@link io.archmeter.io.Destination}
 *       resolves names first so that two outputs in one place can be refused.</li>
 *   <li>{@link io.archmeter.io.Text} makes what messages echo safe: escaped controls, a bounded
 *       length, counts with their nouns.</li>
 * </ul>
 *
 * <p>A plain file can also be filtered on several threads ({@code filter --threads}):
 * {@link io.archmeter.io.ByteRangeSplitter} cuts it into byte ranges of whole records (quote-aware,
 * from independent block summaries, so the same cuts serve Spark's partitions), each read by its
 * own parser ({@link io.archmeter.io.CsvRangeReader}, decoding as {@code CsvInput} does) from a
 * {@link io.archmeter.io.ByteSource}; the output is that of one reader. {@link io.archmeter.io.RowScorer}
 * is the scoring stage alone, for rows that come from elsewhere (a Spark partition). Nothing here
 * assumes one JVM or one file.
 *
 * <p>May use: {@code model}, {@code encoding}, {@code engine}, {@code grammar} (which finds search
 * spaces through their registry), {@code spaces}, Commons CSV and the JDK; used by {@code cli}, the benchmarks and
 * the Spark module (and by anything that writes files for the user).
 */
package io.archmeter.io;
