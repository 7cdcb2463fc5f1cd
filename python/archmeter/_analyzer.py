"""The Analyzer: archmeter's scoring engine from Python, one JVM call per candidate or per batch."""

import operator
import struct
import threading

from . import _jvm
from ._builder import Builder
from .errors import ArchmeterError, InvalidCandidateError, JVMError

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported when an Analyzer is made
    np = None

#: Row status codes of :attr:`Scores.status`, by code.
STATUS_KINDS = ("ok", "syntax", "shapes", "input", "build")

# rows per JVM call in score_many, and bytes of their text: bound the session's scratch buffers (which it
# keeps, see _Session.scratch) and the Java batch, not the result; a chunk whose text is longer is halved
_CHUNK_ROWS = 1 << 18
_CHUNK_BYTES = 1 << 26
_INT_MAX = 2**31 - 1
_input_cache = {}
_one_spec_cache = {}
_INPUT_CACHE_MAX = 4096


class Scores(dict):
    """The metrics of a batch: ``{column: numpy.ndarray}``, one int64 array per metric, plus ``"valid"``.

    Row *i* of every array is candidate *i*. Invalid rows (see :attr:`reasons`) hold 0 in every
    metric column and ``False`` in ``"valid"``. Works as it is with ``pandas.DataFrame(scores)``.

    Attributes:
        status: int8 array, per row 0 (ok) or the code of what went wrong; :data:`STATUS_KINDS` names them.
        reasons: list, per row ``None`` or archmeter's message (the words of ``archmeter filter``'s
            rejects file, e.g. ``"invalid shapes: layer 3 (conv): output size 0x0 is not positive: ..."``).
        invalid: the number of invalid rows.
    """

    def __init__(self, columns, status, reasons):
        super().__init__(columns)
        self.status = status
        self.reasons = reasons
        self.invalid = int((status != 0).sum()) if len(status) else 0


