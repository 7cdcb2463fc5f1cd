"""Analyzer.score and summary: numbers worked by hand and published, conventions, inputs, errors."""

import threading

import numpy as np
import pytest

import archmeter
from archmeter import InvalidCandidateError

SMALL = "conv_k3_s2_c16 bn relu gap fc_c10"
NB201_ALL_CONV = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
NB201_NO_CONV = "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|skip_connect~1|avg_pool_3x3~2|"


def test_score_gives_the_numbers_worked_by_hand(analyzer):
    m = analyzer.score(SMALL, input="32x32x3")
    # conv 3x3/2 on 32x32x3 -> 16x16x16: 3*3*3 * 16*16*16 MACs; fc 16 -> 10: 160
    assert m["macs"] == 3 * 3 * 3 * 16 * 16 * 16 + 16 * 10
    assert m["flops"] == m["macs"] + 16 * 16 * 16 + 10            # one per biased output
    assert m["params"] == (27 + 1) * 16 + 2 * 16 + (16 + 1) * 10    # conv, bn gamma/beta, fc
    assert m["weight_bytes"] == 4 * m["params"]
    assert m["act_peak_bytes"] == 4 * (32 * 32 * 3 + 16 * 16 * 16)  # the conv's input and output
    assert m["act_total_bytes"] == 4 * (16 * 16 * 16 + 16 + 10)
    assert (m["rf"], m["rf_stride"], m["rf_pad_h"]) == (3, 2, 1)
    assert (m["out_h"], m["out_w"], m["out_c"]) == (1, 1, 10)
    assert all(type(v) is int for v in m.values())
    assert list(m) == list(analyzer.columns)


def test_score_reproduces_published_values(analyzer):
    # NAS-Bench-201 (CIFAR-10): all nor_conv_3x3 cells 220,119,690 FLOPs, 1,531,546 params; no convolutions 7,783,050 / 73,306
    m = analyzer.score(NB201_ALL_CONV)
    assert (m["flops"], m["params"]) == (220_119_690, 1_531_546)
    m = analyzer.score(NB201_NO_CONV)
    assert (m["flops"], m["params"]) == (7_783_050, 73_306)
    # Caffe AlexNet: 60,965,224 params, 724,406,816 MACs, receptive field 195 (effective stride 32, padding 64)
    alexnet = ("conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_g2_c256 relu lrn maxpool_k3_s2 conv_k3_c384 relu"
               " conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000")
    m = analyzer.score(alexnet, input="227x227x3")
    assert (m["params"], m["macs"], m["rf"], m["rf_stride"], m["rf_pad_h"]) == (60_965_224, 724_406_816, 195, 32, 64)


def test_score_applies_the_conventions_it_was_made_with():
    a = archmeter.Analyzer(flops="strict", count_elementwise=False, weight_dtype="fp16", act_dtype="int8")
    m = a.score(SMALL, input=(32, 32, 3))
    assert m["flops"] == 2 * 110_752 + 4096 + 10
    assert m["weight_bytes"] == 2 * 650
    assert m["act_peak_bytes"] == 32 * 32 * 3 + 16 * 16 * 16
    e = archmeter.Analyzer(count_elementwise=True).score("conv_k3_c4 relu", input="4x4x1")
    assert e["flops"] == (9 + 1) * 16 * 4 + 16 * 4                  # relu: one per output element
    c100 = archmeter.Analyzer(classes=100).score(NB201_ALL_CONV)
    assert c100["params"] == 1_531_546 + 90 * 65                     # fc 64 -> 100 instead of 10
    assert a.conventions == {"flops": "strict", "count_elementwise": False, "weight_dtype": "fp16",
                             "act_dtype": "int8", "classes": None}


def test_score_takes_each_notations_default_input(analyzer):
    assert analyzer.score("8:16:32:48:64") == analyzer.score("8:16:32:48:64", input="32x32x3")
    assert analyzer.score("conv_k3_c4") == analyzer.score("conv_k3_c4", input=(224, 224, 3))
    assert analyzer.score("conv_k3_c4")["macs"] == 9 * 3 * 224 * 224 * 4


@pytest.mark.parametrize("arch, kind, words", [
    ("conv_k3_z2", "syntax", "syntax: token 1 'conv_k3_z2': unknown key 'z' for conv (did you mean 'k'?)"),
    ("conv_k3_c8 convv_k3", "syntax", "syntax: token 2 'convv_k3': unknown op 'convv'"),
    ("", "syntax", "syntax: empty architecture"),
    ("conv_k3_c8 maxpool_k300", "shapes", "invalid shapes: layer 2 (maxpool): output size"),
    ("|nor_conv_3x3~0|+|", "syntax", "syntax: "),
])
def test_an_invalid_candidate_raises_a_value_error_with_archmeters_words(analyzer, arch, kind, words):
    with pytest.raises(InvalidCandidateError) as e:
        analyzer.score(arch, input="32x32x3")
    assert isinstance(e.value, ValueError)
    assert e.value.kind == kind
    assert e.value.reason.startswith(words), e.value.reason
    assert str(e.value) == e.value.reason
    assert e.value.arch == arch


