#!/usr/bin/env bash
# Whole-process timings on one 1,000,000-row file (part of benchmarks/report.sh; also runs alone):
# Commons CSV parse-only (the floor: `java -cp benchmarks.jar CsvParseOnly`) against
# `./archmeter filter --threads 1, 2 … nproc` (the launcher, as users run it, with its class-data
# archive) and the Spark job on local[2], each a fresh JVM, runs interleaved, median wall time as rows/s.
#
#   benchmarks/process.sh [RUNS] [OUT.json]     default 3 runs, benchmarks/results/<date>-process.json
#
# SKIP_SPARK=1 leaves the Spark job out. SKIP_BUILD=1 reuses the built jars. About 1 minute without
# Spark, 3 with it, on 2 cores. Run it on a quiet machine: other load skews the multi-threaded runs most.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=${2:-benchmarks/results/$(date +%F)-process.json}

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f benchmarks/target/benchmarks.jar || ! -f analyzer/target/archmeter.jar ]]; then
  echo "building analyzer/target/archmeter.jar and benchmarks/target/benchmarks.jar ..." >&2
  mvn -B -q package -DskipTests -pl benchmarks -am
fi
spark=()
if [[ "${SKIP_SPARK:-0}" != "1" ]]; then
  if [[ "${SKIP_BUILD:-0}" != "1" || ! -f spark/target/archmeter-spark.jar ]]; then
    echo "building spark/target/archmeter-spark.jar ..." >&2
    mvn -B -q package -DskipTests -pl spark -am
  fi
  spark=("$PWD/spark/bin/archmeter-spark")
fi

threads=1
n=$(nproc)
t=2
while (( t <= n )); do threads="$threads,$t"; t=$(( t * 2 )); done
(( n > 2 && (n & (n - 1)) != 0 )) && threads="$threads,$n"

# the filter is timed through ./archmeter, as users run it: this run builds nothing (the jar is fresh)
# but makes the launcher's class-data archive once per build, so that no timed run makes it
./archmeter --version >/dev/null

mkdir -p "$(dirname "$out")"
java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.process.ProcessTiming "$out" "$runs" "$threads" "${spark[@]}"