class Analyzer:
    """Costs architectures with archmeter: receptive field, MACs, FLOPs, parameters, activation memory.

    One analyzer holds one set of conventions; it is cheap to make and safe to share between
    threads (each thread gets its own Java-side scratch). The JVM starts on the first analyzer of the
    process, from the jar found by :func:`archmeter.find_jar`.

    Args:
        flops: ``"multiply"`` (MACs plus one per biased output, the default: ptflops, NAS-Bench-201)
            or ``"strict"`` (2·MACs plus the bias additions).
        count_elementwise: add the FLOPs of pooling, batch norm, activations and LRN.
        weight_dtype: storage type of weights for ``weight_bytes``: fp32, fp16, bf16, int8, fp64.
        act_dtype: storage type of activations for ``act_*_bytes``.
        classes: classifier width of search-space networks (NAS-Bench-101/201 cells, NATS-Bench size strings, DARTS
            genotypes, RegNet designs, timm, ofa-mbv3, mcunet, proxyless), e.g. 100 for CIFAR-100; ``None`` (default)
            for each space's reference (10 on CIFAR, 1000 for RegNet, the MobileNet family and DARTS on ImageNet-sized
            inputs). A ``net_config``'s classifier states its own.
        jar: path of ``archmeter.jar`` (default: ``$ARCHMETER_JAR``, the installed copy, or the checkout's build).
        jvm_options: JVM options for the first start, e.g. ``["-Xmx2g"]`` (default ``$ARCHMETER_JVM_OPTIONS``).

    Raises:
        ValueError: a convention name that archmeter does not know (the message lists the valid ones).
        JVMError: no jar, no JPype, or a JVM that cannot start.

    Example::

        >>> a = Analyzer()
        >>> a.score("conv_k3_s2_c16 bn relu gap fc_c10", input="32x32x3")["macs"]
        110752
    """

    def __init__(self, flops="multiply", count_elementwise=False, weight_dtype="fp32", act_dtype="fp32",
                 classes=None, *, jar=None, jvm_options=None):
        for name, value in (("flops", flops), ("weight_dtype", weight_dtype), ("act_dtype", act_dtype)):
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        if not isinstance(count_elementwise, bool):
            raise TypeError(f"count_elementwise must be a bool, not {type(count_elementwise).__name__}")
        if classes is not None:
            classes = _int("classes", classes)
            if classes < 1:
                raise ValueError(f"classes must be at least 1 (or None: each search space's own), not {classes}")
        if np is None:
            raise ArchmeterError("archmeter needs NumPy: `apt-get install python3-numpy` or `pip install numpy`")
        self._cls = _jvm.session_class(jar, jvm_options)
        self._args = (flops, count_elementwise, weight_dtype, act_dtype, classes)
        self._local = threading.local()
        self._session()  # checks the conventions now, with archmeter's message
        self.columns = tuple(str(c) for c in self._cls.columnNames())
        self._layer_columns = tuple(str(c) for c in self._cls.layerColumnNames())
        self._unpack = struct.Struct("=%dq" % len(self.columns)).unpack_from

    @property
    def conventions(self):
        """The conventions of this analyzer's numbers, as a dict."""
        f, e, w, a, c = self._args
        return {"flops": f, "count_elementwise": e, "weight_dtype": w, "act_dtype": a, "classes": c}

    def __repr__(self):
        return "Analyzer(%s)" % ", ".join(f"{k}={v!r}" for k, v in self.conventions.items())

    def _session(self):
        # checked before the cached session too: a forked child inherits the parent's thread-local
        # session, and touching JPype there (even to make a direct buffer) can hang on a lock that a
        # JVM thread held at the fork
        if _jvm.forked:
            raise JVMError(_jvm.FORK_MESSAGE)
        try:
            return self._local.session
        except AttributeError:
            pass
        jpype = _jvm._import_jpype()
        try:
            f, e, w, a, c = self._args
            # classes None: 0, each search space's own reference classifier
            java = self._cls.create(f, e, w, a, 0 if c is None else c)
        except jpype.JException as e:
            raise ValueError(str(e.getMessage())) from None
        s = _Session(java, jpype)
        self._local.session = s
        return s

    # ------------------------------------------------------------------ one candidate

    def score(self, arch, input=None):
        """The metrics of one candidate, as a dict of ints.

        Args:
            arch: an architecture string (``"conv_k3_s2_c32 bn relu gap fc_c10"``), a NAS-Bench-201
                cell string (``"|nor_conv_3x3~0|+|...|"``), a NATS-Bench size string
                (``"8:16:32:48:64"``), or a :class:`Builder` holding one candidate.
            input: ``"HxWxC"`` or ``(h, w, c)``; ``None`` for the notation's default: 32x32x3 for
                NAS-Bench-201 / NATS-Bench strings (their published numbers are on CIFAR), 224x224x3
                for any other string.

        Returns:
            ``{"macs", "flops", "params", "weight_bytes", "act_peak_bytes", "act_total_bytes", "rf",
            "rf_h", "rf_w", "rf_stride", "rf_stride_h", "rf_stride_w", "rf_pad_h", "rf_pad_w",
            "out_h", "out_w", "out_c", "rf_unaligned", "rf_global_branch"}``; the names are
            ``archmeter filter``'s columns (``rf`` is the smaller axis); the last two are 0 or 1.

        Raises:
            InvalidCandidateError: (a ValueError) the candidate cannot be costed; its ``reason`` is
                archmeter's message and ``kind`` says which of syntax, shapes or input failed.
            TypeError: ``arch`` is not a str or Builder, or ``input`` is not a str or 3 ints.
        """
        if type(arch) is not str:
            if isinstance(arch, Builder):
                return self._score_built_one(arch)
            if not isinstance(arch, str):
                raise TypeError(_not_arch(arch))
        s = self._session()
        if input is None:
            status = s.call(s.java.score, arch, 0, 0, 0)
        else:
            h, w, c = _input(self._cls, input)
            status = s.call(s.java.score, arch, h, w, c)
        if status:
            raise InvalidCandidateError(STATUS_KINDS[status], str(s.java.reason()), arch)
        return dict(zip(self.columns, self._unpack(s.out)))

    def summary(self, arch, input=None):
        """The per-layer table of one candidate (what ``archmeter summary`` prints), as a list of dicts.

        Each layer is ``{"index": 1-based, "layer": its canonical token, "inputs": [the 1-based
        layers it reads; 0 is the network input], "out_h", "out_w", "out_c", "rf_h", "rf_w",
        "stride_h", "stride_w", "pad_h", "pad_w", "macs", "flops", "params", "act_bytes",
        "global": bool, "rf_unaligned": bool, "rf_global_branch": bool}``. A layer that sees the
        whole input (``global``: global pooling, flatten, fc and after) repeats r, S and P of the last
        spatial map. Totals are :meth:`score`'s.

        Raises:
            InvalidCandidateError, TypeError: as :meth:`score`.
        """
        if not isinstance(arch, str):
            raise TypeError(_not_arch(arch, builder=False))
        s = self._session()
        h, w, c = (0, 0, 0) if input is None else _input(self._cls, input)
        status = s.call(s.java.trace, arch, h, w, c)
        if status:
            raise InvalidCandidateError(STATUS_KINDS[status], str(s.java.reason()), arch)
        values = [int(v) for v in s.java.layerValues()]
        tokens = [str(t) for t in s.java.layerTokens()]
        inputs = [int(v) for v in s.java.layerInputs()]
        names = self._layer_columns
        k = len(names)
        flags = ("global", "rf_unaligned", "rf_global_branch")
        layers = []
        for j, token in enumerate(tokens):
            row = {"index": j + 1, "layer": token,
                   "inputs": [inputs[2 * j]] + ([inputs[2 * j + 1]] if inputs[2 * j + 1] >= 0 else [])}
            for name, v in zip(names, values[j * k:(j + 1) * k]):
                row[name] = bool(v) if name in flags else v
            layers.append(row)
        return layers

    # ------------------------------------------------------------------ batches

    def score_many(self, archs, inputs=None):
        """The metrics of many candidates as NumPy arrays, crossing into Java once per batch.

        Args:
            archs: a sequence of strings (any notation :meth:`score` takes; a list, tuple, NumPy
                array or pandas Series), or a :class:`Builder` holding candidates.
            inputs: ``None`` (each string's notation default, as :meth:`score`), one ``"HxWxC"`` or
                ``(h, w, c)`` for every row, a sequence of those (``None`` or ``""`` for the default)
                with one per row, or an ``(n, 3)`` integer array.

        Returns:
            :class:`Scores`: ``{column: int64 array}`` for :meth:`score`'s columns, plus ``"valid"``
            (bool array); ``.reasons`` and ``.status`` say why rows are invalid. An invalid row is
            not an exception.

        Raises:
            TypeError: an element of ``archs`` is not a str (the message gives its index), or
                ``inputs`` has the wrong type; ValueError: ``inputs`` has the wrong length.
        """
        if isinstance(archs, Builder):
            if inputs is not None:
                raise TypeError("a Builder's candidates carry their inputs (begin(h, w, c)): inputs must be None")
            return self._score_program(archs)
        if isinstance(archs, (str, bytes)):
            raise TypeError("archs must be a sequence of strings, not one string: use score() for one candidate")
        if not isinstance(archs, list):
            try:
                archs = list(archs)
            except TypeError:
                raise TypeError(f"archs must be a sequence of strings or a Builder, not {type(archs).__name__}") from None
        n = len(archs)
        table, index = _input_table(inputs, n)
        s = self._session()
        jtable = None if table is None else s.input_table(table)
        out = np.empty((len(self.columns), n), dtype=np.int64)
        status = np.empty(n, dtype=np.int8)
        reasons = [None] * n
        for lo in range(0, n, _CHUNK_ROWS):
            # chunks bound the session's scratch buffers (text and columns of one chunk), not the result
            hi = min(n, lo + _CHUNK_ROWS)
            chunk = archs[lo:hi] if lo or hi < n else archs
            self._score_chunk(s, chunk, lo, jtable, None if index is None else index[lo:hi], out, status, reasons)
        return self._scores(out, status, reasons)

    def _score_chunk(self, s, chunk, lo, jtable, index, out, status, reasons):
        """Scores rows [lo, lo + len(chunk)) in one JVM call (two halves if their text exceeds
        ``_CHUNK_BYTES``), into those rows of ``out`` and ``status``.

        Java reads and writes only the session's scratch buffers, never memory made for this call: a
        direct buffer over a NumPy array or a str keeps that memory alive until the Java collector
        frees the buffer, and a batch allocates nothing in Java, so the collector may not run for many
        batches. Memory made per call grew the process by each batch's text and columns (measured, 35
        MB per 100,000 rows), and each call paid the kernel's page faults on that new memory.
        """
        m = len(chunk)
        text = _join(chunk, lo, "\n")
        if len(text) > _CHUNK_BYTES and m > 1:
            del text
            half = m // 2
            for at, rows in ((0, chunk[:half]), (half, chunk[half:])):
                self._score_chunk(s, rows, lo + at, jtable, None if index is None else index[at:at + len(rows)], out, status,
                                  reasons)
            return
        jout, jstatus = s.targets(len(self.columns), m)
        jindex = None
        if index is not None:
            ix, jindex = s.scratch("index", np.int32, m)
            ix[:m] = index
        if text.isascii():
            if len(text) > _INT_MAX:
                raise ValueError("an architecture string exceeds 2 GiB")
            # the rows as lines of one buffer of bytes: no Java string per row (JPype converts those one by
            # one), and Java finds the line breaks (the row lengths cost Python more than joining the rows)
            size = len(text)
            buffer, jtext = s.scratch("text", np.uint8, size)
            _copy_ascii(text, buffer)
            del text   # its memory is free for the next chunk's join
            bad = s.call(s.java.scoreLines, jtext, size, m, jtable, jindex, jout, jstatus, 0, m)
            if bad < 0:
                # a string holds a line break: the rows go packed, with their ends
                text = "".join(chunk)
                buffer, jtext = s.scratch("text", np.uint8, len(text))
                _copy_ascii(text, buffer)
                ends, jends = s.scratch("ends", np.int32, m)
                np.cumsum(np.fromiter(map(len, chunk), dtype=np.int32, count=m), dtype=np.int32, out=ends[:m])
                bad = s.call(s.java.scorePacked, jtext, jends, m, jtable, jindex, jout, jstatus, 0, m)
        else:
            bad = s.call(s.java.scoreStrings, s.jpype.JArray(s.jpype.JString)(chunk), jtable, jindex, jout, jstatus, 0, m)
        s.results(bad, lo, m, out, status, reasons)

    def _scores(self, out, status, reasons):
        columns = {name: out[k] for k, name in enumerate(self.columns)}
        columns["valid"] = status == 0
        return Scores(columns, status, reasons)

    def _score_program(self, builder):
        n = len(builder)
        program = np.frombuffer(builder._program_buffer(), dtype=np.int32)
        k = len(self.columns)
        out = np.empty((k, n), dtype=np.int64)
        status = np.empty(n, dtype=np.int8)
        reasons = [None] * n
        s = self._session() if n else None
        for lo in range(0, n, _CHUNK_ROWS):
            # chunks of candidates, each copied into the session's scratch, as _score_chunk: nothing made
            # per call is lent to Java, and the scratch stays the size of a chunk
            hi = min(n, lo + _CHUNK_ROWS)
            a, b = builder._program_start(lo), builder._program_start(hi)
            ints, jprogram = s.scratch("program", np.int32, b - a)
            ints[:b - a] = program[a:b]
            jout, jstatus = s.targets(k, hi - lo)
            bad = s.call(s.java.scoreProgram, jprogram, b - a, hi - lo, jout, jstatus)
            s.results(bad, lo, hi - lo, out, status, reasons)
        return self._scores(out, status, reasons)

    def _score_built_one(self, builder):
        if len(builder) != 1:
            raise ValueError(f"score() takes a Builder holding one candidate, not {len(builder)}: use score_many()")
        s = self._session()
        program = builder._program_buffer()
        n = len(program)
        if n > len(s.program):
            s.bind_program(n)
        s.program[:n] = program          # a copy into the buffer Java reads: no buffer made per call
        status = s.call(s.java.scoreBuilt, n)
        if status:
            raise InvalidCandidateError(STATUS_KINDS[status], str(s.java.reason()))
        return dict(zip(self.columns, self._unpack(s.out)))

    def builder(self):
        """A new :class:`Builder`, to write candidates as calls instead of strings."""
        return Builder(self._cls)


