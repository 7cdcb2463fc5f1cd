/**
 * The RegNet design space (Radosavovic et al., "Designing Network Design Spaces", CVPR 2020):
 * the notation {@code regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16} (plus {@code b} and {@code se}),
 * its quantised linear expansion into stages as torchvision's {@code regnet.py} computes it
 * ({@link io.archmeter.spaces.regnet.RegNetDesign}), the network of X and Y blocks it builds
 * ({@link io.archmeter.spaces.regnet.RegNetNetwork}), and pycls's sampler of the design space
 * ({@link io.archmeter.spaces.regnet.RegNetSampler}); {@link io.archmeter.spaces.regnet.RegNetSpace}
 * puts them in the registry.
 *
 * <p>May use: {@code model}, {@code encoding} (the builder only), {@code spaces} (the registry's
 * types, errors and helpers).
 */
package io.archmeter.spaces.regnet;
