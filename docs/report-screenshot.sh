#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of `archmeter report`: the report of the bundled
# dataset, rendered by headless Chromium (Debian: apt-get install -y chromium).
#
#   docs/report-screenshot.sh          # writes target/report/report.html and docs/report.png
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
  echo "no chromium on the PATH (apt-get install -y chromium)" >&2
  exit 2
fi
mkdir -p target/report
./archmeter report datasets/candidates.csv -o target/report/report.html \
    --budget macs=100M,300M,1G --budget act_peak_bytes=2MiB,4MiB --quiet
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$PWD/docs/report.png" --window-size=1180,1560 "file://$PWD/target/report/report.html" 2>/dev/null
echo "docs/report.png: $(stat -c %s docs/report.png) bytes" >&2
