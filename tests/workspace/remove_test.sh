#!/usr/bin/env bash
# weighbridge remove, end to end:
#
#   remove_test.sh WEIGHBRIDGE SOURCE_DIR
#
# The procurement in decisions/ (see decisions_test.sh for its weights: usability
# 0.4 and privacy 0.6 from members m1 (0.6, 0.4) and m2 (0.2, 0.8) averaged;
# scores x on 0 to 5 count x * 20). Expected totals are worked by hand below.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"
inputs="$source_dir/tests/workspace/decisions"

# totals FILE: "id=total" per ranked candidate of a JSON decision, best first.
totals() {
  python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
by_id = {c["id"]: c["total"] for c in d["candidates"]}
print(" ".join(f"{i}={by_id[i]:.6f}" for i in d["ranking"]))
PY
}
ids() { python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(open(sys.argv[1]))["candidates"]))' "$1"; }
# start FOLDER: a workspace with the panel and candidates imported; the method
# fixed (once weighbridge has a freeze) only by `scores`.
start() {
  run 0 init "$1" --framework social-care-digital
  cp "$inputs"/{procurement,framework,candidates,panel}.toml "$1"/
  run 0 import "$1" "$1"/procurement.toml "$1"/candidates.toml "$1"/panel.toml
}
scores() {
  run 0 freeze "$1" --note "Published with the tender"
  cp "$inputs/scores.toml" "$1"/
}

# --- a candidate -------------------------------------------------------------
start p
scores p
run 0 evaluate p --format json -o d1.json
# With beta: beta 0.4*40 + 0.6*100 = 76, alpha 0.4*80 + 0.6*60 = 68, gamma 0.4*100 + 0.6*20 = 52.
[[ "$(totals d1.json)" == "beta=76.000000 alpha=68.000000 gamma=52.000000" ]] ||
  fail "with beta: $(totals d1.json)"
run 0 remove p --candidate beta --reason "Withdrew its bid on 20 March"
[[ "$(cat out.txt)" == "removed candidate beta; the scores and consensus about it no longer count. Earlier versions stay on record; evaluate again for a new decision" ]] ||
  fail "remove says: $(cat out.txt)"
