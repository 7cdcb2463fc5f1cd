/**
 * The JMH suite: scoring (by depth, batch size, mode and thread count), the memory-touch limit,
 * block graphs, parsing, the CSV floor and the filter pipeline, each on seeded generated inputs
 * ({@link io.archmeter.bench.GeneratedCandidates}) and each body checked once by a JUnit test.
 *
 * <p>May use: the analyzer's public API, as a user would; JMH; Commons CSV.
 */
package io.archmeter.bench;
