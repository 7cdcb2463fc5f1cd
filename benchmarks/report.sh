#!/usr/bin/env bash
# The performance report of archmeter, in one command.
#
#   benchmarks/report.sh [quick|full]           build, run the JMH suite, render the report
#   benchmarks/report.sh render RESULTS.json    render an existing result file again
#   benchmarks/report.sh compare A.json B.json  print B's change over A per benchmark, in percent
#   benchmarks/report.sh stats10m [ROWS]        time stats and filter --pareto against filter on 10 M rows
#                                               (benchmarks/stats-10m.sh; -Xmx256m; results/stats-10m.md)
#
# A run writes benchmarks/results/<date>-<profile>.json (JMH's -rf json) and renders it. Only a
# full run replaces the committed report, benchmarks/results/REPORT.md and report.svg; a quick run
# renders beside it, to <date>-quick.md and <date>-quick.svg (git-ignored), and so does `render`
# of any results file not named *-full.json. Every benchmark runs with -prof gc, so the report also
# shows allocation per operation (gc.alloc.rate.norm). Results whose error exceeds 20% of the score
# are flagged noisy in the report and not compared with the targets.
#
#   quick  about 2 minutes on 2 cores: depth 20 (the layout comparison at 8, 20 and 60), short
#          iterations (2 x 0.5 s warmup, 3 x 0.5 s measurement, one fork). For a look, not a figure.
#   full   about 12 minutes on 2 cores: every parameter of every benchmark, with the iterations
#          and forks annotated on each class (3 x 1 s warmup, 5 x 1 s measurement, 1 to 3 forks).
#          Run it on a quiet machine: it is the report the README quotes. Then stats-10m.sh (about
#          5 more minutes, 1.6 GB of generated CSV; STATS_10M=0 skips it).
#
# Thread scaling runs on 1, 2, 4, ... threads up to the number of cores (nproc), and so do the filter
# pipeline's --threads. After JMH, benchmarks/process.sh times whole processes on a 1,000,000-row
# file (Commons CSV parse-only, archmeter filter --threads 1, 2 ... nproc, the Spark job on local[2]):
# 3 runs (quick) or 5 (full), merged into the same results. SKIP_PROCESS=1 leaves them out,
# SKIP_SPARK=1 only the Spark job.
# Set SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/results
REPORT_MAIN=io.archmeter.bench.report.ReportMain

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

# one line on stderr, exit 2
fail() {
  echo "report.sh: $*" >&2
  exit 2
}

# a usage line on stderr, exit 2
usage_error() {
  echo "usage: benchmarks/report.sh $*" >&2
  exit 2
}

require_file() {
  [[ -f "$1" ]] || fail "no such file: $1"
}

build() {
  if [[ "${SKIP_BUILD:-0}" == "1" && -f "$JAR" ]]; then
    return
  fi
  echo "building $JAR ..." >&2
  # the analyzer is built in the same reactor: nothing is installed into ~/.m2
  mvn -B -q -Dstyle.color=never package -DskipTests -pl benchmarks -am
}

# 1,2,4,…,nproc
thread_counts() {
  local n t list
  n=$(nproc)
  list=1
  t=2
  while (( t < n )); do
    list="$list,$t"
    t=$(( t * 2 ))
  done
  (( n > 1 )) && list="$list,$n"
  echo "$list"
}

profile=${1:-quick}
case "$profile" in
  compare)
    [[ $# -eq 3 ]] || usage_error "compare A.json B.json"
    require_file "$2"
    require_file "$3"
    [[ -f "$JAR" ]] || build
    exec java -cp "$JAR" "$REPORT_MAIN" compare "$2" "$3"
    ;;
  render)
    [[ $# -eq 2 ]] || usage_error "render RESULTS.json"
    require_file "$2"
    [[ -f "$JAR" ]] || build
    exec java -cp "$JAR" "$REPORT_MAIN" render "$2" "$RESULTS"
    ;;
  quick)
    [[ $# -eq 1 ]] || usage_error "quick"
    jmh_args=(-f 1 -wi 2 -w 500ms -i 3 -r 500ms
              -p depth=20 -p threads="$(thread_counts)")
    process_runs=3
    ;;
  full)
    [[ $# -eq 1 ]] || usage_error "full"
    jmh_args=(-p threads="$(thread_counts)")
    process_runs=5
    ;;
  stats10m)
    shift
    exec bash benchmarks/stats-10m.sh "$@"
    ;;
  -h|--help|help)
    usage
    exit 0
    ;;
  *)
    usage_error "[quick|full] | render RESULTS.json | compare A.json B.json | stats10m [ROWS] (--help for more)"
    ;;
esac

build
mkdir -p "$RESULTS"
json="$RESULTS/$(date +%F)-$profile.json"
start=$(date +%s)
java -jar "$JAR" "${jmh_args[@]}" -foe true -prof gc -rf json -rff "$json"
if [[ "$profile" == "quick" ]]; then
  # the quick run fixed depth=20 for everything; add the layout comparison at 8 and 60 layers
  extra="$RESULTS/.$(date +%F)-$profile-depths.json"
  java -jar "$JAR" -f 1 -wi 2 -w 500ms -i 3 -r 500ms -p depth=8,60 -foe true -prof gc -rf json -rff "$extra" \
    'ObjectBaselineBenchmark'
  java -cp "$JAR" "$REPORT_MAIN" merge "$json" "$json" "$extra"
  rm -f "$extra"
fi
if [[ "${SKIP_PROCESS:-0}" != "1" ]]; then
  process="$RESULTS/.$(date +%F)-$profile-process.json"
  SKIP_BUILD=1 bash benchmarks/process.sh "$process_runs" "$process"
  java -cp "$JAR" "$REPORT_MAIN" merge "$json" "$json" "$process"
  rm -f "$process"
fi
echo "suite ran in $(( $(date +%s) - start )) s; results in $json" >&2
java -cp "$JAR" "$REPORT_MAIN" render "$json" "$RESULTS"
if [[ "$profile" == "full" && "${STATS_10M:-1}" == "1" ]]; then
  bash benchmarks/stats-10m.sh
fi
