/**
 * Search spaces in their own notations: each one's detection, expansion into the exact reference
 * network and, where it can, enumeration and sampling, behind
 * {@link io.archmeter.spaces.SearchSpace}, found through the registry
 * {@link io.archmeter.spaces.SearchSpaces} by the parser, {@code summary}, {@code filter} and
 * library users: NAS-Bench-201 and NATS-Bench ({@link io.archmeter.spaces.NasBench201}),
 * NAS-Bench-101 ({@code spaces.nb101}), DARTS ({@code spaces.darts}) and RegNet
 * ({@code spaces.regnet}). A notation that does not read throws
 * {@link io.archmeter.spaces.NotationException}; sampling draws from a re-seedable
 * {@link io.archmeter.spaces.SpaceRandom}.
 *
 * <p>May use: {@code model}, {@code encoding} (spaces write layers through
 * {@code CandidateBuilder} only). This package and its sub-packages are one layer (the registry
 * lists the spaces, the spaces implement its interface). Not the archmeter grammar: the grammar's
 * parser uses this package, so that {@code ArchParser.parseCandidate} stays the one entry point of
 * every notation.
 */
package io.archmeter.spaces;
