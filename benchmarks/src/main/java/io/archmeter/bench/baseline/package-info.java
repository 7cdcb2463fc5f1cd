/**
 * Baselines the engine is measured against in the same run: the object-per-layer scorer one
 * writes first ({@link io.archmeter.bench.baseline.ObjectScorer}) and the engine's chain loop
 * without its graph code ({@link io.archmeter.bench.baseline.RecordChainScorer}). They score the
 * ops the candidate generator writes, not every op: they are yardsticks, not engines.
 *
 * <p>May use: the analyzer's {@code model}, {@code encoding} and {@code engine} records.
 */
package io.archmeter.bench.baseline;
