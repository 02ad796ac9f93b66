#!/usr/bin/env bash
# Stored decisions made again, end to end:
#
#   decisions_test.sh WEIGHBRIDGE SOURCE_DIR
#
# The procurement in decisions/ (two criteria, one group of two members, one
# evaluator), evaluated as a workspace; then a score changes and it is
# evaluated again. `weighbridge report DIR --decision N` must give each
# decision's own values, with its number, the audit log's head and its
# approval; a stored decision changed by hand must be refused.
#
# Weights, worked by hand: within a group the members' weights are averaged
# (docs/methods.md, "Within a group"). m1 gives usability 60 and privacy 40
# points (0.6, 0.4); m2 gives 20 and 80 (0.2, 0.8); the group, and so the
# panel, weighs usability (0.6 + 0.2) / 2 = 0.4 and privacy (0.4 + 0.8) / 2 = 0.6.
# Scores on the scale 0 to 5 become 0 to 100 by x * 20.
#
# Decision 1 (scores.toml):
#   alpha: usability 4 -> 80, privacy 3 -> 60: 0.4 * 80 + 0.6 * 60 = 32 + 36 = 68
#   beta:  usability 2 -> 40, privacy 5 -> 100: 0.4 * 40 + 0.6 * 100 = 16 + 60 = 76
#   gamma: usability 5 -> 100, privacy 1 -> 20: 0.4 * 100 + 0.6 * 20 = 40 + 12 = 52
#   ranking beta, alpha, gamma
# Decision 2, after e1 scores beta's privacy 2 (-> 40) instead of 5:
#   beta: 0.4 * 40 + 0.6 * 40 = 16 + 24 = 40; ranking alpha, gamma, beta
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"
inputs="$source_dir/tests/workspace/decisions"

sql() { sqlite3 p/weighbridge.db "$1"; }
# totals FILE: "id total" per candidate of a JSON decision, in ranking order.
totals() {
  python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
by_id = {c["id"]: c["total"] for c in d["candidates"]}
print(" ".join(f"{i}={by_id[i]:.6f}" for i in d["ranking"]))
PY
}

# The panel and candidates first, then (once weighbridge has a freeze) the
# method is fixed, then the scores: the order of work the workspace asks for.
run 0 init p --framework social-care-digital
cp "$inputs"/{procurement,framework,candidates,panel}.toml p/
run 0 import p p/procurement.toml p/candidates.toml p/panel.toml
run 0 freeze p --note "Published with the tender"
cp "$inputs/scores.toml" p/

# --- decision 1 ------------------------------------------------------------
run 0 evaluate p --format json -o d1.json
printed1=$(sed -n 's/^weighbridge: stored as decision 1; the audit log.s head is now \([0-9a-f]\{64\}\) .*/\1/p' err.txt)
[[ "$(totals d1.json)" == "beta=76.000000 alpha=68.000000 gamma=52.000000" ]] ||
  fail "decision 1's totals: $(totals d1.json)"
head1=$(sql "SELECT hash FROM audit WHERE seq = (SELECT audit_seq FROM decision WHERE number = 1)")
[[ -n "$printed1" && "$printed1" == "$head1" ]] ||
  fail "evaluate printed head '$printed1', decision 1's entry is '$head1'"
# The JSON written is the stored decision, byte for byte: no number or head in it.
python3 - d1.json <<'PY' || fail "the JSON written is not the stored decision"
import sqlite3, sys
stored = sqlite3.connect("p/weighbridge.db").execute(
    "SELECT decision_json FROM decision WHERE number = 1").fetchone()[0]
sys.exit(0 if open(sys.argv[1]).read() == stored else 1)
PY
grep -q "$head1" d1.json && fail "the decision JSON holds the head"
# The Markdown report of an evaluation says which decision it is.
run 0 evaluate p --format markdown -o again.md
[[ "$(grep -c 'This is decision 2 in the workspace' again.md)" == 1 ]] ||
  fail "evaluate's report does not say it is decision 2"
