/**
 * timm's efficient-net family notation with timm's meaning: block strings
 * ({@code ir_r2_k3_s2_e6_c24_se0.25}) decoded as {@code _decode_block_str} does, arch_defs
 * depth-scaled as {@code decode_arch_def} does, networks built as {@code EfficientNetBuilder} and the
 * {@code EfficientNet}/{@code MobileNetV3} classes build them, under the settings of a registered
 * timm model ({@link io.archmeter.spaces.timm.TimmModels}). What archmeter cannot reproduce is
 * refused with the part named. Entry point: {@link io.archmeter.spaces.timm.TimmNotation}.
 *
 * <p>May use: model, encoding, spaces (the registry's interface and exception), spaces.mobile.
 */
package io.archmeter.spaces.timm;
