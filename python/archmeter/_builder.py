"""Candidates written as calls instead of strings, for the tightest search loops."""

import operator
from array import array

from . import _jvm

# instruction codes of io.archmeter.bridge.BuildProgram (checked against Java when a Builder is made)
BEGIN, END, CONV, DEPTHWISE, POOL, FC, SIMPLE, GROUP, BRANCH, JOIN, IR, BASIC, BOTTLENECK = range(1, 14)
SAME = -1  # padding: "same", floor(d·(k−1)/2), as in the grammar
_INT_MAX = 2**31 - 1
_ops = {}


def _op_codes(cls):
    if not _ops:
        program = _jvm_constants(cls)
        expected = {"BEGIN": BEGIN, "END": END, "CONV": CONV, "DEPTHWISE": DEPTHWISE, "POOL": POOL, "FC": FC,
                    "SIMPLE": SIMPLE, "GROUP": GROUP, "BRANCH": BRANCH, "JOIN": JOIN, "INVERTED_RESIDUAL": IR,
                    "BASIC_BLOCK": BASIC, "BOTTLENECK": BOTTLENECK, "SAME_PADDING": SAME}
        if program != expected:
            raise _jvm.JVMError(f"the jar's build-program codes {program} are not this package's {expected}:"
                                " the Python package and the jar come from different versions")
        _ops.update({str(t): code for code, t in enumerate(cls.opTokens())})
    return _ops


def _jvm_constants(cls):
    import jpype
    bp = jpype.JClass("io.archmeter.bridge.BuildProgram")
    names = ("BEGIN", "END", "CONV", "DEPTHWISE", "POOL", "FC", "SIMPLE", "GROUP", "BRANCH", "JOIN",
             "INVERTED_RESIDUAL", "BASIC_BLOCK", "BOTTLENECK", "SAME_PADDING")
    return {n: int(getattr(bp, n)) for n in names}


def _i(v, name):
    try:
        v = operator.index(v)
    except TypeError:
        raise TypeError(f"{name} must be an int, not {type(v).__name__}") from None
    if not -_INT_MAX - 1 <= v <= _INT_MAX:
        raise ValueError(f"{name} {v} does not fit in 32 bits")
    return v


def _pair(v, name):
    """An int or an (h, w) pair, as the grammar's k3 / k1x7."""
    if isinstance(v, (tuple, list)):
        if len(v) != 2:
            raise ValueError(f"{name} is an int or an (h, w) pair, not {v!r}")
        return _i(v[0], name), _i(v[1], name)
    v = _i(v, name)
    return v, v


def _milli(v, name):
    """A decimal ratio in thousandths, exactly (e=6 -> 6000, se=0.25 -> 250)."""
    m = round(v * 1000)
    if abs(m - v * 1000) > 1e-9:
        raise ValueError(f"{name} {v} is not a whole number of thousandths")
    return _i(m, name)


