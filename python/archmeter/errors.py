"""The exceptions of the archmeter package.

Every error archmeter raises is an :class:`ArchmeterError`. A candidate that cannot be costed raises
:class:`InvalidCandidateError`, a :class:`ValueError`, carrying archmeter's own message (the same
words ``archmeter filter`` writes to its rejects file). Problems with Java itself (no jar, no JVM,
a JVM that cannot start) raise :class:`JVMError`.
"""


class ArchmeterError(Exception):
    """Base class of every exception the archmeter package raises."""


class InvalidCandidateError(ArchmeterError, ValueError):
    """A candidate that archmeter cannot cost.

    Attributes:
        kind: ``"syntax"`` (the string does not parse), ``"shapes"`` (it parses but its shapes do
            not work out, e.g. an output size of 0), ``"input"`` (the input shape is not HxWxC with
            every dimension at least 1) or ``"build"`` (a builder call was refused).
        reason: archmeter's message, e.g. ``syntax: token 3 'conv_k3_z2': unknown key 'z' for conv
            (did you mean 'k'?) (expected one of k, s, p, d, g, c, b)``.
        arch: the architecture string (or ``None`` for a built candidate).
    """

    def __init__(self, kind, reason, arch=None):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.arch = arch


class JVMError(ArchmeterError, RuntimeError):
    """The Java side is unavailable: no jar, no Java, a JVM that cannot start or is too old."""


class JarNotFoundError(JVMError):
    """archmeter's jar was not found where it was looked for (the message lists the places)."""
