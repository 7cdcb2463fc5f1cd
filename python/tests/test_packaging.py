"""pip installs the package from the folder, with the jar inside, and the installed copy works."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import JAR, PYTHON_DIR


def test_pip_installs_the_folder_with_its_jar(tmp_path):
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], capture_output=True,
                          text=True, timeout=300)
    if made.returncode != 0:
        pytest.skip(f"this Python cannot make a venv (Debian: python3-venv): {made.stderr.strip()}")
    py = str(venv / "bin" / "python")
    if subprocess.run([py, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        pytest.skip("this Python has no pip (Debian: python3-pip)")
    # a copy of the folder, so that the build leaves nothing in the checkout; the jar named as setup.py reads it
    src = tmp_path / "python"
    shutil.copytree(PYTHON_DIR, src, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "build", "*.egg-info",
                                                                    "tests", "bench", "examples"))
    # offline and with what is installed: JPype1 and NumPy come from the system (Debian's packages)
    p = subprocess.run([py, "-m", "pip", "install", "--no-index", "--no-build-isolation", "--no-deps", str(src)],
                       capture_output=True, text=True, timeout=600, cwd=tmp_path, env={**os.environ, "ARCHMETER_JAR": JAR})
    assert p.returncode == 0, p.stdout + p.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ARCHMETER_JAR")}
    code = ("import archmeter, os; print(archmeter.__file__); print(archmeter.find_jar());"
            " print(archmeter.Analyzer().score('conv_k1_c2', input='2x2x1')['macs'])")
    p = subprocess.run([py, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    assert p.returncode == 0, p.stderr
    where, jar, macs = p.stdout.split()
    assert where.startswith(str(venv)) and jar.startswith(str(venv)) and jar.endswith("jars/archmeter.jar")
    assert macs == "8"
