"""Shared fixtures: the archmeter package from this checkout, the jar Maven built, the CLI.

Run from the repository root after `mvn -B verify` (which builds analyzer/target/archmeter.jar):

    PYTHONPATH=python /usr/bin/python3 -m pytest -q python/tests
"""

import csv
import io
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON_DIR = os.path.join(ROOT, "python")
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

import archmeter  # noqa: E402

JAR = os.path.join(ROOT, "analyzer", "target", "archmeter.jar")


def pytest_configure(config):
    if not os.path.isfile(JAR) and not os.environ.get("ARCHMETER_JAR"):
        pytest.exit(f"{JAR} is missing: run `mvn -B verify` (or `mvn -B -q -DskipTests package`) first", returncode=2)


@pytest.fixture(scope="session")
def analyzer():
    return archmeter.Analyzer()


def run_cli(*args, stdin=None, timeout=300):
    """The command line (java -jar archmeter.jar ...): (exit code, stdout, stderr)."""
    jar = os.environ.get("ARCHMETER_JAR", JAR)
    p = subprocess.run(["java", "-jar", jar, *args], input=stdin, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run_python(code, env=None, timeout=120):
    """A fresh Python process (a JVM of its own) running ``code``: (exit code, stdout, stderr)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = PYTHON_DIR + os.pathsep + e.get("PYTHONPATH", "")
    e.update(env or {})
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=e)
    return p.returncode, p.stdout, p.stderr


def csv_text(rows, header):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()
