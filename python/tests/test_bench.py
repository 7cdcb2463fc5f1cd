"""The Python benchmark's bodies give the right answers (they are timed in bench.py, never here)."""

import os
import subprocess
import sys
import time

import pytest

from conftest import PYTHON_DIR

sys.path.insert(0, os.path.join(PYTHON_DIR, "bench"))
import bench  # noqa: E402
import pure_python  # noqa: E402


def test_the_pure_python_counter_agrees_with_archmeter_on_every_benchmark_candidate(analyzer):
    archs = bench.candidates(5_000)
    s = analyzer.score_many(archs, inputs=bench.INPUT)
    assert s.invalid == 0
    for i, a in enumerate(archs):
        m = pure_python.count(a, *bench.INPUT)
        assert all(int(s[k][i]) == v for k, v in m.items()), a
        assert pure_python.count_memo(a, *bench.INPUT) == m


def test_the_pure_python_counter_gives_the_numbers_worked_by_hand():
    m = pure_python.count("conv_k3_s2_c16 bn relu gap fc_c10", 32, 32, 3)
    assert (m["macs"], m["flops"], m["params"], m["act_peak_bytes"], m["rf"]) == (110_752, 114_858, 650, 28_672, 3)
    # Caffe AlexNet, published: 60,965,224 params, 724,406,816 MACs, receptive field 195
    alexnet = ("conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_g2_c256 relu lrn maxpool_k3_s2 conv_k3_c384 relu"
               " conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000")
    m = pure_python.count(alexnet, 227, 227, 3)
    assert (m["params"], m["macs"], m["rf"], m["rf_stride"], m["rf_pad_h"]) == (60_965_224, 724_406_816, 195, 32, 64)


def test_every_benchmark_body_returns_the_same_checksum(analyzer):
    archs = bench.candidates(1_000)
    expected = bench.body_pure_python(archs)
    assert bench.body_score(analyzer, archs) == expected
    assert bench.body_score_many(analyzer, archs) == expected
    assert bench.body_builder(analyzer, [bench.genome(a) for a in archs]) == expected
    assert bench.body_pure_python(archs, pure_python.count_memo) == expected
    macs = sum(pure_python.count(a, *bench.INPUT)["macs"] for a in archs)
    assert expected[0] == macs


def test_the_benchmark_runs_and_prints_its_figures_with_machine_and_date():
    p = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "bench", "bench.py"), "--quick"],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "archmeter Python benchmark, 20" in out and "machine: " in out and " cores" in out
    for figure in ("score (one call per candidate)", "score_many (one call per batch)", "pure-Python counter",
                   "score_many / pure Python"):
        assert figure in out


def test_other_work_beside_the_bodies_is_seen():
    # a busy process beside the measurement takes about one core of the machine's: the bench calls that noisy
    if bench.OtherWork().start().stop() is None:
        pytest.skip("no /proc/stat here: the bench falls back to the load average")
    busy = subprocess.Popen([sys.executable, "-c", "import time\nt = time.time()\nwhile time.time() - t < 1.5: pass"])
    try:
        time.sleep(0.2)
        w = bench.OtherWork().start()
        time.sleep(1.0)
        share = w.stop()
    finally:
        busy.wait(10)
    assert share > 0.2, share