run 0 evaluate p --format json -o d2.json
# Without beta the weights do not change: alpha 68 first, gamma 52.
[[ "$(totals d2.json)" == "alpha=68.000000 gamma=52.000000" ]] || fail "without beta: $(totals d2.json)"
[[ "$(ids d2.json)" == "alpha gamma" ]] || fail "beta is still a candidate: $(ids d2.json)"
[[ "$(sqlite3 p/weighbridge.db "SELECT version, source_file FROM submission WHERE kind = 'candidate' AND subject = 'beta' ORDER BY version")" == "1|p/candidates.toml
2|(remove)" ]] || fail "beta's versions are not the import and the tombstone"
run 0 history p
grep -q "tester (user:1)  remove candidate 'beta' (version 2): Withdrew its bid on 20 March$" out.txt ||
  fail "history does not show the removal: $(grep remove out.txt)"
run 0 verify p
run 2 remove p --candidate beta --reason "Again"
[[ "$(cat err.txt)" == "weighbridge: there is no candidate 'beta' in the workspace: it was removed already. Nothing was written" ]] ||
  fail "removing beta twice: $(cat err.txt)"
# Decision 1 was made with beta, and is still made again with it.
run 0 report p --decision 1 -o r1.md
grep -q "^| 1 | Beta Care | | 76.0 | |$" r1.md || fail "decision 1 no longer has beta first"

# --- an evaluator ------------------------------------------------------------
# e2's scores, beta's among them: those for beta are kept but do not count.
run 0 import p "$inputs/scores-e2.toml"
run 0 evaluate p --format json -o d3.json
# alpha's usability is now the mean of 4 and 2, 3 -> 60: 0.4*60 + 0.6*60 = 60; gamma as
# before (e2 agrees with e1), 52.
[[ "$(totals d3.json)" == "alpha=60.000000 gamma=52.000000" ]] || fail "with e2: $(totals d3.json)"
run 0 remove p --evaluator e2 --reason "e2 declared an interest after scoring"
run 0 evaluate p --format json -o d4.json
[[ "$(totals d4.json)" == "alpha=68.000000 gamma=52.000000" ]] || fail "without e2: $(totals d4.json)"
run 2 remove p --evaluator e9 --reason "No such evaluator"
[[ "$(cat err.txt)" == "weighbridge: there is no evaluator 'e9' in the workspace; weighbridge history lists what was imported. Nothing was written" ]] ||
  fail "removing an unknown evaluator: $(cat err.txt)"

# --- importing it again brings it back ---------------------------------------
run 0 import p p/candidates.toml
run 0 evaluate p --format json -o d5.json
# beta with e1's scores only (e2 is removed): 76 again.
[[ "$(totals d5.json)" == "beta=76.000000 alpha=68.000000 gamma=52.000000" ]] ||
  fail "beta imported again: $(totals d5.json)"
run 0 verify p

# --- a panel member, after the method is fixed ---------------------------------
# m2's judgements make half the published weights: removing them changes the
# method, so it needs --amend, as an import would.
entries=$(sqlite3 p/weighbridge.db 'SELECT COUNT(*) FROM audit')
run 2 remove p --member m2 --reason "Left the panel"
[[ "$(cat err.txt)" == "weighbridge: this removal would change the method, which was fixed (Published with the tender) and is used as fixed: it changes the weights. To change it, give --amend --reason TEXT; the change and its reason are then listed in every later report" ]] ||
  fail "removing a member after the freeze: $(cat err.txt)"
[[ "$(sqlite3 p/weighbridge.db 'SELECT COUNT(*) FROM audit')" == "$entries" ]] || fail "a refused removal wrote something"
run 0 remove p --member m2 --reason "Left the panel on 2 April" --amend
[[ "$(sqlite3 p/weighbridge.db 'SELECT what FROM audit ORDER BY seq DESC LIMIT 3' | tr '\n' ' ')" == "amend remove remove " ]] ||
  fail "the removal and its amendment are not logged"
run 0 evaluate p --format json -o d6.json
# The amendment publishes m1's own weights, usability 60% and privacy 40%, as
# for q below: alpha 72, gamma 68, beta 64.
[[ "$(totals d6.json)" == "alpha=72.000000 gamma=68.000000 beta=64.000000" ]] ||
  fail "after the amended removal: $(totals d6.json)"
run 0 evaluate p -o d6.md
grep -q "Left the panel on 2 April" d6.md || fail "the report does not list the amendment's reason"
run 0 verify p

# --- a panel member, removed before the method is fixed ----------------------
start q
run 0 remove q --member m2 --reason "Left the panel"
[[ "$(sqlite3 q/weighbridge.db "SELECT kind FROM submission WHERE subject = 'm2' AND source_file = '(remove)' ORDER BY kind")" == "judgements
member" ]] || fail "m2 and their judgements were not both withdrawn"
scores q
run 0 evaluate q --format json -o m.json
# m1 alone weighs usability 0.6, privacy 0.4: alpha 0.6*80 + 0.4*60 = 72,
# gamma 0.6*100 + 0.4*20 = 68, beta 0.6*40 + 0.4*100 = 64.
[[ "$(totals m.json)" == "alpha=72.000000 gamma=68.000000 beta=64.000000" ]] ||
  fail "without m2: $(totals m.json)"
run 2 remove q --member m3 --reason "No such member"
run 2 remove q --member m1 --evaluator e1 --reason "Two at once"
[[ "$(cat err.txt)" == "remove: error: name one thing to remove: --candidate, --member or --evaluator
nothing was written" ]] || fail "two things at once: $(cat err.txt)"

if (( failures > 0 )); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all remove checks passed"
