/**
 * Search loops that use archmeter as a user's project does: through its one Maven dependency,
 * {@code io.archmeter:archmeter-analyzer}, and only its public API ({@code Engine},
 * {@code CandidateBatch}, {@code CandidateBuilder}, {@code ArchParser}, {@code Metrics},
 * {@code BatchResults}). {@link io.archmeter.examples.SearchLoop} is the README's, word for word;
 * {@link io.archmeter.examples.RandomSearchExample} a seeded random search and a population scored
 * at once. May use the library; nothing uses this package.
 */
package io.archmeter.examples;