class _Session:
    """One thread's Java session, the buffer its single-candidate results land in, and the buffer
    a built candidate is copied to for ``score(builder)``."""

    __slots__ = ("java", "jpype", "out", "call", "program", "_program_bytes", "_scratch", "_tables")

    def __init__(self, java, jpype):
        self.java = java
        self.jpype = jpype
        self.out = bytearray(8 * len(java.columnNames()))
        java.bind(jpype.nio.convertToDirectBuffer(self.out))
        self.bind_program(1024)
        self._scratch = {}
        self._tables = {}
        jexception = jpype.JException

        def call(method, *args):
            try:
                return method(*args)
            except jexception as e:
                raise _java_error(e) from None
        self.call = call

    def input_table(self, table):
        """The Java String[] of an input table, made once per distinct table: converting even a
        one-entry list costs JPype about 10 µs, a tenth of a 100-row batch (measured)."""
        key = tuple(table)
        j = self._tables.get(key)
        if j is None:
            j = self.jpype.JArray(self.jpype.JString)(table)
            if len(key) <= 64:                      # one shape per row of a big batch is not kept
                if len(self._tables) >= 256:
                    self._tables.clear()
                self._tables[key] = j
        return j

    def targets(self, columns, rows):
        """The Java buffers a batch call of ``rows`` rows writes: its columns and its statuses."""
        return self.scratch("out", np.int64, columns * rows)[1], self.scratch("status", np.int8, rows)[1]

    def results(self, bad, lo, rows, out, status, reasons):
        """Copies what the last batch call wrote (see :meth:`targets`) to rows [lo, lo + rows) of the
        caller's ``out``, ``status`` and ``reasons``; ``bad``: the call's count of invalid rows."""
        k = out.shape[0]
        out[:, lo:lo + rows] = self._scratch["out"][0][:k * rows].reshape(k, rows)
        codes = self._scratch["status"][0][:rows]
        status[lo:lo + rows] = codes
        if bad:
            for r, why in zip(np.flatnonzero(codes).tolist(), self.java.reasons()):
                reasons[lo + r] = str(why)

    def scratch(self, name, dtype, count):
        """(array, Java direct buffer over it) of at least ``count`` items, kept by the session for its batches.

        A batch's inputs are copied in and its results copied out, so the memory Java sees is made once
        (and again when a larger batch needs more, doubling): see ``Analyzer._score_chunk`` for why.
        """
        entry = self._scratch.get(name)
        if entry is None or len(entry[0]) < count:
            # exact for the first batch (a loop of equal batches wastes nothing), doubling after that
            array = np.empty(max(count, 4096, 2 * len(entry[0]) if entry else 0), dtype=dtype)
            entry = (array, self.jpype.nio.convertToDirectBuffer(array))
            self._scratch[name] = entry
        return entry

    def bind_program(self, ints):
        """A program buffer of at least ``ints`` ints, bound to the Java session (the old one is dropped)."""
        size = 1 << max(10, (ints - 1).bit_length())
        self._program_bytes = bytearray(4 * size)
        self.program = memoryview(self._program_bytes).cast("i")
        self.java.bindProgram(self.jpype.nio.convertToDirectBuffer(self._program_bytes))


