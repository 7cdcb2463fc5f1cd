/**
 * DARTS genotypes (Liu, Simonyan &amp; Yang, ICLR 2019; quark0/darts), exactly as the DARTS family
 * (DARTS, P-DARTS, PC-DARTS, …) prints them, expanded into the DARTS evaluation networks of its
 * {@code model.py} and {@code operations.py} (CIFAR and ImageNet), and sampled from the DARTS space.
 *
 * <p>{@link io.archmeter.spaces.darts.Genotype} reads and writes the notation;
 * {@link io.archmeter.spaces.darts.DartsNetwork} writes a network through {@code CandidateBuilder};
 * {@link io.archmeter.spaces.darts.DartsSpace} is its entry in the registry, and numbers the DARTS
 * space's genotypes.
 *
 * <p>May use: {@code model}, {@code encoding} (the builder only), {@code spaces} (the registry's
 * types, errors and helpers).
 */
package io.archmeter.spaces.darts;
