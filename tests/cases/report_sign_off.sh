#!/bin/sh
# report_sign_off.sh WEIGHBRIDGE EXAMPLE_DIR BARE_DIR
#
# `weighbridge report --decision-record` and `--summaries` end to end. The folders
# are only read. EXAMPLE_DIR gives every supplier's details; BARE_DIR gives none.
# Checks that
#   1. --summaries DIR writes one assessment-summary-<id>.md per [[candidate]] of
#      candidates.toml (ids read from the file here, not from weighbridge), each
#      naming its product, and warns about nothing when every detail is given;
#   2. on BARE_DIR it still writes every summary, with one warning per candidate
#      naming supplier, supplier_id, address and email;
#   3. --decision-record -o FILE names, as the product to award, the one the
#      reference model (tests/reference/) puts first;
#   4. --summaries with --format html, or with -o alone, is refused with exit 2 and
#      nothing is written.
set -u
if [ $# -ne 3 ]; then
  echo "usage: report_sign_off.sh WEIGHBRIDGE EXAMPLE_DIR BARE_DIR" >&2
  exit 2
fi
weighbridge=$1
example=$2
bare=$3
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

echo "== summaries of $example"
"$weighbridge" report "$example" --summaries "$tmp/example" 2>"$tmp/example.err" ||
  fail "report --summaries exited $?"
"$python" - "$example/candidates.toml" "$tmp/example" "$tmp/example.err" 0 <<'PY' || status=1
import os, re, sys, tomllib
candidates = tomllib.load(open(sys.argv[1], "rb"))["candidate"]
folder, err, warnings_each = sys.argv[2], open(sys.argv[3]).read(), int(sys.argv[4])
bad = 0
expected = sorted(f"assessment-summary-{c['id']}.md" for c in candidates)
if sorted(os.listdir(folder)) != expected:
    print(f"files {sorted(os.listdir(folder))}, expected {expected}")
    bad += 1
for c in candidates:
    path = os.path.join(folder, f"assessment-summary-{c['id']}.md")
    if os.path.exists(path) and c["name"] not in open(path).read():
        print(f"{path} does not name {c['name']!r}")
        bad += 1
    missing = [k for k in ("supplier", "supplier_id", "address", "email") if k not in c]
    lines = [l for l in err.splitlines() if l.startswith("warning:") and f"'{c['id']}'" in l
             and "not final" not in l]
    if warnings_each and not (len(lines) == 1 and all(k in lines[0] for k in missing)):
        print(f"{c['id']}: expected one warning naming {missing}, got {lines}")
        bad += 1
    if not warnings_each and lines:
        print(f"{c['id']}: no warning expected, got {lines}")
        bad += 1
sys.exit(1 if bad else 0)
PY

echo "== summaries of $bare, which gives no supplier details"
"$weighbridge" report "$bare" --summaries "$tmp/bare" 2>"$tmp/bare.err" ||
  fail "report --summaries exited $? on $bare"
"$python" - "$bare/candidates.toml" "$tmp/bare" "$tmp/bare.err" 1 <<'PY' || status=1
import os, sys, tomllib
candidates = tomllib.load(open(sys.argv[1], "rb"))["candidate"]
err = open(sys.argv[3]).read()
bad = 0
for c in candidates:
    if not os.path.exists(os.path.join(sys.argv[2], f"assessment-summary-{c['id']}.md")):
        print(f"no summary for {c['id']}")
        bad += 1
    lines = [l for l in err.splitlines() if l.startswith("warning:") and f"'{c['id']}'" in l
             and "not final" not in l]
    if len(lines) != 1 or not all(k in lines[0] for k in ("supplier_id", "address", "email")):
        print(f"{c['id']}: expected one warning naming supplier_id, address and email, got {lines}")
        bad += 1
sys.exit(1 if bad else 0)
PY

echo "== decision record of $example"
"$weighbridge" report "$example" --decision-record -o "$tmp/record.md" ||
  fail "report --decision-record exited $?"
"$python" "$here/../reference/reference_model.py" "$example" >"$tmp/reference.json" ||
  fail "the reference model failed on $example"
"$python" - "$tmp/reference.json" "$example/candidates.toml" "$tmp/record.md" <<'PY' || status=1
import json, sys, tomllib
reference = json.load(open(sys.argv[1]))
names = {c["id"]: c["name"] for c in tomllib.load(open(sys.argv[2], "rb"))["candidate"]}
record = open(sys.argv[3]).read()
winner = names[reference["ranking"][0]]
decision = record.split("## Decision", 1)[-1].split("\n## ", 1)[0]
if winner not in decision:
    print(f"the record's decision does not name {winner!r}:\n{decision}")
    sys.exit(1)
print(f"the decision names {winner}, as the reference model does")
PY

echo "== options that cannot go together"
"$weighbridge" report "$example" --summaries "$tmp/html" --format html 2>/dev/null
code=$?
[ $code -eq 2 ] || fail "--summaries with --format html exited $code, expected 2"
[ -e "$tmp/html" ] && fail "--summaries with --format html made its folder"
"$weighbridge" report "$example" --summaries "$tmp/o" -o "$tmp/o.md" 2>/dev/null
code=$?
[ $code -eq 2 ] || fail "--summaries with -o exited $code, expected 2"
{ [ -e "$tmp/o" ] || [ -e "$tmp/o.md" ]; } && fail "--summaries with -o wrote something"

[ $status -eq 0 ] && echo "PASS"
exit $status
