/**
 * Entry points for other languages: Python through JPype, and any language through
 * {@code archmeter serve}'s JSON lines. Each crossing of the language boundary costs microseconds,
 * so every entry point here does a whole unit of work per call: {@link io.archmeter.bridge.ScoringSession}
 * parses, scores and writes one candidate's metrics into a buffer the caller reads without another
 * call, or a whole batch into column arrays (direct buffers that NumPy owns), with a status and a
 * reason per row. {@link io.archmeter.bridge.BuildProgram} carries candidates built without strings
 * as one int array; {@link io.archmeter.bridge.JsonLines} is the protocol of {@code serve}.
 *
 * <p>Nothing here computes a metric: parsing goes through
 * {@link io.archmeter.grammar.ArchParser#parseCandidate}, building through
 * {@link io.archmeter.encoding.CandidateBuilder}, scoring through {@link io.archmeter.engine.Engine}.
 * May use model, encoding, grammar, spaces (each notation's default input), engine,
 * {@link io.archmeter.io.Text} (so that a reason reads exactly as in {@code filter}'s rejects file) and
 * Jackson's streaming JSON; used by the command line and by the Python package ({@code python/archmeter}).
 */
package io.archmeter.bridge;
