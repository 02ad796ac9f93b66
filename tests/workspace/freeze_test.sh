#!/usr/bin/env bash
# Fixing the method (weighbridge freeze), end to end:
#
#   freeze_test.sh WEIGHBRIDGE SOURCE_DIR
#
# A procurement small enough to work by hand: three criteria a, b and c, one
# panel member who gives each the same points. Expected values are worked out
# in the comments, not taken from earlier runs.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"

sql() { sqlite3 cms/weighbridge.db "$1"; }

run 0 init cms --framework social-care-digital
cat > cms/framework.toml <<'TOML'
[framework]
id = "mini"
version = "1.0.0"
title = "Three criteria"

[scale]
min = 0
max = 5

[[criterion]]
id = "a"
title = "A"
assess = "judgement"

[[criterion]]
id = "b"
title = "B"
assess = "judgement"

[[criterion]]
id = "c"
title = "C"
assess = "judgement"
TOML
cat > cms/procurement.toml <<'TOML'
[procurement]
id = "mini"
title = "A procurement worked by hand"
framework = "framework.toml"
TOML
cat > cms/candidates.toml <<'TOML'
[[candidate]]
id = "alpha"
name = "Alpha"

[[candidate]]
id = "beta"
name = "Beta"
TOML
# One member gives each criterion the same points: each weighs 1/3.
cat > cms/panel.toml <<'TOML'
[[group]]
id = "staff"

[[member]]
id = "m1"
group = "staff"

[[judgement]]
member = "m1"
parent = "root"
method = "points"
points = { a = 1, b = 1, c = 1 }
TOML