@pytest.mark.parametrize("bad, error, words", [
    (None, TypeError, "arch is None: expected an architecture string"),
    (42, TypeError, "arch must be an architecture string or a Builder, not int"),
    (b"conv_k3", TypeError, "not bytes"),
    (["conv_k3"], TypeError, "not list"),
])
def test_a_non_string_raises_a_type_error(analyzer, bad, error, words):
    with pytest.raises(error, match=words):
        analyzer.score(bad)


@pytest.mark.parametrize("shape, words", [
    ("32x32", "input: '32x32' is not HxWxC with every dimension at least 1 (e.g. 224x224x3)"),
    ("0x32x3", "input: '0x32x3' is not HxWxC"),
    ("axbxc", "input: 'axbxc' is not HxWxC"),
    ((0, 4, 3), "input: '0x4x3' is not HxWxC"),
    ((-1, 4, 3), "input: '-1x4x3' is not HxWxC"),
])
def test_a_bad_input_shape_raises_with_the_filters_words(analyzer, shape, words):
    with pytest.raises(InvalidCandidateError) as e:
        analyzer.score("conv_k3", input=shape)
    assert e.value.kind == "input"
    assert e.value.reason == words or e.value.reason.startswith(words)


@pytest.mark.parametrize("shape, meant", [("3x224x224", "224x224x3"), ((3, 32, 32), "32x32x3"), ("1x28x28", "28x28x1")])
def test_an_input_in_pytorchs_channels_first_order_is_refused_with_the_shape_it_meant(analyzer, shape, meant):
    with pytest.raises(InvalidCandidateError) as e:
        analyzer.score("conv_k3", input=shape)
    assert e.value.kind == "input"
    assert e.value.reason.endswith("not PyTorch's CxHxW; did you mean " + meant + "?")
    many = analyzer.score_many(["conv_k3", "conv_k3"], inputs=[shape, None])
    assert list(many["valid"]) == [False, True]


@pytest.mark.parametrize("shape, error", [((1, 2), TypeError), ("x", InvalidCandidateError), (3, TypeError),
                                          ((2**40, 1, 1), ValueError), ((1.5, 2, 3), TypeError)])
def test_an_input_of_the_wrong_type_or_size_is_refused(analyzer, shape, error):
    with pytest.raises(error):
        analyzer.score("conv_k3", input=shape)


def test_bad_conventions_are_refused_with_the_valid_names():
    with pytest.raises(ValueError, match="unknown FLOPs convention 'fast': expected multiply or strict"):
        archmeter.Analyzer(flops="fast")
    with pytest.raises(ValueError, match="unknown dtype 'fp8'"):
        archmeter.Analyzer(act_dtype="fp8")
    with pytest.raises(ValueError, match="classes must be at least 1"):
        archmeter.Analyzer(classes=0)
    with pytest.raises(TypeError):
        archmeter.Analyzer(flops=None)
    with pytest.raises(TypeError):
        archmeter.Analyzer(count_elementwise="yes")


def test_summary_lists_every_layer_and_sums_to_the_totals(analyzer):
    arch = "conv_k3_c4 ( conv_k3_c4 bn relu | )add gap fc_c2"
    layers = analyzer.summary(arch, input="8x8x3")
    assert [l["layer"] for l in layers] == ["conv_k3_c4", "conv_k3_c4", "bn", "relu", ")add", "gap", "fc_c2"]
    assert [l["inputs"] for l in layers] == [[0], [1], [2], [3], [4, 1], [5], [6]]
    assert layers[1]["rf_h"] == 5 and layers[1]["macs"] == 9 * 4 * 64 * 4
    assert layers[5]["global"] is True and layers[0]["global"] is False
    totals = analyzer.score(arch, input="8x8x3")
    for metric in ("macs", "flops", "params"):
        assert sum(l[metric] for l in layers) == totals[metric]
    assert sum(l["act_bytes"] for l in layers) == totals["act_total_bytes"]
    with pytest.raises(InvalidCandidateError):
        analyzer.summary("conv_k3 (", input="8x8x3")


def test_threads_share_one_analyzer(analyzer):
    archs = [f"conv_k3_c{c} relu gap fc_c10" for c in range(1, 200)]
    expected = [analyzer.score(a, input="16x16x3")["macs"] for a in archs]
    results, errors = {}, []

    def work(t):
        try:
            results[t] = [analyzer.score(a, input="16x16x3")["macs"] for a in archs]
            many = analyzer.score_many(archs, inputs="16x16x3")
            assert many["macs"].tolist() == expected
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)
    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert all(results[t] == expected for t in range(4))
    # 3*3*c*16*16 MACs per channel count c on 16x16x1... on 16x16x3: 9*3*256*c + 10*c
    assert expected[:3] == [9 * 3 * 256 * c + 10 * c for c in (1, 2, 3)]


