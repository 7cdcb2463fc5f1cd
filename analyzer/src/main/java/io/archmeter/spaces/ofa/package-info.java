/**
 * The Once-for-All MobileNetV3 search space: OFA's sub-network dicts ({@code ks}, {@code e},
 * {@code d}, {@code r}) read and validated, expanded as OFA's {@code get_active_subnet} builds them,
 * sampled as OFA samples them, and counted exactly. Entry point:
 * {@link io.archmeter.spaces.ofa.OfaMbv3}.
 *
 * <p>May use: model, encoding, spaces (the registry's interface and exception), spaces.mobile.
 */
package io.archmeter.spaces.ofa;
