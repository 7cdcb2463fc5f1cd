/**
 * The vocabulary: every layer operation described once, as data ({@link io.archmeter.model.Op}
 * with its {@link io.archmeter.model.KeyUse keys}), the keys of the notation
 * ({@link io.archmeter.model.Key}), op codes ({@link io.archmeter.model.OpCode}), input shapes, and
 * the conventions a number is counted under ({@link io.archmeter.model.Conventions}).
 *
 * <p>May use: the JDK only. Everything else in archmeter may use it.
 */
package io.archmeter.model;
