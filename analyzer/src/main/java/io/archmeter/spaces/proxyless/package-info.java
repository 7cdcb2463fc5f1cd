/**
 * The ProxylessNAS / MCUNet (TinyNAS) networks in the {@code net_config} JSON form their code
 * writes and reads ({@code "name": "ProxylessNASNets"}), expanded as {@code build_from_config}
 * builds them. Entry point: {@link io.archmeter.spaces.proxyless.NetConfig}.
 *
 * <p>May use: model, encoding, spaces (the registry's interface and exception), spaces.mobile.
 */
package io.archmeter.spaces.proxyless;
