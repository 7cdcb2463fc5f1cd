"""A pure-Python analytic counter: the baseline archmeter's Python numbers are compared with.

It costs the chain subset of archmeter's grammar (no branches, no blocks, no NAS-Bench-201) under the
default conventions (FLOPs = MACs + one per biased output, element-wise layers free, fp32), written
from the formulas in the README the way a NAS researcher would write it in a search loop: split the
string, parse each token, walk the layers. ``count_memo`` is the same with parsed tokens memoised (as
archmeter's own token cache does): bench.py reports both, the plain one as the baseline. It is also
an independent check of archmeter's numbers (tests/test_bench.py compares them on every benchmark
candidate).

    >>> count("conv_k3_s2_c16 bn relu gap fc_c10", 32, 32, 3)["macs"]
    110752
"""

import functools

ACTIVATIONS = {"relu", "relu6", "sigmoid", "swish", "hswish", "hsigmoid", "tanh", "gelu"}
IN_PLACE = ACTIVATIONS | {"bn", "dropout", "flatten", "id"}


class Unsupported(ValueError):
    """A token outside the chain subset this counter knows, or a shape that does not work out."""


def _pair(v):
    if "x" in v:
        a, b = v.split("x")
        return int(a), int(b)
    return int(v), int(v)


def parse_token(token):
    """(op, keys) of one token: conv_k3_s2_c32 -> ("conv", {"k": (3, 3), "s": (2, 2), "c": 32})."""
    op, *parts = token.split("_")
    keys = {}
    for part in parts:
        key = part.rstrip("0123456789x")
        value = part[len(key):]
        keys[key] = _pair(value) if key in ("k", "s", "p", "d") else int(value)
    return op, keys


#: parse_token with every parsed token remembered (read-only results: they are shared)
parse_token_memo = functools.lru_cache(maxsize=None)(parse_token)


def _out(n, k, s, p, d, ceil):
    span = n + 2 * p - d * (k - 1) - 1
    if ceil:
        # PyTorch's pooling_output_shape: the last window may overhang the input by up to s - 1
        out = (span + s - 1) // s + 1
        if out > 1 and (out - 1) * s >= n + p:      # the last window would start in the padding
            out -= 1
    else:
        out = span // s + 1
    if out <= 0:
        raise Unsupported(f"output size {out} is not positive")
    return out


def count_memo(arch, h, w, c):
    """As count, with parsed tokens memoised."""
    return count(arch, h, w, c, parse_token_memo)


def count(arch, h, w, c, parse=parse_token):
    """The metrics of a chain architecture string on an h×w×c input, as archmeter names them."""
    macs = flops = params = total = 0
    peak = cur = h * w * c
    rf_h = rf_w = jump_h = jump_w = 1
    pad_h = pad_w = 0
    spatial = True
    for token in arch.split():
        op, k = parse(token)
        alloc = 0
        if op in IN_PLACE:
            if op == "bn":
                params += 2 * c
            elif op == "flatten":
                h, w, c, spatial = 1, 1, h * w * c, False
        elif op in ("conv", "dw"):
            kh, kw = k["k"]
            sh, sw = k.get("s", (1, 1))
            dh, dw = k.get("d", (1, 1))
            ph, pw = k.get("p", (dh * (kh - 1) // 2, dw * (kw - 1) // 2))
            if op == "conv":
                groups, co = k.get("g", 1), k.get("c", c)
            else:
                groups, co = c, c * k.get("m", 1)
            oh, ow = _out(h, kh, sh, ph, dh, False), _out(w, kw, sw, pw, dw, False)
            per_output = kh * kw * (c // groups)
            alloc = oh * ow * co
            macs += per_output * alloc
            flops += per_output * alloc
            params += per_output * co
            if k.get("b", 1):
                flops += alloc
                params += co
            h, w, c = oh, ow, co
        elif op in ("maxpool", "avgpool"):
            kh, kw = k["k"]
            sh, sw = k.get("s", (kh, kw))
            ph, pw = k.get("p", (0, 0))
            dh, dw = k.get("d", (1, 1))
            ceil = bool(k.get("ceil", 0))
            h, w = _out(h, kh, sh, ph, dh, ceil), _out(w, kw, sw, pw, dw, ceil)
            alloc = h * w * c
        elif op == "gap":
            h, w, alloc, spatial = 1, 1, c, False
        elif op == "fc":
            co = k["c"]
            macs += cur * co
            flops += cur * co
            params += cur * co
            if k.get("b", 1):
                flops += co
                params += co
            h, w, c, alloc, spatial = 1, 1, co, co, False
        elif op == "lrn":
            alloc = cur
        else:
            raise Unsupported(f"token {token!r} is outside the chain subset")
        if spatial and op in ("conv", "dw", "maxpool", "avgpool"):
            # Distill's recurrence: the kernel reaches (k - 1)·d input steps of the current jump
            rf_h += (kh - 1) * dh * jump_h
            rf_w += (kw - 1) * dw * jump_w
            pad_h += ph * jump_h
            pad_w += pw * jump_w
            jump_h *= sh
            jump_w *= sw
        if alloc:
            peak = max(peak, cur + alloc)
            total += alloc
            cur = alloc
    rf_is_h = rf_h <= rf_w
    return {"macs": macs, "flops": flops, "params": params, "weight_bytes": 4 * params,
            "act_peak_bytes": 4 * peak, "act_total_bytes": 4 * total,
            "rf": rf_h if rf_is_h else rf_w, "rf_h": rf_h, "rf_w": rf_w,
            "rf_stride": jump_h if rf_is_h else jump_w, "rf_stride_h": jump_h, "rf_stride_w": jump_w,
            "rf_pad_h": pad_h, "rf_pad_w": pad_w, "out_h": h, "out_w": w, "out_c": c}
