#!/bin/sh
# run_case.sh WEIGHBRIDGE CASE_DIR
#
# One end-to-end case: runs `WEIGHBRIDGE evaluate CASE_DIR/input --format json`, with the
# extra arguments in CASE_DIR/args if there is one, requires exit 0, and checks its JSON
# against CASE_DIR/expected.json (values worked out by hand, see CASE_DIR/README.md).
# Then runs the reference model (tests/reference/reference_model.py) on the same input
# and checks it against the same expected.json, so the hand values, the reference model
# and the engine must all agree.
set -u
if [ $# -ne 2 ]; then
  echo "usage: run_case.sh WEIGHBRIDGE CASE_DIR" >&2
  exit 2
fi
weighbridge=$1
case_dir=$2
reference=$(cd "$(dirname "$0")/../reference" && pwd)
python=${PYTHON:-python3}

args=""
if [ -f "$case_dir/args" ]; then
  args=$(cat "$case_dir/args")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
# $args is split on purpose: the file holds plain flags.
# shellcheck disable=SC2086
"$weighbridge" evaluate "$case_dir/input" --format json $args >"$tmp/engine.json"
code=$?
if [ $code -ne 0 ]; then
  echo "FAIL: weighbridge evaluate exited $code (expected 0)"
  status=1
else
  echo "== engine against expected.json"
  "$python" "$reference/compare.py" "$tmp/engine.json" "$case_dir/expected.json" || status=1
fi

if "$python" "$reference/reference_model.py" "$case_dir/input" >"$tmp/reference.json"; then
  echo "== reference model against expected.json"
  "$python" "$reference/compare.py" "$tmp/reference.json" "$case_dir/expected.json" || status=1
else
  echo "FAIL: the reference model failed on $case_dir/input"
  status=1
fi

[ $status -eq 0 ] && echo "PASS: $(basename "$case_dir")"
exit $status
