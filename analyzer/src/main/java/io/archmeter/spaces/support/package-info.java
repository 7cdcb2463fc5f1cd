/**
 * What the search-space notations of {@code io.archmeter.spaces.*} share: the exception a bad
 * notation throws ({@link io.archmeter.spaces.support.NotationException}), "did you mean"
 * suggestions, and {@link io.archmeter.spaces.support.GraphWriter}, which writes a network's
 * layers into the open candidate of a {@link io.archmeter.encoding.CandidateBatch} by position
 * (each layer names the tensor it reads), the way cell-based spaces are described.
 *
 * <p>May use {@code model} and {@code encoding}; nothing here parses architecture strings.
 */
package io.archmeter.spaces.support;
