/**
 * The archmeter architecture grammar ({@code conv_k3_s2_c32 bn relu ( … | … )add gap fc_c10}) and
 * the entry point of every notation: {@link io.archmeter.grammar.ArchParser} hands a string a
 * search space recognises to that space and reads any other token by token into the batch's
 * builder; {@link io.archmeter.grammar.ArchFormatter} writes records back as canonical tokens;
 * {@link io.archmeter.grammar.TokenCache} replays tokens seen before; a
 * {@link io.archmeter.grammar.ParseListener} learns which token wrote which layer;
 * {@link io.archmeter.grammar.SyntheticSpace} samples synthetic grammar strings as spaces of their own.
 *
 * <p>May use: {@code model}, {@code encoding} (through {@code CandidateBuilder}), {@code spaces}
 * (the registry), {@code gen} (the synthetic candidates).
 */
package io.archmeter.grammar;