def test_a_batchs_results_are_its_own_after_later_batches(analyzer):
    # the session reuses its scratch buffers for every batch: results must be copies, not views of them
    first = analyzer.score_many(["conv_k3_c4 relu"] * 5000, inputs="8x8x3")
    builder = analyzer.builder()
    for _ in range(700):
        builder.begin(8, 8, 3).conv(1, c=2).end()
    later = [analyzer.score_many(["conv_k1_c2"] * 3000 + ["relu x"], inputs="8x8x3"), analyzer.score_many(builder)]
    assert set(first["macs"].tolist()) == {9 * 3 * 64 * 4} and first.invalid == 0
    assert set(later[0]["macs"].tolist()) == {3 * 2 * 64, 0} and later[0].invalid == 1
    assert set(later[1]["macs"].tolist()) == {3 * 2 * 64} and later[1].invalid == 0


def test_a_batch_cut_into_chunks_and_halves_scores_every_row_in_its_place(analyzer, monkeypatch):
    import archmeter._analyzer as internals
    sides = [8, 16, 8, 4]
    archs = [f"conv_k3_c{c} relu" for c in range(1, 41)]
    archs[13], archs[30] = "conv_k3_c4 rélu", "conv_k3_c4 bad_token"     # invalid rows, one of them not ASCII
    inputs = [f"{sides[i % 4]}x{sides[i % 4]}x3" for i in range(len(archs))]
    builder = analyzer.builder()
    for i in range(len(archs)):
        builder.begin(sides[i % 4], sides[i % 4], 3).conv(3, c=i + 1).relu().end()
    # 7 rows per chunk, and any text over 40 bytes halved: chunks of 7 split down to rows of one or two
    monkeypatch.setattr(internals, "_CHUNK_ROWS", 7)
    monkeypatch.setattr(internals, "_CHUNK_BYTES", 40)
    sent = []
    copy = internals._copy_ascii
    monkeypatch.setattr(internals, "_copy_ascii", lambda text, into: sent.append(len(text)) or copy(text, into))
    strings, built = analyzer.score_many(archs, inputs=inputs), analyzer.score_many(builder)
    assert max(sent) <= 40 and len(sent) > len(archs) // 7, sent
    for i in range(len(archs)):
        side, c = sides[i % 4], i + 1
        assert built["macs"][i] == 9 * 3 * side * side * c and built["out_c"][i] == c, i
        if i in (13, 30):
            assert strings["macs"][i] == 0 and not strings["valid"][i]
        else:
            assert strings["macs"][i] == 9 * 3 * side * side * c and strings["out_c"][i] == c, i
    assert built.invalid == 0 and strings.invalid == 2 and [i for i, r in enumerate(strings.reasons) if r] == [13, 30]
    assert "rélu" in strings.reasons[13] and "bad_token" in strings.reasons[30]


def test_inputs_given_again_and_again_keep_their_meaning(analyzer):
    # the input table's Java array and a tuple's spec are made once and reused: each call still means its own
    for shape, side in [((8, 8, 3), 8), ("16x16x3", 16), ((8, 8, 3), 8), ((16, 16, 3), 16), ("8x8x3", 8), ([16, 16, 3], 16)]:
        s = analyzer.score_many(["conv_k3_c4"] * 3, inputs=shape)
        assert s["macs"].tolist() == [9 * 3 * side * side * 4] * 3, shape
    # (8.0, 8, 3) and (True, 8, 3) equal (8, 8, 3) as dict keys, but are refused as before, not taken for it
    for bad in ((8.0, 8, 3), (True, 8, 3)):
        with pytest.raises(TypeError):
            analyzer.score_many(["conv_k3_c4"] * 3, inputs=bad)


def test_score_many_keeps_no_memory_of_past_batches(analyzer):
    # a direct buffer over memory made for one call would keep it until the Java collector runs, which a
    # batch (allocating nothing in Java) does not make happen: 10 batches would keep 10 texts and results
    import tracemalloc
    archs = ["conv_k3_c4 relu bn conv_k3_c8 relu"] * 20_000     # 680 kB of text, 3 MB of results per batch
    builder = analyzer.builder()
    for _ in range(2000):
        builder.begin(8, 8, 3).conv(3, c=4).relu().end()
    analyzer.score_many(archs, inputs="8x8x3")                   # the session's scratch buffers are made here
    analyzer.score_many(builder)
    tracemalloc.start()
    try:
        for _ in range(10):
            s = analyzer.score_many(archs, inputs="8x8x3")
            b = analyzer.score_many(builder)
        assert s.invalid == 0 and s["macs"][0] == 9 * 3 * 64 * 4 + 9 * 4 * 64 * 8
        assert b.invalid == 0 and b["macs"][0] == 9 * 3 * 64 * 4
        del s, b
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept < 500_000, f"{kept:,} bytes kept after the batches were dropped"


def test_numpy_strings_and_ints_are_taken(analyzer):
    arch = np.array(["conv_k3_c4"])[0]
    assert analyzer.score(arch, input=(np.int64(8), np.int32(8), 3))["macs"] == 9 * 3 * 64 * 4


def test_the_docstring_examples_hold():
    import doctest
    import archmeter._analyzer
    for module in (archmeter, archmeter._analyzer):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