def _java_error(e):
    """A Java exception as the Python one to raise: an argument archmeter refused, or an internal error."""
    name = str(e.getClass().getName())
    message = str(e.getMessage())
    if name in ("java.lang.IllegalArgumentException", "java.lang.NullPointerException",
                "java.lang.IndexOutOfBoundsException"):
        return ValueError(message)
    err = ArchmeterError(f"archmeter failed: {name}: {message}")
    err.__cause__ = e
    return err


def _int(name, v):
    try:
        v = operator.index(v)
    except TypeError:
        raise TypeError(f"{name} must be an int, not {type(v).__name__}") from None
    if isinstance(v, bool):
        raise TypeError(f"{name} must be an int, not bool")
    if not -_INT_MAX - 1 <= v <= _INT_MAX:
        raise ValueError(f"{name} {v} does not fit in 32 bits")
    return v


def _is_int(v):
    try:
        operator.index(v)
    except TypeError:
        return False
    return not isinstance(v, bool)


def _not_arch(arch, builder=True):
    what = "an architecture string" + (" or a Builder" if builder else "")
    if arch is None:
        return f"arch is None: expected {what}"
    return f"arch must be {what}, not {type(arch).__name__}"


def _input(cls, spec):
    """(h, w, c) of an input given as "HxWxC" or 3 ints; a bad shape raises InvalidCandidateError."""
    if isinstance(spec, str):
        hwc = _input_cache.get(spec)
        if hwc is None:
            if _jvm.forked:
                raise JVMError(_jvm.FORK_MESSAGE)
            try:
                hwc = tuple(int(v) for v in cls.parseInput(spec))
            except Exception as e:  # java.lang.IllegalArgumentException with the filter's words
                msg = str(e.getMessage()) if hasattr(e, "getMessage") else str(e)
                raise InvalidCandidateError("input", msg) from None
            if len(_input_cache) >= _INPUT_CACHE_MAX:
                _input_cache.clear()
            _input_cache[spec] = hwc
        return hwc
    if isinstance(spec, (tuple, list)) and len(spec) == 3:
        return tuple(_int("input dimension", v) for v in spec)
    raise TypeError(f"input must be 'HxWxC' or (h, w, c), not {spec!r}")


