#!/bin/sh
# check_golden.sh WEIGHBRIDGE EXAMPLE_DIR GOLDEN_FILE
#
# The Markdown report of a shipped example, compared byte for byte with the file
# kept beside this script. The report has no timestamps and no paths, so any
# difference is a change in what the report says: review it, and if it is meant,
# write the golden file again with
#   WEIGHBRIDGE report EXAMPLE_DIR --format markdown -o GOLDEN_FILE
# Before the comparison, check_totals.py checks the golden file itself against the
# Python reference model (tests/reference/), run now on the same folder: every total
# in its ranking table must be the reference model's total rounded to 0.1, so the
# golden file cannot quietly hold a wrong number. Last, the HTML report of the same
# example must hold each of its four charts.
set -u
if [ $# -ne 3 ]; then
  echo "usage: check_golden.sh WEIGHBRIDGE EXAMPLE_DIR GOLDEN_FILE" >&2
  exit 2
fi
weighbridge=$1
example=$2
golden=$3
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
echo "== the golden file's totals against the reference model"
"$python" "$here/../reference/reference_model.py" "$example" >"$tmp/reference.json" || {
  echo "FAIL: the reference model failed on $example"
  exit 1
}
"$python" "$here/check_totals.py" "$golden" "$tmp/reference.json" || status=1

echo "== the report against the golden file"
if ! "$weighbridge" report "$example" --format markdown -o "$tmp/report.md"; then
  echo "FAIL: weighbridge report exited non-zero"
  exit 1
fi
if cmp -s "$tmp/report.md" "$golden"; then
  echo "same bytes"
else
  echo "FAIL: the report differs from $golden (- golden, + now):"
  diff -u "$golden" "$tmp/report.md" | head -60
  echo "If the change is meant, review it and run:"
  echo "  $weighbridge report $example --format markdown -o $golden"
  status=1
fi
# The HTML report places its charts under headings of the Markdown report; the
# example has three groups, three eligible products and SMAA, so all four apply.
echo "== the HTML report of the same example has its four charts"
if "$weighbridge" report "$example" --format html -o "$tmp/report.html"; then
  for id in chart-groups chart-contributions chart-stability chart-smaa; do
    grep -q "<svg[^>]*aria-labelledby=\"$id-title" "$tmp/report.html" ||
      { echo "FAIL: no chart $id in the HTML report"; status=1; }
  done
else
  echo "FAIL: weighbridge report --format html exited non-zero"
  status=1
fi
[ $status -eq 0 ] && echo "PASS: $(basename "$golden")"
exit $status