head2=$(sql "SELECT hash FROM audit WHERE seq = (SELECT audit_seq FROM decision WHERE number = 2)")
grep -qF -- "- This is decision 2 in the workspace; the audit log's head at that moment was \`$head2\`. \`weighbridge verify p --head $head2\` checks later that nothing since was removed." again.md ||
  fail "evaluate's report: $(grep 'in the workspace' again.md)"
# Decisions 1 and 2 have the same inputs: the same stored JSON.
[[ "$(sql 'SELECT COUNT(DISTINCT decision_json) FROM decision')" == 1 ]] ||
  fail "the same inputs gave two different stored decisions"

# --- decision 3: a changed score ---------------------------------------------
run 0 score p --evaluator e1 --candidate beta --criterion privacy --value 2 --rationale "Re-read"
run 0 evaluate p --format json -o d3.json
[[ "$(totals d3.json)" == "alpha=68.000000 gamma=52.000000 beta=40.000000" ]] ||
  fail "decision 3's totals: $(totals d3.json)"
run 0 approve p --decision 3 --by "Pat Jones" --role "Director of Adult Social Care" --note "As the panel advised"

# --- report --decision: each decision's own values ---------------------------
run 0 report p --decision 1 -o r1.md
grep -qF -- "- This is decision 1 in the workspace; the audit log's head at that moment was \`$head1\`. \`weighbridge verify p --head $head1\` checks later that nothing since was removed." r1.md ||
  fail "report --decision 1 does not give decision 1 and its head"
grep -q "Approved by" r1.md && fail "decision 1 was not approved, but its report says so"
# Beta is first in decision 1 with 76.0; alpha second with 68.0.
grep -q "^| 1 | Beta Care | | 76.0 | |$" r1.md || fail "report --decision 1 does not rank beta first with 76.0"
grep -q "^| 2 | Alpha Care | | 68.0 | |$" r1.md || fail "report --decision 1 does not rank alpha second"
run 0 report p --decision 3 -o r3.md
grep -q "^| 1 | Alpha Care | | 68.0 | |$" r3.md || fail "report --decision 3 does not rank alpha first"
grep -q "^| 3 | Beta Care | | 40.0 | |$" r3.md || fail "report --decision 3 does not give beta 40.0"
grep -qF -- "- Approved by Pat Jones (Director of Adult Social Care) at " r3.md ||
  fail "report --decision 3 does not show the approval"
run 0 report p --decision 3 --format html -o r3.html
grep -q "This is decision 3 in the workspace" r3.html || fail "the HTML report lacks the decision's number"
run 0 report p --decision 3 --decision-record -o record3.md
grep -q "^| Pat Jones | Director of Adult Social Care | [0-9T:Z-]* | As the panel advised |$" record3.md ||
  fail "the decision record does not show the approval: $(grep -A4 '## Approvals' record3.md)"
# The folder's own report (no --decision) is as before: no workspace lines.
run 0 report p -o plain.md
grep -q "in the workspace;" plain.md && fail "report without --decision names a decision"
run 2 report p --decision 2 --seed 7
[[ "$(cat err.txt)" == "--decision: error: a stored decision is made again with the options stored with it; leave out --allow-incomplete, --weights, --samples, --seed and --fixed-scores
nothing was written" ]] || fail "--decision with --seed: $(cat err.txt)"

# --- a stored decision changed by hand cannot be reproduced --------------------
input1=$(sql "SELECT input_hash FROM decision WHERE number = 1")
sql "DROP TRIGGER decision_final_update; UPDATE decision SET decision_json = decision_json || ' ' WHERE number = 1"
run 1 report p --decision 1 -o tampered.md
[[ ! -e tampered.md ]] || fail "a report was written for a decision that cannot be reproduced"
grep -q "^weighbridge: decision 1 (input hash $input1) cannot be reproduced: evaluating the inputs as they stood then does not give the decision stored" err.txt ||
  fail "the message for a changed decision: $(cat err.txt)"
run 0 report p --decision 3 -o r3-again.md
cmp -s r3.md r3-again.md || fail "decision 3 is reported differently after decision 1 was changed"

if (( failures > 0 )); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all decision checks passed"
