#!/usr/bin/env bash
# CI smoke pass of the JMH suite: every benchmark runs once, on small parameters, and any
# exception in a benchmark fails the script (-foe true). It checks that the suite runs, not how
# fast: one fork, no warmup, one 200 ms iteration. Takes well under a minute on 2 cores.
#
#   benchmarks/smoke.sh            # after `mvn -B verify` (which builds benchmarks/target/benchmarks.jar)
#   benchmarks/smoke.sh --build    # build the jar first (from a fresh clone)
#
# Results go to benchmarks/results/smoke.json (not a report: the figures of a 200 ms run are noise).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
if [[ "${1:-}" == "--build" || ! -f "$JAR" ]]; then
  mvn -B -q install -DskipTests -pl analyzer -am
  mvn -B -q package -DskipTests -pl benchmarks
fi

mkdir -p benchmarks/results
start=$(date +%s)
java -jar "$JAR" \
  -f 1 -wi 0 -i 1 -r 200ms -foe true \
  -jvmArgsAppend "-Xms256m -Xmx1g" \
  -p depth=8 -p batchSize=1000 -p threads=1,2 -p samples=2000 -p nb101Cells=2000 \
  -rf json -rff benchmarks/results/smoke.json
echo "smoke: benchmarks ran in $(( $(date +%s) - start )) s"
