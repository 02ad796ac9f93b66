#!/bin/sh
# run_example.sh WEIGHBRIDGE EXAMPLE_DIR
#
# A shipped example as an end-to-end test. The example folder is only read. Checks that
#   1. `WEIGHBRIDGE evaluate EXAMPLE_DIR --format json` exits 0, twice, with byte-identical
#      output;
#   2. the engine's JSON agrees with the reference model (tests/reference/reference_model.py,
#      run now on the same folder) on every weight, score, contribution, total, rank,
#      missing evidence, the ranking and moderation;
#   3. each candidate's contributions sum to its total within 1e-9.
set -u
if [ $# -ne 2 ]; then
  echo "usage: run_example.sh WEIGHBRIDGE EXAMPLE_DIR" >&2
  exit 2
fi
weighbridge=$1
example=$2
reference=$(cd "$(dirname "$0")/../reference" && pwd)
python=${PYTHON:-python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for run in 1 2; do
  "$weighbridge" evaluate "$example" --format json >"$tmp/engine$run.json"
  code=$?
  if [ $code -ne 0 ]; then
    echo "FAIL: weighbridge evaluate exited $code (run $run, expected 0)"
    exit 1
  fi
done

status=0
if cmp -s "$tmp/engine1.json" "$tmp/engine2.json"; then
  echo "== two runs: byte-identical"
else
  echo "FAIL: two runs on the same input gave different output"
  diff "$tmp/engine1.json" "$tmp/engine2.json" | head -20
  status=1
fi

if "$python" "$reference/reference_model.py" "$example" >"$tmp/reference.json"; then
  echo "== engine against the reference model"
  "$python" "$reference/compare.py" "$tmp/engine1.json" "$tmp/reference.json" || status=1
else
  echo "FAIL: the reference model failed on $example"
  status=1
fi

echo "== contributions sum to each total"
"$python" - "$tmp/engine1.json" <<'PY' || status=1
import json, sys
decision = json.load(open(sys.argv[1]))
bad = 0
for c in decision["candidates"]:
    s = sum(r["contribution"] for r in c["criteria"])
    if abs(s - c["total"]) > 1e-9:
        print(f"{c['id']}: contributions sum to {s!r}, total is {c['total']!r}")
        bad += 1
if not decision["candidates"]:
    print("no candidates in the output")
    bad += 1
sys.exit(1 if bad else 0)
PY

[ $status -eq 0 ] && echo "PASS: $(basename "$example")"
exit $status