class Builder:
    """Candidates written as calls, the names and defaults of the architecture grammar, no strings.

    Calls are recorded in one int array in Python (no JVM call per layer); :meth:`Analyzer.score_many`
    hands the whole population to Java in one call, and :meth:`Analyzer.score` takes a builder
    holding one candidate. Every call returns the builder, so calls chain::

        b = analyzer.builder()
        for genome in population:
            b.begin(224, 224, 3).conv(3, s=2, c=32).bn().relu6()
            for k, c in genome:
                b.dw(k).bn().relu6().conv(1, c=c).bn().relu6()
            b.gap().fc(1000).end()
        scores = analyzer.score_many(b)     # one row per begin() ... end()
        b.clear()

    Arguments are checked here for type; what they mean (a kernel of 0, a group that is not closed)
    is checked by archmeter's builder in Java, and a refused candidate is an invalid row with status
    ``"build"`` and the builder's message, as a string that does not parse is one with ``"syntax"``.
    """

    def __init__(self, _cls=None):
        self._codes = _op_codes(_cls if _cls is not None else _jvm.session_class())
        self._p = array("i")
        self._starts = array("q")     # per candidate, where its program starts: batches are scored in chunks
        self._n = 0
        self._open = False

    def __len__(self):
        """Number of candidates ended so far."""
        return self._n

    def clear(self):
        """Forgets every candidate (keeps the memory)."""
        del self._p[:]
        del self._starts[:]
        self._n = 0
        self._open = False
        return self

    def _program_start(self, i):
        """Where candidate i's program starts (the program's length for i = len(self))."""
        return self._starts[i] if i < self._n else len(self._p)

    def _program_buffer(self):
        if self._open:
            raise ValueError("a candidate is begun but not ended: call end() first")
        return self._p

    def _emit(self, *code):
        if not self._open:
            raise ValueError("no candidate is open: call begin(h, w, c) first")
        p = self._p
        n = len(p)
        try:
            p.extend(code)
        except (OverflowError, TypeError):
            del p[n:]       # extend appends until the bad value: take the call back whole
            for v in code:
                _i(v, "argument")
            raise
        return self

    def _op(self, token):
        code = self._codes.get(token)
        if code is None:
            raise ValueError(f"unknown op {token!r}; ops: {', '.join(sorted(self._codes))}")
        return code

    def begin(self, h, w, c):
        """Starts a candidate on an h×w×c input."""
        if self._open:
            raise ValueError("the previous candidate is not ended: call end() first")
        start = len(self._p)
        self._p.extend((BEGIN, _i(h, "h"), _i(w, "w"), _i(c, "c")))
        self._starts.append(start)      # after the checks: a refused begin() leaves no start behind
        self._open = True
        return self

    def end(self):
        """Ends the candidate: it becomes row ``len(builder) - 1`` of the scores."""
        self._emit(END)
        self._open = False
        self._n += 1
        return self

    def conv(self, k, s=1, c=0, p=None, d=1, g=1, bias=True):
        """``conv_k{k}_s{s}_c{c}``: convolution; ``c=0`` keeps the input channels, ``p=None`` is "same" padding.
        ``k``, ``s``, ``p``, ``d`` take an int or an (h, w) pair."""
        kh, kw = (k, k) if type(k) is int else _pair(k, "k")
        sh, sw = (s, s) if type(s) is int else _pair(s, "s")
        ph, pw = (SAME, SAME) if p is None else (p, p) if type(p) is int else _pair(p, "p")
        dh, dw = (d, d) if type(d) is int else _pair(d, "d")
        return self._emit(CONV, kh, kw, sh, sw, ph, pw, dh, dw, g, c, 1 if bias else 0)

    def dw(self, k, s=1, p=None, d=1, m=1, bias=True):
        """``dw_k{k}``: depthwise convolution, channel multiplier ``m``; ``p=None`` is "same" padding."""
        kh, kw = (k, k) if type(k) is int else _pair(k, "k")
        sh, sw = (s, s) if type(s) is int else _pair(s, "s")
        ph, pw = (SAME, SAME) if p is None else (p, p) if type(p) is int else _pair(p, "p")
        dh, dw_ = (d, d) if type(d) is int else _pair(d, "d")
        return self._emit(DEPTHWISE, kh, kw, sh, sw, ph, pw, dh, dw_, m, 1 if bias else 0)

    def maxpool(self, k, s=None, p=0, ceil=False):
        """``maxpool_k{k}``: max pooling, stride ``s`` (default k), padding ``p``, ``ceil`` rounding."""
        return self._pool("maxpool", k, s, p, ceil)

    def avgpool(self, k, s=None, p=0, ceil=False):
        """``avgpool_k{k}``: average pooling, stride ``s`` (default k), padding ``p``, ``ceil`` rounding."""
        return self._pool("avgpool", k, s, p, ceil)

    def _pool(self, token, k, s, p, ceil):
        kh, kw = _pair(k, "k")
        sh, sw = (kh, kw) if s is None else _pair(s, "s")
        ph, pw = _pair(p, "p")
        return self._emit(POOL, self._op(token), kh, kw, sh, sw, ph, pw, 1 if ceil else 0)

    def fc(self, c, bias=True):
        """``fc_c{c}``: fully connected to ``c`` features."""
        return self._emit(FC, c, 1 if bias else 0)

    def layer(self, token):
        """A layer without parameters by its token: gap, bn, relu, relu6, sigmoid, swish, hswish,
        hsigmoid, tanh, gelu, lrn, dropout, flatten, id."""
        code = self._codes.get(token)
        if code is None:
            code = self._op(token)
        return self._emit(SIMPLE, code)

    def gap(self):
        return self._emit(SIMPLE, self._codes["gap"])

    def bn(self):
        return self._emit(SIMPLE, self._codes["bn"])

    def relu(self):
        return self._emit(SIMPLE, self._codes["relu"])

    def relu6(self):
        return self._emit(SIMPLE, self._codes["relu6"])

    def group(self):
        """``(``: opens a branch group on the current tensor; its first branch starts."""
        return self._emit(GROUP)

    def branch(self):
        """``|``: ends a branch and starts the next from the group's input."""
        return self._emit(BRANCH)

    def join(self, op="add"):
        """``)add``, ``)cat`` or ``)mul``: joins the group's branches."""
        return self._emit(JOIN, self._op({"cat": "cat", "add": "add", "mul": "mul"}.get(op, op)))

    def ir(self, k, c, s=1, e=None, se=0, act="relu"):
        """``ir_k{k}_s{s}_e{e}_c{c}``: inverted residual (MobileNetV2/EfficientNet), expansion ``e``
        (required; decimals allowed; e=1 is refused: timm builds a 1x1 expansion there, torchvision does not,
        so the block without one is the grammar's ``ds``), torchvision EfficientNet's squeeze-excite ratio
        ``se`` of the block input (``sei`` in the grammar; 0: none), activation ``act``."""
        if e is None:
            raise TypeError("ir() needs its expansion ratio e (e.g. e=6); the block without expansion is ds")
        return self._emit(IR, _i(k, "k"), _i(s, "s"), _milli(e, "e"), _i(c, "c"), _milli(se, "se"), self._op(act))

    def res(self, c, s=1):
        """``res_c{c}``: torchvision ResNet BasicBlock."""
        return self._emit(BASIC, _i(s, "s"), _i(c, "c"))

    def bot(self, c, s=1, w=0, g=1):
        """``bot_c{c}``: torchvision ResNet Bottleneck, width ``w`` (0: c/4), groups ``g``."""
        return self._emit(BOTTLENECK, _i(s, "s"), _i(c, "c"), _i(w, "w"), _i(g, "g"))
