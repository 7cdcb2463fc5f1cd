"""The numbers from Python equal the command line's, row for row, on a mixed file of valid and invalid rows."""

import os
import random

import numpy as np
import pytest

import archmeter
from conftest import ROOT, csv_text, read_csv, run_cli

METRICS = ["macs", "flops", "params", "weight_bytes", "act_peak_bytes", "act_total_bytes", "rf", "rf_h", "rf_w",
           "rf_stride", "rf_stride_h", "rf_stride_w", "rf_pad_h", "rf_pad_w", "out_h", "out_w", "out_c"]
NB201_OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def mixed_rows():
    """(arch, input cell) rows of every kind: the bundled candidates (9 invalid on purpose), NAS-Bench-201 cells,
    NATS size strings, graphs and blocks, and rows that fail in each way, with per-row inputs good, empty and bad."""
    rng = random.Random(15)
    rows = [(r["arch"], "") for r in read_csv(os.path.join(ROOT, "datasets", "candidates.csv"))]
    for _ in range(150):
        cell = "+".join("|" + "|".join(f"{rng.choice(NB201_OPS)}~{j}" for j in range(i)) + "|" for i in (1, 2, 3))
        rows.append((cell, rng.choice(["32x32x3", "16x16x3", ""])))
    for _ in range(50):
        rows.append((":".join(str(rng.choice([8, 16, 24, 32, 40, 48, 56, 64])) for _ in range(5)), "32x32x3"))
    rows += [
        ("conv_k3_c16 ( conv_k3_c16 bn relu | )add ( | gap conv_k1_c4 relu conv_k1_c16 sigmoid )mul gap fc_c10", "64x64x3"),
        ("conv_k3_s2_c16_b0 bn relu6 ds_k3_c16_relu6 ir_k5_s2_e6_c24_seh0.25_hswish res_c32_s2 bot_c64 gap fc_c1000", ""),
        ("cn_k3_s2_c32 fire_q16_c128 ( conv_k1_c8 | maxpool_k3_s1_p1 conv_k1_c8 )cat gap fc_c10", "96x96x3"),
        ("conv_k3_c8 maxpool_k2_s2_ceil1 avgpool_k3_s2_p1 lrn conv_k1x7_p0x3_c8 flatten fc_c10", "33x31x2"),
        ("conv_k3_z2 relu", ""), ("conv_k3_c8 )add", ""), ("( conv_k3_c8", "8x8x3"), ("", ""), ("conv_k3_c8 relu", "32x32"),
        ("conv_k3_c8", "0x8x3"), ("conv_k9_p0_c8", "8x8x3"), ("conv_k3_g3_c8", "8x8x6"), ("|nor_conv_3x3~0|+", ""),
        ("8:16:32", ""), ("fc_c10", "1x1x1"), ("conv_k3_c8 relu,x", "16x16x3"), ('conv_k3_c8 "quoted"', ""),
        ("ir_k3_c16_e0.5", "8x8x16"), ("conv_k3_s2_c16 bn relu gap fc_c10", " 32x32x3 "),
        # what a reason echoes is escaped and bounded as in the rejects file
        ("conv_k3\x1b[31m relu", ""), ("conv_" + "k" * 3000, ""), ("conv_k3_c8 r\u00e9lu \u202e", ""),
        ("conv_k3", "32x32\x07"), ("conv_k3", "9" * 300),
    ]
    rng.shuffle(rows)
    return rows


@pytest.fixture(scope="module")
def mixed_file(tmp_path_factory):
    rows = mixed_rows()
    path = tmp_path_factory.mktemp("mixed") / "mixed.csv"
    path.write_text(csv_text([(i + 1, a, cell) for i, (a, cell) in enumerate(rows)], ["id", "arch", "input"]),
                    encoding="utf-8")
    return path, rows


CONVENTIONS = [
    ({}, []),
    ({"flops": "strict", "count_elementwise": True, "weight_dtype": "fp16", "act_dtype": "bf16", "classes": 100},
     ["--flops", "strict", "--count-elementwise", "--weight-dtype", "fp16", "--act-dtype", "bf16", "--classes", "100"]),
]


