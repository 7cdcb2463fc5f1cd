"""Finding archmeter's jar and starting the JVM, once per process.

The jar is looked for, in order: the ``jar`` argument, the ``ARCHMETER_JAR`` environment variable,
a copy installed inside this package (``archmeter/jars/archmeter.jar``, put there by ``pip install``
when the jar was built), and the jar Maven builds in a checkout (``analyzer/target/archmeter.jar``
beside the ``python/`` folder). Extra JVM options come from the ``jvm_options`` argument or the
``ARCHMETER_JVM_OPTIONS`` environment variable (e.g. ``-Xmx2g``).

JPype runs one JVM per process and cannot restart it, so the first start decides the jar and the
options; later calls reuse that JVM.
"""

import os
import shlex
import threading

from .errors import JVMError, JarNotFoundError

JAR_ENV = "ARCHMETER_JAR"
JVM_OPTIONS_ENV = "ARCHMETER_JVM_OPTIONS"
SESSION_CLASS = "io.archmeter.bridge.ScoringSession"
# Debian's python3-jpype puts JPype's own support jar here, not beside the module (platform notes)
DEBIAN_JPYPE_JAR = "/usr/share/java/org.jpype.jar"

_HERE = os.path.dirname(os.path.abspath(__file__))
_lock = threading.Lock()
_state = {"jar": None, "session": None, "error": None}
#: True in a child forked from a process whose JVM had started: a JVM does not survive fork (its
#: threads stay in the parent), and a call into it from the child would hang
forked = False
FORK_MESSAGE = ("this process was forked from one whose JVM had started, and a JVM does not survive fork: use"
                " multiprocessing's 'spawn' start method (multiprocessing.set_start_method('spawn')), or make the"
                " Analyzer only in the worker processes")


def _after_fork_in_child():
    global forked
    if _state["session"] is not None:
        forked = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def find_jar(jar=None):
    """The path of archmeter's jar: ``jar`` if given, else the first that exists of the usual places.

    Raises:
        JarNotFoundError: naming every place looked at, and how to build the jar.
    """
    if jar is not None:
        jar = os.fspath(jar)
        if not os.path.isfile(jar):
            raise JarNotFoundError(f"archmeter jar {jar!r} (the jar argument) does not exist")
        return os.path.abspath(jar)
    env = os.environ.get(JAR_ENV)
    if env:
        if not os.path.isfile(env):
            raise JarNotFoundError(f"archmeter jar {env!r} (from ${JAR_ENV}) does not exist")
        return os.path.abspath(env)
    places = [os.path.join(_HERE, "jars", "archmeter.jar"),
              os.path.normpath(os.path.join(_HERE, "..", "..", "analyzer", "target", "archmeter.jar"))]
    for p in places:
        if os.path.isfile(p):
            return p
    raise JarNotFoundError(
        "archmeter jar not found; looked at: " + ", ".join(places)
        + f". Build it with `mvn -B -q -DskipTests package` in the archmeter checkout, or set ${JAR_ENV}"
        + " (or pass jar=...) to the path of archmeter.jar")


def _support_jars():
    """JPype's support jar where the Debian package keeps it; pip's JPype1 finds its own."""
    return [DEBIAN_JPYPE_JAR] if os.path.isfile(DEBIAN_JPYPE_JAR) else []


def _options(jvm_options):
    if jvm_options is None:
        return shlex.split(os.environ.get(JVM_OPTIONS_ENV, ""))
    if isinstance(jvm_options, str):
        return shlex.split(jvm_options)
    return [str(o) for o in jvm_options]


def _import_jpype():
    try:
        import jpype
        import jpype.nio  # noqa: F401  (convertToDirectBuffer)
    except ImportError as e:
        raise JVMError(
            "archmeter needs JPype: on Debian/Ubuntu `apt-get install python3-jpype python3-numpy` (and run it with"
            " /usr/bin/python3), elsewhere `pip install JPype1 numpy`") from e
    return jpype


def session_class(jar=None, jvm_options=None, jvm_path=None):
    """The Java class ``io.archmeter.bridge.ScoringSession``, starting the JVM on first use.

    Raises:
        JarNotFoundError: the jar is not found.
        JVMError: JPype is missing, the JVM cannot start, or it cannot load archmeter (e.g. Java older than 17).
    """
    with _lock:
        if forked:
            raise JVMError(FORK_MESSAGE)
        if _state["session"] is not None:
            if jar is not None and os.path.abspath(os.fspath(jar)) != _state["jar"]:
                raise JVMError(f"the JVM of this process already runs archmeter from {_state['jar']}; one JVM per"
                               f" process cannot load {jar!r} as well")
            return _state["session"]
        if _state["error"] is not None:
            # JPype cannot start a JVM twice in one process: say why the first start failed
            raise JVMError(f"the JVM could not start earlier in this process: {_state['error']}")
        jpype = _import_jpype()
        path = find_jar(jar)
        if not jpype.isJVMStarted():
            _start(jpype, path, _options(jvm_options), jvm_path)
        else:
            _add_to_running(jpype, path)
        try:
            cls = jpype.JClass(SESSION_CLASS)
        except Exception as e:  # java.lang.UnsupportedClassVersionError, NoClassDefFoundError, ...
            raise JVMError(f"the JVM cannot load archmeter from {path}: {e} (archmeter needs Java 17 or newer;"
                           f" the JVM is {_java_version(jpype)})") from e
        _state["jar"] = path
        _state["session"] = cls
        return cls


def _start(jpype, path, options, jvm_path):
    try:
        jvm = jvm_path or jpype.getDefaultJVMPath()
    except Exception as e:  # JVMNotFoundException
        _state["error"] = f"no Java found: {e}"
        raise JVMError(f"no Java found ({e}); install Java 17+ or set JAVA_HOME") from e
    if options:
        _preflight(jvm, options)
    try:
        jpype.startJVM(jvm, *options, classpath=[path] + _support_jars(), convertStrings=False)
    except Exception as e:
        _state["error"] = f"{type(e).__name__}: {str(e).strip()} (JVM {jvm}, options {options})"
        raise JVMError(f"the JVM could not start: {_state['error']}") from e


def _preflight(jvm, options):
    """Tries the options on a `java -version` first: some (a heap too small) make the JVM end the whole
    process while it starts, which no exception can report; a child process reports them instead."""
    home = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(jvm))))   # .../lib/server/libjvm.so
    java = os.path.join(home, "bin", "java")
    if not os.path.isfile(java):
        return
    import subprocess
    try:
        p = subprocess.run([java, *options, "-version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        _state["error"] = f"{java} {' '.join(options)} -version failed: {e}"
        raise JVMError(f"the JVM could not start: {_state['error']}") from e
    if p.returncode != 0:
        said = " ".join((p.stderr + " " + p.stdout).split())
        _state["error"] = f"the JVM refuses the options {options}: {said}"
        raise JVMError(f"the JVM could not start: {_state['error']} (JVM {jvm})")


def _add_to_running(jpype, path):
    """A JVM someone else started: archmeter's classes may be on its class path already; else add the jar."""
    try:
        jpype.JClass(SESSION_CLASS)
        return
    except Exception:
        pass
    try:
        jpype.addClassPath(path)
    except Exception as e:
        raise JVMError(f"a JVM is already running in this process without archmeter on its class path, and {path}"
                       f" cannot be added to it ({e}); start the JVM with it on the class path") from e


def _java_version(jpype):
    try:
        return str(jpype.JClass("java.lang.System").getProperty("java.version"))
    except Exception:
        return "of unknown version"
