"""What goes wrong before any candidate: no jar, no Java, a JVM that cannot start. Each in a fresh
process (one JVM per process), each a clear Python exception within the timeout, never a crash or a hang."""

import os
import shutil

import pytest

from conftest import JAR, PYTHON_DIR, run_python

TRY = """
import archmeter
try:
    a = archmeter.Analyzer({args})
    print("SCORED", a.score("conv_k1_c2", input="2x2x1")["macs"])
except archmeter.JVMError as e:
    print("JVMError", type(e).__name__, e)
try:
    archmeter.Analyzer({args})
except archmeter.JVMError as e:
    print("AGAIN", type(e).__name__)
"""


def test_a_missing_jar_argument_is_named():
    code, out, err = run_python(TRY.format(args="jar='/no/such/archmeter.jar'"))
    assert code == 0, err
    assert "JVMError JarNotFoundError archmeter jar '/no/such/archmeter.jar' (the jar argument) does not exist" in out


def test_a_missing_jar_in_the_environment_is_named():
    code, out, err = run_python(TRY.format(args=""), env={"ARCHMETER_JAR": "/no/such.jar"})
    assert code == 0, err
    assert "JarNotFoundError archmeter jar '/no/such.jar' (from $ARCHMETER_JAR) does not exist" in out


def test_no_jar_anywhere_says_where_it_looked_and_how_to_build_it(tmp_path):
    shutil.copytree(os.path.join(PYTHON_DIR, "archmeter"), tmp_path / "archmeter",
                    ignore=shutil.ignore_patterns("__pycache__", "jars"))
    env = {"PYTHONPATH": str(tmp_path), "ARCHMETER_JAR": ""}
    code, out, err = run_python(TRY.format(args=""), env=env)
    assert code == 0, err
    assert "JarNotFoundError archmeter jar not found; looked at:" in out
    assert "mvn -B -q -DskipTests package" in out and "ARCHMETER_JAR" in out


@pytest.mark.parametrize("options, words", [
    ("-Xmx1k", "Too small maximum heap"),                      # the JVM would end the process while starting
    ("-XX:+NoSuchOption", "Unrecognized VM option 'NoSuchOption'"),
    ("-Xss1", "the JVM could not start"),
])
def test_a_jvm_that_cannot_start_raises_jvm_error_and_keeps_the_process(options, words):
    code, out, err = run_python(TRY.format(args=""), env={"ARCHMETER_JVM_OPTIONS": options})
    assert code == 0, err
    assert "JVMError JVMError the JVM could not start" in out and words in out, out
    assert "AGAIN JVMError" in out       # a second attempt says so at once (JPype cannot restart a JVM)


def test_a_jvm_library_that_does_not_exist_raises_jvm_error():
    code, out, err = run_python("""
import archmeter, archmeter._jvm as j
try:
    j.session_class(jvm_path='/no/such/libjvm.so')
except archmeter.JVMError as e:
    print('JVMError', e)
""")
    assert code == 0, err
    assert "JVMError the JVM could not start" in out and "/no/such/libjvm.so" in out


def test_good_options_start_the_jvm_and_the_jar_argument_works():
    code, out, err = run_python(TRY.format(args=f"jar={JAR!r}, jvm_options=['-Xmx256m']"))
    assert code == 0, err
    assert "SCORED 8" in out           # 1x1 conv, 1 -> 2 channels on 2x2: 4 * 2 MACs


def test_a_jvm_started_by_someone_else_with_the_jar_is_used():
    code, out, err = run_python(f"""
import jpype, archmeter
jpype.startJVM(classpath=[{JAR!r}] + archmeter._jvm._support_jars())
print("SCORED", archmeter.Analyzer().score("conv_k1_c2", input="2x2x1")["macs"])
""")
    assert code == 0, err
    assert "SCORED 8" in out


def test_importing_the_package_needs_no_jvm():
    code, out, err = run_python("import archmeter, jpype; print('STARTED', jpype.isJVMStarted())",
                                env={"ARCHMETER_JAR": "/no/such.jar"})
    assert code == 0, err
    assert "STARTED False" in out


def test_a_forked_child_gets_a_clear_error_instead_of_a_dead_jvm():
    code, out, err = run_python("""
import os, archmeter
a = archmeter.Analyzer()
a.score("conv_k1_c2", input="2x2x1")
pid = os.fork()
if pid == 0:
    for call in (lambda: a.score("conv_k1_c2", input="2x2x1"), lambda: a.score_many(["conv_k1"]), archmeter.Analyzer):
        try:
            call()
        except archmeter.JVMError as e:
            print("CHILD", "spawn" in str(e), flush=True)
    os._exit(0)
import signal, time
deadline = time.time() + 60
while os.waitpid(pid, os.WNOHANG) == (0, 0):
    if time.time() > deadline:          # a hung child must not outlive the test
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("CHILD HUNG")
        break
    time.sleep(0.05)
print("PARENT", a.score("conv_k1_c2", input="2x2x1")["macs"])
""")
    assert code == 0, err
    assert out.count("CHILD True") == 3 and "PARENT 8" in out, out


def test_a_candidate_too_large_for_the_heap_is_an_error_and_the_jvm_goes_on():
    # a block repeated 2^31 - 1 times expands past any heap: an error (out of memory today, a bounded
    # expansion once the grammar limits it), then the analyzer keeps working
    code, out, err = run_python("""
import archmeter
a = archmeter.Analyzer(jvm_options=["-Xmx128m"])
try:
    a.score("cn_k1_c8_r2147483647", input="8x8x3")
except archmeter.ArchmeterError as e:
    print("ERROR", type(e).__name__, str(e)[:120])
print("AFTER", a.score("conv_k1_c2", input="2x2x1")["macs"])
""")
    assert code == 0, err
    assert "ERROR " in out and "AFTER 8" in out, out