@pytest.mark.parametrize("kwargs, options", CONVENTIONS, ids=["default conventions", "strict fp16 bf16 100 classes"])
def test_every_row_of_a_mixed_file_gets_the_clis_numbers_or_its_reject_reason(mixed_file, tmp_path, kwargs, options):
    path, rows = mixed_file
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    code, _, err = run_cli("filter", str(path), "-o", str(out), "--rejects", str(rejects), "--all", "--quiet",
                           "--input", "224x224x3", "--columns", ",".join(METRICS), *options)
    assert code == 0, err
    kept = {int(r["id"]): r for r in read_csv(out)}
    rejected = {int(r["id"]): r for r in read_csv(rejects)}
    assert len(kept) + len(rejected) == len(rows)
    assert len(rejected) >= 20 and len(kept) >= 3000

    analyzer = archmeter.Analyzer(**kwargs)
    scores = analyzer.score_many([a for a, _ in rows], inputs=[cell or "224x224x3" for _, cell in rows])
    assert scores.invalid == len(rejected)
    for i in range(len(rows)):
        row_id = i + 1
        if row_id in rejected:
            assert not scores["valid"][i], rows[i]
            assert scores.reasons[i] == rejected[row_id]["reason"], rows[i]
            assert all(scores[m][i] == 0 for m in METRICS)
        else:
            assert scores["valid"][i] and scores.reasons[i] is None, (rows[i], scores.reasons[i])
            for m in METRICS:
                assert scores[m][i] == int(kept[row_id][m]), (rows[i], m)
    # the one-candidate path agrees with the batch on every kind of row
    for i in range(0, len(rows), 37):
        arch, cell = rows[i]
        if scores["valid"][i]:
            one = analyzer.score(arch, input=(cell or "224x224x3").strip())
            assert [one[m] for m in METRICS] == [int(scores[m][i]) for m in METRICS]
        else:
            with pytest.raises(archmeter.InvalidCandidateError) as e:
                analyzer.score(arch, input=(cell or "224x224x3").strip())
            assert e.value.reason == scores.reasons[i] or scores.status[i] == 3   # a padded input cell is trimmed by score()


def test_score_many_takes_inputs_in_every_form(analyzer):
    archs = ["conv_k3_c4 relu", "conv_k1_c2", "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|"]
    one_by_one = [analyzer.score(a, input="16x16x3")["macs"] for a in archs]
    for inputs in ("16x16x3", (16, 16, 3), [16, 16, 3], ["16x16x3"] * 3, [(16, 16, 3)] * 3,
                   np.array([[16, 16, 3]] * 3), np.array([[16, 16, 3]] * 3, dtype=np.int32)):
        assert analyzer.score_many(archs, inputs=inputs)["macs"].tolist() == one_by_one, inputs
    mixed = analyzer.score_many(archs, inputs=[None, (8, 8, 1), ""])
    assert mixed["macs"].tolist() == [analyzer.score(archs[0])["macs"], 1 * 2 * 64, analyzer.score(archs[2])["macs"]]
    bad = analyzer.score_many(archs, inputs=np.array([[16, 16, 3], [0, 16, 3], [16, 16, 3]]))
    assert bad["valid"].tolist() == [True, False, True]
    assert bad.reasons[1] == "input: '0x16x3' is not HxWxC with every dimension at least 1 (e.g. 224x224x3)"
    assert bad.status.tolist() == [0, 3, 0] and archmeter.STATUS_KINDS[3] == "input"


@pytest.mark.parametrize("archs, inputs, error, words", [
    (["conv_k3", None], None, TypeError, r"archs\[1\] is None, not an architecture string"),
    (["conv_k3", 5], None, TypeError, r"archs\[1\] is int"),
    ("conv_k3", None, TypeError, "not one string: use score"),
    (None, None, TypeError, "archs must be a sequence of strings or a Builder, not NoneType"),
    (["conv_k3"] * 2, ["8x8x3"], ValueError, "inputs has 1 rows, archs 2"),
    (["conv_k3"] * 2, np.zeros((3, 3), dtype=int), ValueError, r"shape \(2, 3\)"),
    (["conv_k3"] * 2, [1.5, "8x8x3"], TypeError, r"inputs\[0\] must be"),
    (["conv_k3"] * 2, 42, TypeError, "inputs must be None"),
])
def test_score_many_refuses_what_is_not_a_batch(analyzer, archs, inputs, error, words):
    with pytest.raises(error, match=words):
        analyzer.score_many(archs, inputs=inputs)


