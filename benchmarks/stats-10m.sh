#!/usr/bin/env bash
# Times `archmeter stats` and `archmeter filter --pareto` against `archmeter filter` on the same
# generated rows (default 10 M), each JVM with -Xmx256m: issue 13's targets are that both run in
# that heap and are at most 20% slower than filter (time ratio <= 1.20).
#
#   benchmarks/stats-10m.sh [ROWS]        ROWS default 10000000; REPEAT=3 runs of each, interleaved;
#                                         ARCHMETER_JAR=path to time another build of the jar
#
# The candidates come from `archmeter generate --rows ROWS --seed 1` (20-layer chains and an acc
# column), kept in benchmarks/target/stats-bench/ between runs (about 1.6 GB at 10 M rows).
# The three commands, each a whole process (JVM start included), in turn:
#   filter  IN -o /dev/null --max macs=300M
#   stats   IN --budget macs=100M,300M,1G --budget act_peak_bytes=2MiB,4MiB -o OUT.txt
#   pareto  IN -o /dev/null --max macs=300M --pareto macs:min,acc:max
# Writes benchmarks/results/stats-10m.md (median wall time, rows/s, ratio to filter, peak RSS,
# machine, load average before and after: a load above the core count is flagged as noisy). The
# target is on wall time, on a quiet machine; the CPU time (user + sys) of the same runs is given
# beside it because it moves much less when other work shares the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-10000000}
REPEAT=${REPEAT:-3}
JAR=${ARCHMETER_JAR:-analyzer/target/archmeter.jar}
DIR=benchmarks/target/stats-bench
OUT=benchmarks/results/stats-10m.md
mkdir -p "$DIR" benchmarks/results

if [[ ! -f "$JAR" ]]; then
  mvn -B -q -DskipTests -pl analyzer -am package
fi
IN="$DIR/candidates-$ROWS.csv"
if [[ ! -f "$IN" ]]; then
  echo "generating $ROWS rows into $IN ..." >&2
  java -jar "$JAR" generate --rows "$ROWS" --seed 1 -o "$IN.part" 2>/dev/null
  mv "$IN.part" "$IN"
fi

declare -A ARGS=(
  [filter]="filter $IN -o /dev/null --rejects $DIR/rejects.csv --max macs=300M --quiet"
  [stats]="stats $IN --budget macs=100M,300M,1G --budget act_peak_bytes=2MiB,4MiB -o $DIR/stats.txt --quiet"
  [pareto]="filter $IN -o /dev/null --rejects $DIR/rejects.csv --max macs=300M --pareto macs:min,acc:max --quiet"
)
ORDER=(filter stats pareto)

have_time=0
[[ -x /usr/bin/time ]] && have_time=1
load_before=$(cut -d' ' -f1 /proc/loadavg)
# CPU the whole machine spent while the commands ran (jiffies: user nice system irq softirq steal); less
# the commands' own CPU, it is what other work took. The load average cannot tell: its minute-long
# memory still counts the JMH run that report.sh makes just before this script.
busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
busy_before=$(busy)
start_all=$(date +%s.%N)

# one run: prints "wall_seconds cpu_seconds max_rss_kb" (cpu and rss -1 without GNU time)
run() {
  # shellcheck disable=SC2086
  if (( have_time )); then
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" java -Xmx256m -jar "$JAR" ${ARGS[$1]} >/dev/null
    awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$DIR/time.txt"
  else
    local start end
    start=$(date +%s.%N)
    java -Xmx256m -jar "$JAR" ${ARGS[$1]} >/dev/null
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') -1 -1"
  fi
}

declare -A TIMES CPUS RSS
for ((r = 1; r <= REPEAT; r++)); do
  for name in "${ORDER[@]}"; do
    read -r secs cpu rss < <(run "$name")
    echo "run $r $name: $secs s wall, $cpu s cpu, peak RSS $rss KB" >&2
    TIMES[$name]="${TIMES[$name]:-} $secs"
    CPUS[$name]="${CPUS[$name]:-} $cpu"
    if (( rss > ${RSS[$name]:-0} )); then
      RSS[$name]=$rss
    fi
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)
busy_after=$(busy)
end_all=$(date +%s.%N)

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

base=$(echo "${TIMES[filter]}" | median)
cpu_base=$(echo "${CPUS[filter]}" | median)
cores=$(nproc)
ours=$(echo "${CPUS[filter]} ${CPUS[stats]} ${CPUS[pareto]}" | tr ' ' '\n' | awk '$1 != "" {s += $1; if ($1 < 0) u = 1} END {print u ? -1 : s}')
# others' share of the machine during the runs; unknown (-1) without /usr/bin/time's CPU figures
others=$(awk -v b0="$busy_before" -v b1="$busy_after" -v hz="$(getconf CLK_TCK)" -v ours="$ours" -v t0="$start_all" \
  -v t1="$end_all" -v n="$cores" 'BEGIN {print ours < 0 ? -1 : ((b1 - b0) / hz - ours) / ((t1 - t0) * n)}')
noisy=$(awk -v o="$others" -v a="$load_before" -v n="$cores" 'BEGIN {print (o < 0 ? (a > n) : (o > 0.05)) ? "yes" : "no"}')
{
  echo "# stats and --pareto against filter, $ROWS rows, -Xmx256m"
  echo
  echo "$(date +%F), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $cores cores,"
  echo "$(java -version 2>&1 | head -1). Load average before $load_before, after $load_after;"
  if awk -v o="$others" 'BEGIN {exit !(o >= 0)}'; then
    echo "other work took $(awk -v o="$others" 'BEGIN {printf "%.1f", 100 * o}')% of the machine while the commands ran:"
    echo "noisy: $noisy (more than 5% means other work shared the machine; compare ratios only on a quiet one)."
  else
    echo "noisy: $noisy (no /usr/bin/time: judged by the load average, which also counts work just before the runs)."
  fi
  echo
  echo "| command | median wall s (of $REPEAT) | rows/s | wall / filter | median cpu s | cpu / filter | peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for name in "${ORDER[@]}"; do
    m=$(echo "${TIMES[$name]}" | median)
    c=$(echo "${CPUS[$name]}" | median)
    awk -v n="$name" -v m="$m" -v b="$base" -v c="$c" -v cb="$cpu_base" -v rows="$ROWS" -v rss="${RSS[$name]}" \
      'BEGIN {printf "| %s | %.2f | %.0f | %.2f | %s | %s | %s |\n", n, m, rows / m, m / b, (c > 0 ? c : "-"),
              (c > 0 ? sprintf("%.2f", c / cb) : "-"), (rss > 0 ? sprintf("%.0f", rss / 1024) : "-")}'
  done
  echo
  echo "Target: stats and pareto wall / filter <= 1.20 on a quiet machine, each in -Xmx256m."
  echo "Wall s: filter${TIMES[filter]}; stats${TIMES[stats]}; pareto${TIMES[pareto]}."
  echo "CPU s (user + sys): filter${CPUS[filter]}; stats${CPUS[stats]}; pareto${CPUS[pareto]}."
} > "$OUT"
cat "$OUT"
