/**
 * What the MobileNet-family search spaces share: the layer patterns they are made of
 * ({@link io.archmeter.spaces.mobile.MobileLayers}, written through
 * {@link io.archmeter.encoding.CandidateBuilder}), their channel rounding in their reference code's
 * float arithmetic ({@link io.archmeter.spaces.mobile.Divisible}), a reader for the JSON and Python
 * literals their configurations come in ({@link io.archmeter.spaces.mobile.Literal}), and the registry's view
 * of the spaces whose configs carry their own resolution and width
 * ({@link io.archmeter.spaces.mobile.MobileSpace}: a description as data and four methods). A notation
 * they refuse throws {@link io.archmeter.spaces.NotationException}, naming the part.
 *
 * <p>May use: model, encoding, spaces (the exception). Used by the {@code timm}, {@code ofa} and {@code proxyless} spaces.
 */
package io.archmeter.spaces.mobile;