def test_score_many_scores_non_ascii_rows_and_big_batches(analyzer):
    archs = ["conv_k3_c4 relu", "conv_k3_c4 rélu", "conv_k1_c2"] * 2
    s = analyzer.score_many(archs, inputs="8x8x3")
    assert s["valid"].tolist() == [True, False, True] * 2
    assert "unknown op 'rélu'" in s.reasons[1]
    n = 300_000      # more than one chunk of rows
    big = analyzer.score_many(["conv_k3_c4 relu", "conv_k1_c2", "conv_k9_p0"] * (n // 3), inputs="8x8x3")
    assert len(big["macs"]) == n and big.invalid == n // 3
    assert big["macs"][:3].tolist() == [9 * 3 * 64 * 4, 3 * 2 * 64, 0]
    assert big["macs"][-3:].tolist() == [9 * 3 * 64 * 4, 3 * 2 * 64, 0]
    empty = analyzer.score_many([])
    assert len(empty["macs"]) == 0 and empty.invalid == 0 and empty.reasons == []


@pytest.mark.parametrize("arch, shape", [
    ("conv_k3_c4 ( conv_k3_c4 bn relu | )add gap fc_c2", "8x8x3"),
    ("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|", "32x32x3"),
    ("conv_k3_s2_c16_b0 bn relu6 ds_k3_c16_relu6 ir_k5_s2_e6_c24_seh0.25_hswish gap fc_c10", "64x64x3"),
    ("conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_g2_c256 relu flatten fc_c10", "227x227x3"),
])
def test_summary_equals_the_clis_per_layer_table(analyzer, arch, shape):
    import json
    code, out, err = run_cli("summary", arch, "--input", shape, "--format", "json")
    assert code == 0, err
    cli = json.loads(out)["layers"]
    mine = analyzer.summary(arch, input=shape)
    assert len(mine) == len(cli)
    for m, c in zip(mine, cli):
        token, _, sources = c["layer"].partition(" <-")
        assert m["layer"] == token and m["index"] == c["index"]
        assert m["inputs"] == ([int(x) for x in sources.split(",")] if sources else [c["index"] - 1])
        assert f"{m['out_h']}x{m['out_w']}x{m['out_c']}" == c["output"]
        for k in ("rf_h", "rf_w", "stride_h", "stride_w", "pad_h", "pad_w", "global", "macs", "flops", "params", "act_bytes"):
            assert m[k] == c[k], (m["index"], k)


def test_score_many_of_ascii_rows_sent_as_lines_equals_scoring_them_one_by_one(analyzer):
    # ASCII rows go to Java as lines of one buffer; rows that hold a line break themselves as bytes and row ends
    rows = [a for a, cell in mixed_rows() if a.isascii()][:600] + ["", "   ", "conv_k3_c4 relu"]
    for batch in (rows, rows[:1], [""], ["conv_k3_c4\nrelu", "conv_k1_c2"] + rows[:50], ["conv_k3_c4 relu\n"] * 3):
        scores = analyzer.score_many(batch, inputs="32x32x3")
        for i, arch in enumerate(batch):
            try:
                one = analyzer.score(arch, input="32x32x3")
            except archmeter.InvalidCandidateError as e:
                assert not scores["valid"][i] and scores.reasons[i] == e.reason, (arch, scores.reasons[i])
                assert all(scores[m][i] == 0 for m in METRICS)
                continue
            assert scores["valid"][i] and scores.reasons[i] is None, (arch, scores.reasons[i])
            assert [int(scores[m][i]) for m in METRICS] == [one[m] for m in METRICS], arch
    # a line break inside a row is the grammar's business (it is not a separator), not a row boundary
    s = analyzer.score_many(["conv_k3_c4\nrelu", "conv_k1_c2"], inputs="8x8x3")
    assert s["valid"].tolist() == [False, True] and s["macs"][1] == 3 * 2 * 64
