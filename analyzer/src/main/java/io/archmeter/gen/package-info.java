/**
 * Seeded random candidates written as architecture strings, for {@code archmeter generate}, the
 * tests and the benchmarks: the same seed gives the same candidates on every machine.
 *
 * <p>May use: the JDK only.
 */
package io.archmeter.gen;
