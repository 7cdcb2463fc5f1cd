#!/usr/bin/env python3
"""archmeter from Python, measured: one candidate per call, a batch per call, and plain Python.

    /usr/bin/python3 python/bench/bench.py            # the report: 100,000 20-layer chains
    /usr/bin/python3 python/bench/bench.py --quick    # a smoke run (CI): small, fast, checked

Prints, with the machine and the date:
  * ``score``: µs per call of ``Analyzer.score`` on a 20-layer chain string (target ≤ 20 µs, JPype included);
  * ``score_many``: candidates/s of ``Analyzer.score_many`` on 100,000 such strings, one JVM call per
    batch (target ≥ 1 M/s);
  * ``score_many(builder)``: the same candidates written with the Builder (no strings), building included;
  * the pure-Python analytic counter (``pure_python.py``) on the same candidates, and the ratio
    score_many / pure Python (target ≥ 25×); also the counter with its parsed tokens memoised, a
    stronger baseline, and the ratio to it. score_many and the two counters are timed in turn, one
    run of each per round, and each ratio is the median of the rounds' ratios: the machine's speed
    drifts within seconds, and a ratio of runs minutes apart measured the drift as much as the code.
The candidates are the JMH suite's (``CandidateGenerator`` seed 20261129, 224×224×3). Every body
returns a checksum of its metrics, and the run stops if the bodies disagree with each other. Each
figure is the median of ``--repeats`` timed runs after warm-up runs (the JIT compiles the Java side
during those); the spread (min–max) is printed, and a run that shared the machine (other processes
took more than 5% of its CPU time while the bodies ran: the machine's busy time from /proc/stat less
this process's own) is flagged as noisy: its figures are not to be compared with the targets. The
load average is printed but not used: its minute-long memory counts what ran just before.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))   # the archmeter package beside bench/
sys.path.insert(0, HERE)

import archmeter  # noqa: E402
import pure_python  # noqa: E402

SEED = 20_261_129       # GeneratedCandidates.SEED of the JMH suite
DEPTH = 20
INPUT = (224, 224, 3)
TARGETS = {"score_us": 20.0, "score_many_per_s": 1_000_000, "ratio": 25.0}


def candidates(n, seed=SEED, depth=DEPTH):
    """n architecture strings of ``depth`` layers from archmeter's seeded generator (the JMH inputs)."""
    import jpype
    archmeter.Analyzer()   # starts the JVM
    gen = jpype.JClass("io.archmeter.gen.CandidateGenerator")(seed)
    return [str(gen.next(depth)) for _ in range(n)]


def checksum(macs, params, rf):
    """One number per body: the sums of three metrics, so bodies can be compared exactly."""
    return (int(sum(macs)), int(sum(params)), int(sum(rf)))


def body_score(analyzer, archs):
    """Analyzer.score, one call per candidate."""
    macs, params, rf = [], [], []
    score = analyzer.score
    for a in archs:
        m = score(a, INPUT)
        macs.append(m["macs"])
        params.append(m["params"])
        rf.append(m["rf"])
    return checksum(macs, params, rf)


def array_checksum(s):
    """checksum() of a batch's arrays, summed by NumPy (no Python loop inside the timed body)."""
    if s.invalid:
        raise AssertionError(f"{s.invalid} benchmark candidates are invalid: {s.reasons[:3]}")
    return (int(s["macs"].sum()), int(s["params"].sum()), int(s["rf"].sum()))


def body_score_many(analyzer, archs):
    """Analyzer.score_many, one JVM call per batch."""
    return array_checksum(analyzer.score_many(archs, INPUT))


def body_builder(analyzer, genomes):
    """Analyzer.score_many of a Builder: the candidates written as calls, building included."""
    b = analyzer.builder()
    for g in genomes:
        write(b, g)
    return array_checksum(analyzer.score_many(b))


def body_pure_python(archs, count=pure_python.count):
    """The pure-Python analytic counter (``count_memo``: with parsed tokens memoised)."""
    macs, params, rf = [], [], []
    for a in archs:
        m = count(a, *INPUT)
        macs.append(m["macs"])
        params.append(m["params"])
        rf.append(m["rf"])
    return checksum(macs, params, rf)