def _spec(v, i):
    """One row's input as the table entry Java parses: "HxWxC", or "" for the notation's default."""
    if v is None or isinstance(v, str):
        return v or ""
    if isinstance(v, (tuple, list)) and len(v) == 3:
        return "x".join(str(_int("input dimension", d)) for d in v)
    raise TypeError(f"inputs[{i}] must be 'HxWxC', (h, w, c) or None, not {v!r}")


def _input_table(inputs, n):
    """inputs as (table of distinct specs, int32 index per row or None)."""
    if inputs is None:
        return None, None
    if isinstance(inputs, str):
        return [inputs], None
    # the same (h, w, c) call after call: its spec made once (plain ints only: True and 1.0 hash as 1)
    plain = type(inputs) is tuple and len(inputs) == 3 and all(type(v) is int for v in inputs)
    if plain:
        spec = _one_spec_cache.get(inputs)
        if spec is not None:
            return [spec], None
    if isinstance(inputs, (tuple, list)) and len(inputs) == 3 and all(_is_int(v) for v in inputs):
        spec = _spec(tuple(inputs), 0)
        if plain:
            if len(_one_spec_cache) >= _INPUT_CACHE_MAX:
                _one_spec_cache.clear()
            _one_spec_cache[inputs] = spec
        return [spec], None
    if np is not None and isinstance(inputs, np.ndarray) and inputs.dtype.kind in "iu":
        if inputs.shape != (n, 3):
            raise ValueError(f"an integer inputs array must have shape ({n}, 3), not {inputs.shape}")
        shapes, index = np.unique(inputs, axis=0, return_inverse=True)
        return ["x".join(str(int(d)) for d in row) for row in shapes], index.astype(np.int32).reshape(-1)
    try:
        rows = list(inputs)
    except TypeError:
        raise TypeError(f"inputs must be None, 'HxWxC', (h, w, c), or one of those per row, not {type(inputs).__name__}") from None
    if len(rows) != n:
        raise ValueError(f"inputs has {len(rows)} rows, archs {n}")
    table = {}
    index = np.fromiter((table.setdefault(_spec(v, i), len(table)) for i, v in enumerate(rows)), dtype=np.int32, count=n)
    return list(table), index


