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
 * <p>May use: {@code model}, {@code encoding}, {@code engine}, {@code grammar} (which finds search
 * spaces through their registry); Commons CSV.
 */
package io.archmeter.io;
