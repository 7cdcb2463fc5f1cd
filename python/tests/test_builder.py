"""Candidates written with the Builder score exactly as their architecture strings."""

import pytest

import archmeter
from archmeter import InvalidCandidateError


def test_built_candidates_score_as_their_strings(analyzer):
    b = analyzer.builder()
    b.begin(32, 32, 3).conv(3, s=2, c=16).bn().relu().gap().fc(10).end()
    b.begin(64, 48, 3).conv(3, c=8, bias=False).group().dw(5).branch().maxpool(3, s=1, p=1).join("cat") \
        .ir(3, 24, s=2, e=6).ir(5, 24, e=4, se=0.25, act="swish").gap().fc(10).end()
    b.begin(56, 56, 64).res(64).res(128, s=2).bot(256, s=2).layer("gap").fc(1000, bias=False).end()
    b.begin(33, 31, 2).conv((1, 7), p=(0, 3), c=8, d=(1, 2)).avgpool(3, s=2, p=1, ceil=True).dw(3, m=2).layer("hswish") \
        .layer("flatten").fc(10).end()
    strings = [("conv_k3_s2_c16 bn relu gap fc_c10", "32x32x3"),
               ("conv_k3_c8_b0 ( dw_k5 | maxpool_k3_s1_p1 )cat ir_k3_s2_e6_c24 ir_k5_e4_c24_sei0.25_swish gap fc_c10", "64x48x3"),
               ("res_c64 res_c128_s2 bot_c256_s2 gap fc_c1000_b0", "56x56x64"),
               ("conv_k1x7_p0x3_d1x2_c8 avgpool_k3_s2_p1_ceil1 dw_k3_m2 hswish flatten fc_c10", "33x31x2")]
    assert len(b) == 4
    built = analyzer.score_many(b)
    assert built.invalid == 0, built.reasons
    for i, (arch, shape) in enumerate(strings):
        expected = analyzer.score(arch, input=shape)
        assert {m: int(built[m][i]) for m in analyzer.columns} == expected, arch
    # the first one, worked by hand: 3*3*3*16 * 16*16 + 16*10 MACs
    assert built["macs"][0] == 110_752


def test_one_built_candidate_scores_as_a_dict_and_a_refused_one_raises(analyzer):
    b = archmeter.Builder()
    assert analyzer.score(b.begin(8, 8, 1).conv(1, c=2).end())["macs"] == 2 * 64
    b.clear()
    b.begin(8, 8, 1).conv(0, c=2).end()
    with pytest.raises(InvalidCandidateError) as e:
        analyzer.score(b)
    assert e.value.kind == "build" and e.value.reason.startswith("build: call 2 (conv): ")
    with pytest.raises(ValueError, match="holding one candidate, not 2"):
        analyzer.score(b.begin(8, 8, 1).relu().end())


def test_refused_candidates_are_invalid_rows_and_the_others_score(analyzer):
    b = analyzer.builder()
    b.begin(8, 8, 3).conv(3, c=4).group().relu().end()          # a group left open
    b.begin(8, 8, 3).conv(9, p=0, c=4).end()                    # 9x9 on 8x8: shapes
    b.begin(8, 8, 3).relu().fc(2).end()
    b.begin(0, 8, 3).relu().end()                               # no such input
    s = analyzer.score_many(b)
    assert s["valid"].tolist() == [False, False, True, False]
    assert [archmeter.STATUS_KINDS[k] for k in s.status.tolist()] == ["build", "shapes", "ok", "build"]
    assert s["params"][2] == (8 * 8 * 3 + 1) * 2
    assert "not closed" in s.reasons[0] or "group" in s.reasons[0]


def test_misuse_is_refused_at_once():
    b = archmeter.Builder()
    with pytest.raises(ValueError, match="call begin"):
        b.conv(3)
    b.begin(8, 8, 3)
    with pytest.raises(ValueError, match="not ended"):
        b.begin(8, 8, 3)
    with pytest.raises(TypeError):
        b.conv("3")
    with pytest.raises(ValueError, match="32 bits"):
        b.fc(2**40)
    with pytest.raises(ValueError, match="unknown op 'relu7'"):
        b.layer("relu7")
    with pytest.raises(ValueError, match="thousandths"):
        b.ir(3, 16, e=1.0001)
    with pytest.raises(ValueError, match="not ended"):
        archmeter.Analyzer().score_many(b)
    b.relu().end()
    assert len(b) == 1
    with pytest.raises(TypeError, match="inputs must be None"):
        archmeter.Analyzer().score_many(b, inputs="8x8x3")
    assert len(b.clear()) == 0


def test_a_refused_begin_leaves_the_candidates_in_their_places_when_scored_in_chunks(analyzer, monkeypatch):
    import archmeter._analyzer as internals
    monkeypatch.setattr(internals, "_CHUNK_ROWS", 2)      # candidates are found by where each begins
    b = analyzer.builder()
    for c in range(1, 6):
        with pytest.raises(ValueError, match="32 bits"):
            b.begin(2**40, 8, 3)
        b.begin(8, 8, 3).conv(3, c=c).end()
    s = analyzer.score_many(b)
    assert s["macs"].tolist() == [9 * 3 * 64 * c for c in range(1, 6)] and s.invalid == 0


def test_a_long_built_candidate_scores_as_its_string(analyzer):
    b = analyzer.builder().begin(16, 16, 8)
    for _ in range(300):                           # 300 convolutions: a program of 3,600+ ints
        b.conv(3, c=8).relu()
    one = analyzer.score(b.gap().fc(10).end())
    assert one == analyzer.score(" ".join(["conv_k3_c8 relu"] * 300) + " gap fc_c10", input="16x16x8")
    assert one["macs"] == 300 * 9 * 8 * 256 * 8 + 80
