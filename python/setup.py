"""Builds the archmeter Python package; the metadata is in pyproject.toml.

One step of our own: when the jar Maven builds (``../analyzer/target/archmeter.jar``, or ``$ARCHMETER_JAR``)
exists, it is copied into the package (``archmeter/jars/``), so that an installed package finds it without
``ARCHMETER_JAR``.
Build the jar first (``mvn -B -q -DskipTests package`` at the repository root).
"""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.environ.get("ARCHMETER_JAR") or os.path.join(HERE, "..", "analyzer", "target", "archmeter.jar")


class BuildWithJar(build_py):
    def run(self):
        super().run()
        if os.path.isfile(JAR):
            target = os.path.join(self.build_lib, "archmeter", "jars")
            os.makedirs(target, exist_ok=True)
            shutil.copy2(JAR, os.path.join(target, "archmeter.jar"))
        else:
            print(f"warning: {JAR} not found: the installed package will need ARCHMETER_JAR")


setup(cmdclass={"build_py": BuildWithJar})
