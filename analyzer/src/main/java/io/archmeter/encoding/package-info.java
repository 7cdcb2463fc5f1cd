/**
 * The primitive encoding of candidates and the one way to write it: fixed-stride layer records
 * ({@link io.archmeter.encoding.LayerRecord}, with the one writer of a record from an op's keys),
 * batches of candidates as parallel arrays ({@link io.archmeter.encoding.CandidateBatch}), the
 * builder every writer goes through ({@link io.archmeter.encoding.CandidateBuilder}: the library's
 * users, the grammar, the blocks and the search spaces), branch groups
 * ({@link io.archmeter.encoding.BranchStack}) and the blocks ({@link io.archmeter.encoding.Block},
 * expanded by {@link io.archmeter.encoding.Blocks}).
 *
 * <p>May use: {@code model}; Eclipse Collections' primitive lists. No positional record writes
 * happen outside this package.
 */
package io.archmeter.encoding;
