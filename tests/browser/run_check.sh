#!/bin/sh
# Writes a procurement's HTML report with the built weighbridge and checks it in
# Chromium with check_report.mjs. The report, a full-page screenshot and an A4
# PDF are left in OUT_DIR as NAME.html, NAME.png and NAME.pdf for review.
# Usage: run_check.sh WEIGHBRIDGE NODE_DIR FOLDER OUT_DIR NAME [check_report options]...
set -eu
weighbridge=$1 node_dir=$2 folder=$3 out_dir=$4 name=$5
shift 5
# A missing browser or node is a failure, not a skip: CI installs both
# (scripts/install-deps), and a skipped accessibility check would pass silently.
if ! command -v node >/dev/null 2>&1; then
  echo "run_check.sh: node is needed for the browser tests: run scripts/install-deps" >&2
  exit 1
fi
chromium=${WEIGHBRIDGE_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "run_check.sh: no Chromium at $chromium: run scripts/install-deps" >&2
  exit 1
fi
mkdir -p "$out_dir"
rm -f "$out_dir/$name.html" "$out_dir/$name.png" "$out_dir/$name.pdf"
if ! "$weighbridge" report "$folder" --format html -o "$out_dir/$name.html"; then
  echo "run_check.sh: weighbridge report $folder --format html failed" >&2
  exit 1
fi
exec node "$node_dir/check_report.mjs" "$out_dir/$name.html" \
  --screenshot "$out_dir/$name.png" --pdf "$out_dir/$name.pdf" "$@"
