#!/usr/bin/env python3
"""An evolutionary architecture search with archmeter as its cost model: no training, only budgets.

Regularized ("aging") evolution (Real et al., 2019) over a MobileNet-style chain space, maximising a
capacity proxy (parameters) under a compute budget (MACs), a memory budget (peak activation bytes, as
on a microcontroller) and a receptive field that covers the input. The first population is a random
search scored in one ``score_many`` call; then each cycle mutates the best of a random sample and
costs the child with one ``score`` call (``--builder``: written with the Builder, no strings).

    /usr/bin/python3 python/examples/evolution.py --cycles 2000 --max-macs 60M --max-peak 600KiB --min-rf 224

Needs the archmeter package (``PYTHONPATH=python`` in a checkout, after ``mvn -B verify``).
"""

import argparse
import collections
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import archmeter  # noqa: E402

STEM = (16, 24, 32)
KERNELS = (3, 5, 7)
WIDTHS = (16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192)
DEPTHS = (1, 2, 3)
STRIDES = (1, 2, 2, 2, 1, 2)          # per stage: 224 -> 112 (stem) -> ... -> 7
INPUT = (224, 224, 3)


def random_genome(rng):
    """(stem width, [(kernel, width, depth) per stage])."""
    return (rng.choice(STEM), [(rng.choice(KERNELS), rng.choice(WIDTHS), rng.choice(DEPTHS)) for _ in STRIDES])


def mutate(genome, rng):
    """One gene changed: the stem width, or one stage's kernel, width or depth."""
    stem, stages = genome
    stages = list(stages)
    i = rng.randrange(len(stages) + 1)
    if i == len(stages):
        return (rng.choice([w for w in STEM if w != stem]), stages)
    k, w, d = stages[i]
    which = rng.randrange(3)
    if which == 0:
        k = rng.choice([x for x in KERNELS if x != k])
    elif which == 1:
        w = rng.choice([x for x in WIDTHS if x != w])
    else:
        d = rng.choice([x for x in DEPTHS if x != d])
    stages[i] = (k, w, d)
    return (stem, stages)


def to_string(genome):
    """The genome as an architecture string."""
    stem, stages = genome
    layers = [f"conv_k3_s2_c{stem}_b0 bn relu6"]
    for (k, w, d), s in zip(stages, STRIDES):
        for r in range(d):
            stride = f"_s{s}" if r == 0 and s != 1 else ""
            layers.append(f"dw_k{k}{stride}_b0 bn relu6 conv_k1_c{w}_b0 bn relu6")
    layers.append("conv_k1_c1280_b0 bn relu6 gap fc_c1000")
    return " ".join(layers)


def to_builder(genome, b):
    """The genome written with the Builder: the same network as to_string, without a string."""
    stem, stages = genome
    b.begin(*INPUT).conv(3, s=2, c=stem, bias=False).bn().relu6()
    for (k, w, d), s in zip(stages, STRIDES):
        for r in range(d):
            b.dw(k, s=s if r == 0 else 1, bias=False).bn().relu6().conv(1, c=w, bias=False).bn().relu6()
    return b.conv(1, c=1280, bias=False).bn().relu6().gap().fc(1000).end()


def fitness(m, budget):
    """Parameters if every budget is met, else minus the relative excess over the budgets."""
    excess = (max(0.0, m["macs"] / budget["macs"] - 1) + max(0.0, m["act_peak_bytes"] / budget["peak"] - 1)
              + max(0.0, 1 - m["rf"] / budget["rf"]))
    return m["params"] if excess == 0 else -excess


def search(cycles=1000, population=64, sample=16, seed=0, max_macs=60e6, max_peak=600 * 1024, min_rf=224,
           builder=False, analyzer=None):
    """Runs the search; returns a dict with the best genome, its string and metrics, and counts."""
    a = analyzer or archmeter.Analyzer(act_dtype="int8")      # int8 activations, as deployed on microcontrollers
    rng = random.Random(seed)
    budget = {"macs": max_macs, "peak": max_peak, "rf": min_rf}
    start = time.perf_counter()
    # random search: the first population, costed in one call
    genomes = [random_genome(rng) for _ in range(population)]
    scores = a.score_many([to_string(g) for g in genomes], inputs=INPUT)
    pop = collections.deque()
    history = []
    for i, g in enumerate(genomes):
        m = {c: int(scores[c][i]) for c in ("macs", "params", "act_peak_bytes", "rf")}
        pop.append((g, m, fitness(m, budget)))
        history.append(pop[-1])
    b = a.builder() if builder else None
    for _ in range(cycles):
        parent = max(rng.sample(list(pop), sample), key=lambda e: e[2])
        child = mutate(parent[0], rng)
        if builder:
            m = a.score(to_builder(child, b.clear()))
        else:
            m = a.score(to_string(child), input=INPUT)
        pop.append((child, m, fitness(m, budget)))
        history.append(pop[-1])
        pop.popleft()                       # aging: the oldest dies, whatever its fitness
    seconds = time.perf_counter() - start
    best = max(history, key=lambda e: e[2])
    return {"genome": best[0], "arch": to_string(best[0]), "metrics": best[1], "fitness": best[2],
            "feasible": best[2] >= 0, "evaluated": len(history), "seconds": seconds,
            "feasible_count": sum(1 for e in history if e[2] >= 0)}


def quantity(text):
    """60M, 600KiB, 2.5e6 -> a number."""
    units = {"K": 1e3, "M": 1e6, "G": 1e9, "KiB": 1024, "MiB": 1024**2}
    for u in sorted(units, key=len, reverse=True):
        if text.endswith(u):
            return float(text[: -len(u)]) * units[u]
    return float(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cycles", type=int, default=2000)
    ap.add_argument("--population", type=int, default=64)
    ap.add_argument("--sample", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-macs", type=quantity, default=60e6, help="MACs budget (default 60M)")
    ap.add_argument("--max-peak", type=quantity, default=600 * 1024, help="peak activation bytes, int8 (default 600KiB)")
    ap.add_argument("--min-rf", type=int, default=224, help="least receptive field (default 224)")
    ap.add_argument("--builder", action="store_true", help="write children with the Builder instead of strings")
    a = ap.parse_args(argv)
    r = search(a.cycles, a.population, a.sample, a.seed, a.max_macs, a.max_peak, a.min_rf, a.builder)
    m = r["metrics"]
    print(f"evaluated {r['evaluated']:,} candidates in {r['seconds']:.2f} s ({r['evaluated'] / r['seconds']:,.0f}/s),"
          f" {r['feasible_count']:,} within budget")
    print(f"best: {m['params']:,} params, {m['macs']:,} MACs, peak {m['act_peak_bytes']:,} B (int8), rf {m['rf']}"
          + ("" if r["feasible"] else "  (NO candidate met every budget)"))
    print(f"  {r['arch']}")
    return 0 if r["feasible"] else 1


if __name__ == "__main__":
    sys.exit(main())
