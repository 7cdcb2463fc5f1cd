/**
 * Walking whole search spaces: {@link io.archmeter.spaces.scan.GenerableSpace} (a space = its
 * notation, its expansion into layers, and its enumeration or sampling), the spaces
 * {@code archmeter generate} knows ({@link io.archmeter.spaces.scan.GenerableSpaces}), and
 * {@link io.archmeter.spaces.scan.SpaceScan}, which generates a space's candidates and, with
 * {@code --score}, scores them in memory straight into primitive batches (no strings) under the
 * constraints and output columns of a {@link io.archmeter.io.FilterSpec}, in parallel, in a
 * reproducible order.
 *
 * <p>May use {@code model}, {@code encoding}, {@code grammar}, {@code engine}, {@code io}
 * (constraints, metric columns, statistics) and the space packages.
 */
package io.archmeter.spaces.scan;
