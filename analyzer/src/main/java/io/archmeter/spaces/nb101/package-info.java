/**
 * NAS-Bench-101 (Ying et al., ICML 2019; google-research/nasbench): cell specs as Python users
 * export them (JSON {@code {"matrix": …, "ops": …}}) and in a compact one-token form, pruned,
 * sized and expanded into the benchmark's CIFAR-10 network exactly as its {@code model_spec.py}
 * and {@code model_builder.py} do; and the exhaustive enumeration of the 423,624 computationally
 * unique cells, deduplicated by graph isomorphism, in the benchmark's own order.
 *
 * <p>{@link io.archmeter.spaces.nb101.Nb101Spec} is a spec; {@link io.archmeter.spaces.nb101.Nb101Network}
 * writes its network through {@code CandidateBuilder}; {@link io.archmeter.spaces.nb101.Nb101Enumerator}
 * walks the space; {@link io.archmeter.spaces.nb101.Nb101Space} is its entry in the registry.
 *
 * <p>May use: {@code model}, {@code encoding} (the builder only), {@code spaces} (the registry's
 * types, errors and helpers); Eclipse Collections' primitive maps.
 */
package io.archmeter.spaces.nb101;