def genome(arch):
    """A generated string as builder calls: [(method, args, kwargs)], prepared outside the timing."""
    calls = []
    for token in arch.split():
        op, k = pure_python.parse_token(token)
        if op == "conv":
            calls.append(("conv", (k["k"][0],), {"s": k.get("s", (1, 1))[0], "c": k["c"], "bias": bool(k.get("b", 1))}))
        elif op == "dw":
            calls.append(("dw", (k["k"][0],), {"s": k.get("s", (1, 1))[0], "bias": bool(k.get("b", 1))}))
        elif op == "maxpool":
            calls.append(("maxpool", (k["k"][0],), {}))
        elif op == "fc":
            calls.append(("fc", (k["c"],), {}))
        else:
            calls.append(("layer", (op,), {}))
    return calls


def write(b, calls):
    b.begin(*INPUT)
    for method, args, kwargs in calls:
        getattr(b, method)(*args, **kwargs)
    b.end()


def timed(fn, repeats, warmups, cpu=None):
    """(result, [wall seconds per run]) of fn() after warm-up runs; appends CPU seconds per run to ``cpu``."""
    for _ in range(warmups):
        result = fn()
    times = []
    for _ in range(repeats):
        c = time.process_time()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if cpu is not None:
            cpu.append(time.process_time() - c)
    return result, times


def interleaved(fns, repeats, cpu=None):
    """([result per fn], [[wall seconds per run] per fn]): the bodies timed in turn, one run each per round.

    The ratio of two bodies is their speeds in the same moments: this machine's speed changes by tens
    of per cent from second to second (measured: a fixed pure-Python loop took 20 ms, then 35 ms for a
    few seconds, then 20 ms again), so two bodies timed one after the other can meet different
    machines. Appends the first body's CPU seconds per run to ``cpu``.
    """
    results, times = [None] * len(fns), [[] for _ in fns]
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            c = time.process_time()
            t = time.perf_counter()
            results[i] = fn()
            times[i].append(time.perf_counter() - t)
            if i == 0 and cpu is not None:
                cpu.append(time.process_time() - c)
    return results, times


