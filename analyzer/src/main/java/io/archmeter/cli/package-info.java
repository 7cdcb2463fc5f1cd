/**
 * The {@code archmeter} command line ({@code summary}, {@code filter}, {@code generate},
 * {@code zoo}), on picocli: options, help, exit codes, and nothing the library does not offer.
 *
 * <p>May use: every other package; picocli.
 */
package io.archmeter.cli;
