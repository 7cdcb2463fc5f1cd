"""The examples run, and what they print is right."""

import json
import os
import subprocess
import sys

import pytest

from conftest import JAR, PYTHON_DIR

sys.path.insert(0, os.path.join(PYTHON_DIR, "examples"))
import evolution  # noqa: E402
import serve_client  # noqa: E402


def test_the_evolutionary_search_finds_a_candidate_within_every_budget(analyzer):
    int8 = __import__("archmeter").Analyzer(act_dtype="int8")
    r = evolution.search(cycles=300, population=32, sample=8, seed=3, max_macs=60e6, max_peak=600 * 1024, min_rf=224,
                         analyzer=int8)
    assert r["feasible"] and r["evaluated"] == 332 and 0 < r["feasible_count"] < 332
    m = int8.score(r["arch"], input="224x224x3")
    assert m["macs"] <= 60e6 and m["act_peak_bytes"] <= 600 * 1024 and m["rf"] >= 224
    assert m["params"] == r["metrics"]["params"]
    # the string and the builder write the same network, so the search takes the same path
    b = evolution.search(cycles=300, population=32, sample=8, seed=3, builder=True, analyzer=int8)
    assert b["genome"] == r["genome"] and b["metrics"] == {k: m[k] for k in b["metrics"]}
    # evolution improves on its random first population
    first = evolution.search(cycles=0, population=32, sample=8, seed=3, analyzer=int8)
    assert r["fitness"] >= first["fitness"]


def test_the_evolutionary_search_runs_from_the_command_line():
    p = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "examples", "evolution.py"), "--cycles", "200",
                        "--max-macs", "60M", "--max-peak", "600KiB"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "within budget" in p.stdout and "best: " in p.stdout and "conv_k3_s2_c" in p.stdout


def test_the_serve_example_drives_a_coprocess_line_by_line():
    p = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "examples", "serve_client.py"), "--jar", JAR],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    # worked by hand in test_score.py; NAS-Bench-201's published 220,119,690 FLOPs and 1,531,546 params
    assert lines[0] == "1: 110,752 MACs, 114,858 FLOPs, 650 params, rf 3, on 32x32x3"
    assert lines[1].startswith("2: 220,119,680 MACs, 220,119,690 FLOPs, 1,531,546 params") and lines[1].endswith("32x32x3")
    assert lines[2].startswith("3: syntax error: syntax: token 1 'conv_k3_z2'")
    # 1x1 conv 1 -> 2 channels on 2x2x1, strict: 2 * 8 MACs + 8 biases
    assert lines[3].startswith("4: batch of 2, 1 invalid: 24 FLOPs; shapes: invalid shapes")
    assert lines[4] == "server exited with 0"


def test_the_server_answers_before_its_input_ends_and_stops_when_its_output_closes():
    server = serve_client.Coprocess(JAR, timeout=60)
    for i in range(3):
        answer = server.ask({"id": i, "arch": f"conv_k1_c{i + 1}", "input": "2x2x1"})
        assert answer == {**answer, "id": i, "ok": True} and answer["metrics"]["macs"] == 4 * (i + 1)
    assert server.ask({"id": "x", "arch": None}) == {"id": "x", "ok": False, "kind": "request", "line": 4,
                                                     "error": "arch must be a string, not null"}
    assert server.close() == 0
    # a client that closes its end of the server's stdout: the server stops at once, quietly, with the
    # code of a process killed by SIGPIPE (as filter does when `| head` goes away)
    p = subprocess.Popen(["java", "-jar", JAR, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.close()
    try:
        for _ in range(1000):
            p.stdin.write(b'{"arch": "conv_k1_c2", "input": "2x2x1"}\n')
            p.stdin.flush()
    except BrokenPipeError:
        pass
    assert p.wait(60) == 141
    assert p.stderr.read() == b""
    # a stdout that cannot be written (a full disk): exit code 4 and the reason
    with open("/dev/full", "wb") as full:
        p = subprocess.run(["java", "-jar", JAR, "serve"], input=b'{"arch": "conv_k1_c2"}\n', stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    assert p.returncode == 4
    assert b"archmeter: cannot write stdout: No space left on device" in p.stderr


@pytest.mark.parametrize("line", [b'{"batch": [' + b'"conv_k1_c2",' * 5000 + b'"conv_k1_c2"], "input": "2x2x1"}\n'])
def test_the_server_answers_a_large_batch_on_one_line(line):
    p = subprocess.run(["java", "-jar", JAR, "serve"], input=line, capture_output=True, timeout=120)
    answer = json.loads(p.stdout)
    assert answer["count"] == 5001 and answer["invalid"] == 0
    assert {r["metrics"]["macs"] for r in answer["results"]} == {8}