def _busy_seconds():
    """CPU seconds the whole machine has been busy (user nice system irq softirq steal), or None."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / os.sysconf("SC_CLK_TCK")


class OtherWork:
    """The share of the machine other processes took between start() and stop(), or None where /proc is not."""

    def start(self):
        self.busy, self.own, self.wall = _busy_seconds(), time.process_time(), time.perf_counter()
        return self

    def stop(self):
        busy = _busy_seconds()
        if busy is None or self.busy is None:
            return None
        others = (busy - self.busy) - (time.process_time() - self.own)
        return max(0.0, others / ((time.perf_counter() - self.wall) * (os.cpu_count() or 1)))


def machine():
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import jpype
    import numpy
    java = str(jpype.JClass("java.lang.System").getProperty("java.vm.version"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "jpype": jpype.__version__,
            "numpy": numpy.__version__, "java": java, "load": load,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def run(n, single, pure, repeats, warmups):
    """All bodies on the same candidates; returns the figures as a dict (and checks the bodies agree)."""
    analyzer = archmeter.Analyzer()
    archs = candidates(n)
    some = archs[:single]
    few = archs[:pure]
    genomes = [genome(a) for a in archs]
    figures = {"n": n, "single_n": single, "pure_n": pure}
    others = OtherWork().start()
    c_single, c_many = [], []
    r_single, t_single = timed(lambda: body_score(analyzer, some), repeats, warmups, c_single)
    r_build, t_build = timed(lambda: body_builder(analyzer, genomes), repeats, max(1, warmups // 2))
    for _ in range(warmups):
        body_score_many(analyzer, archs)      # the JIT compiles the batch path
    # score_many and the counters in turn, round by round: their ratio is taken in the same moments
    (r_many, r_pure, r_memo), (t_many, t_pure, t_memo) = interleaved(
        [lambda: body_score_many(analyzer, archs), lambda: body_pure_python(few),
         lambda: body_pure_python(few, pure_python.count_memo)], repeats, c_many)
    check_many, _ = timed(lambda: body_score_many(analyzer, few), 1, 0)
    check_single = body_pure_python(some)
    if r_single != check_single or r_pure != check_many or r_memo != r_pure or r_many != r_build:
        raise AssertionError(f"the bodies disagree: score {r_single} vs pure {check_single}; pure {r_pure} vs"
                             f" score_many {check_many}; score_many {r_many} vs builder {r_build}")
    figures["score_us"] = [t / single * 1e6 for t in t_single]
    # CPU time of the process (Python and every JVM thread): less sensitive to other processes than wall time
    figures["score_cpu_us"] = [t / single * 1e6 for t in c_single]
    figures["score_many_cpu_us"] = [t / n * 1e6 for t in c_many]
    figures["score_many_per_s"] = [n / t for t in t_many]
    figures["builder_per_s"] = [n / t for t in t_build]
    figures["pure_per_s"] = [pure / t for t in t_pure]
    figures["memo_per_s"] = [pure / t for t in t_memo]
    figures["ratio"] = [(n / a) / (pure / b) for a, b in zip(t_many, t_pure)]
    figures["memo_ratio"] = [(n / a) / (pure / b) for a, b in zip(t_many, t_memo)]
    figures["checksum"] = r_many
    figures["others"] = others.stop()
    return figures


def report(fig, m, out=sys.stdout):
    med = {k: statistics.median(v) for k, v in fig.items() if isinstance(v, list) and k != "checksum"}
    ratio = med["ratio"]
    others = fig.get("others")
    noisy = m["load"] > (m["cores"] or 1) if others is None else others > 0.05
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"archmeter Python benchmark, {m['date']}")
    p(f"machine: {m['cpu']}, {m['cores']} cores, load average {m['load']:.2f}; Python {m['python']},"
      f" JPype {m['jpype']}, NumPy {m['numpy']}, Java {m['java']}")
    p(f"candidates: {fig['n']:,} 20-layer chains (CandidateGenerator seed {SEED}) on 224x224x3; median of runs, [min-max]")
    if others is not None:
        p(f"other processes took {100 * others:.1f}% of the machine while the bodies ran")
    if noisy:
        why = "the load average exceeds the core count" if others is None else "other processes took more than 5%"
        p(f"NOISY: {why}; do not compare these figures with the targets")
    rows = [
        ("score (one call per candidate)", f"{med['score_us']:.1f} us/call", fig["score_us"], "{:.1f}",
         f"<= {TARGETS['score_us']:.0f} us", med["score_us"] <= TARGETS["score_us"]),
        ("score_many (one call per batch)", f"{med['score_many_per_s'] / 1e6:.2f} M/s", [x / 1e6 for x in fig["score_many_per_s"]],
         "{:.2f}", ">= 1 M/s", med["score_many_per_s"] >= TARGETS["score_many_per_s"]),
        ("score_many(Builder), building included", f"{med['builder_per_s'] / 1e6:.2f} M/s", [x / 1e6 for x in fig["builder_per_s"]],
         "{:.2f}", "", None),
        (f"pure-Python counter ({fig['pure_n']:,} candidates)", f"{med['pure_per_s'] / 1e3:.1f} k/s", [x / 1e3 for x in fig["pure_per_s"]],
         "{:.1f}", "", None),
        ("pure-Python counter, tokens memoised", f"{med['memo_per_s'] / 1e3:.1f} k/s", [x / 1e3 for x in fig["memo_per_s"]],
         "{:.1f}", "", None),
        ("score_many / pure Python, run by run", f"{ratio:.0f}x", fig["ratio"], "{:.0f}", f">= {TARGETS['ratio']:.0f}x",
         ratio >= TARGETS["ratio"]),
        ("score_many / pure Python with memo", f"{med['memo_ratio']:.0f}x", fig["memo_ratio"], "{:.0f}", "", None),
    ]
    for name, value, runs, fmt, target, ok in rows:
        spread = f"[{fmt.format(min(runs))}-{fmt.format(max(runs))}]" if runs else ""
        verdict = "" if ok is None else ("meets" if ok else "MISSES") + f" target {target}"
        p(f"  {name:<42} {value:>14} {spread:<16} {verdict}")
    p(f"  CPU time (all threads, less sensitive to a busy machine): score {med['score_cpu_us']:.1f} us/call,"
      f" score_many {med['score_many_cpu_us']:.2f} us/candidate")
    p(f"checksum (sum of macs, params, rf over the candidates): {fig['checksum']}")
    return {"ratio": ratio, "noisy": noisy, **med}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="candidates per batch (default 100,000)")
    ap.add_argument("--single", type=int, default=20_000, help="candidates timed through score() (default 20,000)")
    ap.add_argument("--pure", type=int, default=20_000, help="candidates timed through the pure-Python counter")
    ap.add_argument("--repeats", type=int, default=7, help="timed runs per figure (default 7)")
    ap.add_argument("--warmups", type=int, default=5, help="untimed runs first (default 5)")
    ap.add_argument("--quick", action="store_true", help="a small smoke run: 2,000 candidates, 2 runs")
    a = ap.parse_args(argv)
    if a.quick:
        a.n, a.single, a.pure, a.repeats, a.warmups = 2_000, 500, 500, 2, 1
    fig = run(a.n, min(a.single, a.n), min(a.pure, a.n), a.repeats, a.warmups)
    report(fig, machine())
    return 0


if __name__ == "__main__":
    sys.exit(main())
