#!/usr/bin/env bash
# Runs every command of the shaded CLI jar once, after `mvn verify` built it. The jar is shaded with
# minimizeJar, which keeps only the dependency classes our code reaches: the tests run against
# target/classes, so this is where a class the shade left out would show (NoClassDefFoundError).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=analyzer/target/archmeter.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { java -jar "$jar" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt" || { cat "$tmp/err.txt" >&2; exit 1; }; }
run summary mobilenet_v3_large --format json       # blocks, squeeze-excite groups, joins
run summary densenet121 --format csv               # concatenations
run summary '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'
run summary 'conv_k1_g2_c16 shuffle_g2 dw_k3 gap fc_c10' --input 32x32x16
run zoo
run zoo --arch mobilenet_v2 --format csv
run summary resnet18 --depth 1 && run summary resnet18 --format csv --totals
run help filter
run generate --rows 3000 --seed 5 -o "$tmp/gen.csv.gz"
run filter "$tmp/gen.csv.gz" -o "$tmp/kept.csv" --max macs=300M --all --quiet
run filter datasets/candidates.csv -o "$tmp/kept2.csv" --max macs=300M --max params=3M --min rf=200 --quiet --threads 2
run filter datasets/candidates.csv -o "$tmp/front.csv" --pareto macs:min,acc:max --quiet
run filter datasets/candidates.csv -o "$tmp/top.csv" --top 10 --by acc:max --sort macs --quiet
run stats datasets/candidates.csv --budget macs=100M,300M --budget act_peak_bytes=2MiB --format json --quiet
run stats "$tmp/kept.csv" --quiet                   # a file filter wrote: metrics read, not scored
run report datasets/candidates.csv -o "$tmp/report.html" --svg "$tmp/charts" --budget macs=300M --quiet
echo '{"arch": "conv_k3_s2_c16 bn relu gap fc_c10", "layers": true}' | run serve   # jackson-core through the shade
grep -q '"ok":true' "$tmp/out.txt" || { echo "jar-smoke: serve did not answer" >&2; exit 1; }
if java -jar "$jar" summary 'conv_k3 bogus' > /dev/null 2>&1; then
    echo "jar-smoke: a bad architecture did not fail" >&2
    exit 1
fi
echo "jar-smoke: every command of $jar ran"
