/**
 * Renders what the engine computed for people and programs: the per-layer table of
 * {@code summary} as text, CSV or JSON, and number formatting. Formats only; computes nothing.
 *
 * <p>May use: {@code model}, {@code encoding}, {@code engine}, {@code grammar} (canonical tokens).
 */
package io.archmeter.report;
