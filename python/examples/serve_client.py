#!/usr/bin/env python3
"""Drive `archmeter serve` as a coprocess: what any language does with a pipe and a JSON library.

It starts the server, then sends requests one at a time, waiting for each answer before the next
(the server answers each line as soon as it has read it), and finally closes the server's stdin,
which ends it. Nothing here imports archmeter or JPype: only `java`, a pipe and JSON.

    /usr/bin/python3 python/examples/serve_client.py [--jar analyzer/target/archmeter.jar]
"""

import argparse
import json
import os
import selectors
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, "..", "..", "analyzer", "target", "archmeter.jar")


class Coprocess:
    """`java -jar archmeter.jar serve` with a request/answer call."""

    def __init__(self, jar, *options, timeout=60):
        self.timeout = timeout
        self.proc = subprocess.Popen(["java", "-jar", jar, "serve", *options], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.proc.stdout, selectors.EVENT_READ)
        self.pending = b""

    def ask(self, request):
        """Sends one request (a dict) and returns the answer (a dict); the stream stays open."""
        self.proc.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        self.proc.stdin.flush()
        return json.loads(self._line())

    def _line(self):
        while b"\n" not in self.pending:
            if not self.sel.select(self.timeout):
                raise TimeoutError(f"no answer within {self.timeout} s: the server did not flush its line")
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise EOFError("the server ended without answering: " + self.proc.stderr.read().decode())
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return line.decode("utf-8")

    def close(self):
        """Closes the server's stdin (which ends it) and returns its exit code."""
        self.proc.stdin.close()
        code = self.proc.wait(self.timeout)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", default=os.environ.get("ARCHMETER_JAR", DEFAULT_JAR))
    a = ap.parse_args(argv)
    server = Coprocess(a.jar, "--flops", "multiply")
    nb201 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
    requests = [
        {"id": 1, "arch": "conv_k3_s2_c16 bn relu gap fc_c10", "input": "32x32x3"},
        {"id": 2, "arch": nb201},
        {"id": 3, "arch": "conv_k3_z2 relu"},
        {"id": 4, "batch": ["conv_k1_c2", {"arch": "conv_k9_p0", "input": "8x8x3"}], "input": "2x2x1", "flops": "strict"},
    ]
    for request in requests:
        answer = server.ask(request)
        if not answer["ok"]:
            print(f"{answer['id']}: {answer['kind']} error: {answer['error']}")
        elif "metrics" in answer:
            m = answer["metrics"]
            print(f"{answer['id']}: {m['macs']:,} MACs, {m['flops']:,} FLOPs, {m['params']:,} params, rf {m['rf']},"
                  f" on {answer['input']}")
        else:
            cells = [f"{r['metrics']['flops']:,} FLOPs" if r["ok"] else f"{r['kind']}: {r['error'][:40]}..."
                     for r in answer["results"]]
            print(f"{answer['id']}: batch of {answer['count']}, {answer['invalid']} invalid: " + "; ".join(cells))
    code = server.close()
    print(f"server exited with {code}")
    return code


if __name__ == "__main__":
    sys.exit(main())
