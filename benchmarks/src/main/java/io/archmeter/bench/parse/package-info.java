/**
 * Statistics of the generated inputs that explain the parsing figures (how often tokens repeat).
 *
 * <p>May use: the analyzer's generator; {@code io.archmeter.bench}.
 */
package io.archmeter.bench.parse;
