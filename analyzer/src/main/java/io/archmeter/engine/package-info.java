/**
 * The one implementation of every formula ({@code Scorer}) and the entry point that scores
 * candidates, serially or in parallel ({@link io.archmeter.engine.Engine}), with the records it
 * writes: a candidate's metrics ({@link io.archmeter.engine.MetricRecord},
 * {@link io.archmeter.engine.Metrics}, {@link io.archmeter.engine.BatchResults}) and a per-layer
 * trace ({@link io.archmeter.engine.LayerMetricsRecord}, {@link io.archmeter.engine.LayerTable}).
 * The scoring loop is the hot path: it reads primitive arrays only, including each op's traits as
 * bits ({@code OpBits}).
 *
 * <p>May use: {@code model}, {@code encoding}; the JDK's fork-join pool. Knows no notation.
 */
package io.archmeter.engine;
