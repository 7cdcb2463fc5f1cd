/**
 * archmeter on Apache Spark: the engine over a {@link org.apache.spark.sql.Dataset} and the
 * {@code filter} job for a cluster.
 *
 * <ul>
 *   <li>{@link io.archmeter.spark.ArchmeterSpark#score ArchmeterSpark.score}: the library entry
 *       point. A {@code Dataset<Row>} with an architecture column (and optionally {@code input})
 *       comes back with the metric columns appended; rows that cannot be scored are set aside with
 *       the filter's reason. Each partition is scored by one {@link io.archmeter.io.RowScorer}
 *       (one engine, one reused candidate batch), batch by batch.</li>
 *   <li>{@link io.archmeter.spark.SparkCsv}: reads candidate CSVs from any Hadoop path in byte
 *       ranges cut by {@link io.archmeter.io.ByteRangeSplitter} (exact with quoted line breaks,
 *       one partition per range, rows keep their file line for the rejects).</li>
 *   <li>{@link io.archmeter.spark.SparkFilterJob}: {@code archmeter filter} as a Spark job (CSV or
 *       Parquet in and out, rejects as a second output), run by {@code spark/bin/archmeter-spark}
 *       or {@code spark-submit}.</li>
 * </ul>
 *
 * <p>Uses the analyzer's public API only ({@code io}, {@code engine.Metric}, {@code model});
 * every number comes from the analyzer's one engine.
 */
package io.archmeter.spark;
