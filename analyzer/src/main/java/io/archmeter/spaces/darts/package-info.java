/**
 * DARTS genotypes (Liu, Simonyan &amp; Yang, ICLR 2019; quark0/darts), exactly as the DARTS family
 * (DARTS, P-DARTS, PC-DARTS, …) prints them, expanded into the DARTS evaluation networks of its
 * {@code model.py} and {@code operations.py} (CIFAR and ImageNet), and sampled from the DARTS space.
 *
 * <p>{@link io.archmeter.spaces.darts.Genotype} reads and writes the notation;
 * {@link io.archmeter.spaces.darts.DartsNetwork} writes a network;
 * {@link io.archmeter.spaces.darts.DartsSampler} draws genotypes. May use {@code model},
 * {@code encoding} and {@code spaces.support}.
 */
package io.archmeter.spaces.darts;