# --- freeze --------------------------------------------------------------
run 2 freeze cms
[[ "$(cat err.txt)" == '--note: error: say what fixes the method, e.g. --note "Published with the tender on 3 March"
nothing was written' ]] || fail "freeze without --note: $(cat err.txt)"
run 0 freeze cms --note "Published with the tender"
# The published weights, in tenths of a percent: 1000 / 3 = 333.33 each.
# Whole tenths first: 333 + 333 + 333 = 999, one tenth short of 100%. The
# largest-remainder step gives it to the largest remainder; the three are
# equal (0.33 each), so the first in the tree, a, gets it: 334, 333, 333.
# (Rounding each alone would publish 33.3% three times: 99.9%.)
grep -q "^weighbridge: the method is fixed (Published with the tender): the criteria, " err.txt ||
  fail "freeze says what it fixed: $(cat err.txt)"
grep -q "^  a: 33.4%$" err.txt && grep -q "^  b: 33.3%$" err.txt && grep -q "^  c: 33.3%$" err.txt ||
  fail "freeze prints the published weights: $(cat err.txt)"
[[ "$(sql "SELECT what FROM audit ORDER BY seq DESC LIMIT 1")" == "freeze" ]] ||
  fail "the freeze is not the newest audit entry"

# The method, written out by hand in canonical JSON (RFC 8785: members sorted,
# no spaces, 2.0 as 2): the tree, the scale (moderation_threshold defaults to
# 2), the weights above, and every setting at its default ([price] share 0,
# [costs] discount rate 0.035, no budget, no tie-break, [smaa] as loaded).
criterion() {
  printf '{"assess":"judgement","guidance":"","id":"%s","parent":"root","question":"","title":"%s"}' "$1" "$2"
}
method='{"budget":null,'
method+='"costs":{"discount_rate":0.035,"term_years":0,"uplift":0,"user_growth":0,"users":null},'
method+="\"criteria\":[$(criterion a A),$(criterion b B),$(criterion c C)],"
method+='"minimums":{},'
method+='"panel":{"exclude_cr_above":null,"within_group":"mean"},'
method+='"price":{"abnormally_low":0.3,"log_zero_at":2,"method":"lowest-relative",'
method+='"points_per_percent":1,"share":0,"zero_at_ratio":2},'
method+='"rules":[],'
method+='"scale":{"max":5,"min":0,"moderation_threshold":2},'
method+='"smaa":{"bounds":{},"fixed_scores":false,"samples":null,"seed":null,"weights":null},'
method+='"tie_break":[],'
method+='"weights":{"a":334,"b":333,"c":333}}'
expected_hash=$(printf '%s' "$method" | sha256sum | cut -d' ' -f1)
[[ "$(sql "SELECT method FROM freeze WHERE number = 1")" == "$method" ]] ||
  fail "the stored method differs from the one written by hand: $(sql 'SELECT method FROM freeze')"
[[ "$(sql "SELECT method_hash FROM freeze WHERE number = 1")" == "$expected_hash" ]] ||
  fail "the method hash is not the SHA-256 of the canonical method"
grep -q "^the method's hash: $expected_hash$" err.txt || fail "freeze prints the hash: $(cat err.txt)"

# --- evaluations use the published weights exactly -------------------------
# alpha: a 5, b 0, c 0; beta: a 0, b 5, c 5 (0-5 scale: 5 is 100 out of 100).
cat > cms/scores.toml <<'TOML'
[[score]]
evaluator = "e1"
candidate = "alpha"
criterion = "a"
value = 5

[[score]]
evaluator = "e1"
candidate = "alpha"
criterion = "b"
value = 0

[[score]]
evaluator = "e1"
candidate = "alpha"
criterion = "c"
value = 0

[[score]]
evaluator = "e1"
candidate = "beta"
criterion = "a"
value = 0

[[score]]
evaluator = "e1"
candidate = "beta"
criterion = "b"
value = 5

[[score]]
evaluator = "e1"
candidate = "beta"
criterion = "c"
value = 5
TOML
run 0 evaluate cms --format json -o fixed.json
# With the published weights: alpha 100 x 0.334 = 33.4, beta 100 x (0.333 + 0.333)
# = 66.6. With the panel's own thirds they would be 33.33... and 66.66...
python3 - fixed.json <<'PY' || fail "the totals do not use the published weights exactly"
import json, sys
d = json.load(open(sys.argv[1]))
total = {c["id"]: c["total"] for c in d["candidates"]}
ok = abs(total["alpha"] - 33.4) < 1e-9 and abs(total["beta"] - 66.6) < 1e-9
ok = ok and abs(total["alpha"] - 100 / 3) > 0.05
fixed = d["method_fixed"]
ok = ok and fixed["note"] == "Published with the tender" and fixed["amendments"] == []
ok = ok and fixed["weights"] == {"a": 0.334, "b": 0.333, "c": 0.333}
sys.exit(0 if ok else 1)
PY
run 0 evaluate cms --format markdown -o fixed.md
day=$(sql "SELECT substr(at, 1, 10) FROM freeze WHERE number = 1")
grep -qF "The method was fixed on $day (Published with the tender); weights used as published: A 33.4%, B 33.3%, C 33.3%." fixed.md ||
  fail "the report does not say the method was fixed: $(grep -i fixed fixed.md)"

# --- a second freeze, and a change, are refused ----------------------------
before=$(sha256sum cms/weighbridge.db)
run 2 freeze cms --note "Again"
[[ "$(cat err.txt)" == "weighbridge: the method is frozen already (Published with the tender). To change it, run weighbridge freeze cms --amend --reason TEXT, which records the change and why in every later report
nothing was written" ]] || fail "a second freeze: $(cat err.txt)"
echo 'tie_break = ["criterion:c"]' >> cms/procurement.toml
run 2 import cms cms/procurement.toml
[[ "$(cat err.txt)" == "weighbridge: this import would change the method, which was fixed (Published with the tender) and is used as fixed: it changes the tie-break. To change it, give --amend --reason TEXT; the change and its reason are then listed in every later report
nothing was stored" ]] || fail "a change to the tie-break after the freeze: $(cat err.txt)"
[[ "$(sha256sum cms/weighbridge.db)" == "$before" ]] || fail "a refused change wrote to the workspace"

# --- an amendment with its reason ------------------------------------------
run 2 freeze cms --amend
grep -q "^--amend: error: an amendment needs its reason" err.txt || fail "--amend alone: $(cat err.txt)"
run 0 freeze cms --amend --reason "Clarification 2 to all bidders"
grep -q "^weighbridge: the method is amended (Clarification 2 to all bidders): the tie-break$" err.txt ||
  fail "the amendment: $(cat err.txt)"
[[ "$(sql "SELECT what FROM audit ORDER BY seq DESC LIMIT 2" | tr '\n' ' ')" == "amend import " ]] ||
  fail "an amendment logs the import, then the amendment"
[[ "$(sql "SELECT kind, note, old_method_hash FROM freeze WHERE number = 2")" == "amend|Clarification 2 to all bidders|$expected_hash" ]] ||
  fail "the amendment row: $(sql 'SELECT kind, note, old_method_hash FROM freeze WHERE number = 2')"
# The amended method is the one above with the tie-break.
amended=${method/'"tie_break":[]'/'"tie_break":["criterion:c"]'}
[[ "$(sql "SELECT method_hash FROM freeze WHERE number = 2")" == "$(printf '%s' "$amended" | sha256sum | cut -d' ' -f1)" ]] ||
  fail "the amended method's hash"
run 0 evaluate cms --format markdown -o amended.md
day=$(sql "SELECT substr(at, 1, 10) FROM freeze WHERE number = 2")
grep -qF -- "- on $day by tester, because Clarification 2 to all bidders (it changed the tie-break)" amended.md ||
  fail "the report does not list the amendment: $(grep -i -A3 'changed after' amended.md)"
# import and evaluate take --amend --reason too.
sed -i 's/criterion:c/criterion:b/' cms/procurement.toml
run 2 import cms cms/procurement.toml --reason "Clarification 3"
[[ "$(head -n 1 err.txt)" == "--reason: error: a reason goes with --amend, to change a method fixed already" ]] ||
  fail "--reason without --amend: $(cat err.txt)"
run 0 import cms cms/procurement.toml --amend --reason "Clarification 3"
[[ "$(sql "SELECT what FROM audit ORDER BY seq DESC LIMIT 1")" == "amend" ]] ||
  fail "import --amend did not log an amendment"
sed -i 's/criterion:b/criterion:a/' cms/procurement.toml
run 0 evaluate cms --format json -o amended.json --amend --reason "Clarification 4"
python3 - amended.json <<'PY' || fail "the JSON does not list the three amendments"
import json, sys
fixed = json.load(open(sys.argv[1]))["method_fixed"]
reasons = [a["reason"] for a in fixed["amendments"]]
sys.exit(0 if reasons == ["Clarification 2 to all bidders", "Clarification 3", "Clarification 4"]
         and all(a["changed"] == ["the tie-break"] for a in fixed["amendments"]) else 1)
PY
run 0 freeze cms --amend --reason "Nothing new"
grep -q "nothing to amend" err.txt || fail "an amendment with nothing changed: $(cat err.txt)"

# --- verify checks the freeze rows ----------------------------------------
run 0 verify cms
cp cms/weighbridge.db kept.db
# A hand edit of the fixed weights (the trigger, which stops it, removed first).
sql "DROP TRIGGER freeze_final_update; UPDATE freeze SET method = replace(method, '\"a\":334', '\"a\":500') WHERE number = 1"
run 1 verify cms
grep -q "^weighbridge: the fixed method does not match audit entry [0-9]* that logged it: it was changed after it was logged$" err.txt ||
  fail "verify of an edited freeze: $(cat err.txt)"
cp kept.db cms/weighbridge.db
rm -f cms/weighbridge.db-wal cms/weighbridge.db-shm
sql "DROP TRIGGER freeze_final_delete; DELETE FROM freeze WHERE number = 2"
run 1 verify cms
grep -q "^weighbridge: audit entry [0-9]* logged an amendment of the method whose record is no longer in the workspace" err.txt ||
  fail "verify of a deleted amendment: $(cat err.txt)"

if (( failures > 0 )); then
  echo "$failures failures" >&2
  exit 1
fi
echo "all freeze tests passed"