def _join(chunk, offset, separator=""):
    try:
        return separator.join(chunk)
    except TypeError:
        for i, a in enumerate(chunk):
            if not isinstance(a, str):
                raise TypeError(f"archs[{offset + i}] is {'None' if a is None else type(a).__name__}, not an"
                                " architecture string") from None
        raise


def _ascii_access():
    """(address of a str's UTF-8 bytes, memmove) through ctypes on CPython, or (None, None) elsewhere.

    An ASCII str keeps its characters as one byte each, and PyUnicode_AsUTF8AndSize returns them
    without copying: one memmove then takes a batch's text to the buffer Java reads. Encoding first
    (``text.encode()``) would make one more buffer the size of the batch.
    """
    try:
        import ctypes
        f = ctypes.pythonapi.PyUnicode_AsUTF8AndSize
    except (ImportError, AttributeError):  # pragma: no cover - not CPython
        return None, None
    f.restype = ctypes.c_void_p
    f.argtypes = [ctypes.py_object, ctypes.POINTER(ctypes.c_ssize_t)]

    def address(text):
        return f(text, ctypes.byref(ctypes.c_ssize_t()))
    return address, ctypes.memmove


_ascii_address, _memmove = _ascii_access()


def _copy_ascii(text, into):
    """Copies the characters of ``text`` (ASCII) to the start of the uint8 array ``into``."""
    if _ascii_address is not None:
        _memmove(into.ctypes.data, _ascii_address(text), len(text))
    else:  # pragma: no cover - not CPython
        into[:len(text)] = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
