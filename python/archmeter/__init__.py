"""archmeter from Python: exact receptive field, MACs/FLOPs, parameters and activation memory of CNN
architectures, in-process through JPype, one JVM call per candidate or per batch.

    >>> import archmeter
    >>> a = archmeter.Analyzer()
    >>> a.score("conv_k3_s2_c16 bn relu gap fc_c10", input="32x32x3")["params"]
    650
    >>> scores = a.score_many(["conv_k3_c16 relu gap fc_c10", "conv_k9_p0_c8 fc_c10"], inputs="8x8x3")
    >>> scores["macs"].tolist(), scores["valid"].tolist()
    ([27808, 0], [True, False])
    >>> scores.reasons[1].split(":")[:2]
    ['invalid shapes', ' layer 1 (conv)']

See :class:`Analyzer` (``score``, ``score_many``, ``summary``) and :class:`Builder`.
"""

from ._analyzer import STATUS_KINDS, Analyzer, Scores
from ._builder import Builder
from ._jvm import find_jar
from .errors import ArchmeterError, InvalidCandidateError, JarNotFoundError, JVMError

__version__ = "0.1.0"
__all__ = ["Analyzer", "Builder", "Scores", "STATUS_KINDS", "find_jar", "ArchmeterError", "InvalidCandidateError",
           "JVMError", "JarNotFoundError", "__version__"]
