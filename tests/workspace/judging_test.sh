#!/usr/bin/env bash
# weigh, exclude, investigate and blind scoring (scores --as) end to end, as a
# commissioner would run them:
#
#   judging_test.sh WEIGHBRIDGE SOURCE_DIR
#
# Expected values are worked by hand from the inputs (see the comments), not
# taken from earlier runs.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"
minimal="$source_dir/tests/bad/good-minimal/input"

sql() { sqlite3 "$1" "$2"; }
# total JSON ID: prints candidate ID's total from a JSON report.
total() {
  python3 -c 'import json,sys; print(next(c["total"] for c in json.load(open(sys.argv[1]))["candidates"] if c["id"] == sys.argv[2]))' "$1" "$2"
}
near() { python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[1]) - float(sys.argv[2])) < 1e-9 else 1)' "$1" "$2"; }
# The method is fixed before scoring: judgements are taken before it, scores
# after it.
freeze() {
  run 0 freeze "$1" --note "Method published with the tender"
}
# init finds the minimal framework (id "minimal") as if it were installed, so
# these tests depend on no shipped framework.
export WEIGHBRIDGE_CRITERIA_PATH="$minimal"
# A workspace from the minimal procurement (usability and privacy, scale 0-5),
# its candidates and panel imported, no scores yet.
start() {
  run 0 init "$1" --framework minimal
  cp "$minimal"/{procurement,framework,candidates,panel}.toml "$1"/
  run 0 import "$1" "$1"/procurement.toml "$1"/candidates.toml "$1"/panel.toml
}

# --- weigh ---------------------------------------------------------------------
start w
run 2 weigh w --member m2 --parent root --method points --set usability=35 --set privacy=65
[[ "$(cat err.txt)" == "weighbridge: m2 is not a member of the panel; give --group GROUP to add them to a group, or check the id. Nothing was written" ]] ||
  fail "weigh for an unknown member: $(cat err.txt)"
# Rank with a tie: equal places are one inner list of the order.
run 0 weigh w --member m2 --group staff --parent root --method rank --set usability=1 --set privacy=1
[[ "$(cat out.txt)" == "added m2 to the panel, in group staff
recorded m2's judgement of what matters most under root, by rank" ]] || fail "weigh rank: $(cat out.txt)"
sql w/weighbridge.db "SELECT toml FROM submission WHERE kind = 'judgements' AND subject = 'm2'" |
  grep -qx 'order = \[\["privacy", "usability"\]\]' || fail "a tie is not stored as one inner list"
run 0 weigh w --member m2 --parent root --method points --set usability=35 --set privacy=65
[[ "$(cat out.txt)" == "recorded m2's judgement of what matters most under root, by points (it replaces their earlier one there)" ]] ||
  fail "weigh replacing: $(cat out.txt)"
run 0 weigh w --member m2 --parent root --method points --set usability=35 --set privacy=65
[[ "$(cat out.txt)" == "nothing changed: this judgement was recorded already" ]] || fail "weigh twice: $(cat out.txt)"
run 0 weigh w --member m1 --parent root --method pairwise --set usability/privacy=1/3 --by chair
[[ "$(sql w/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'judgements' AND subject = 'm1'")" == 2 ]] ||
  fail "m1's judgement from panel.toml was not kept beside the new one"
# The entry names chair by the user id chair was given; the name is kept apart.
chair=$(sql w/weighbridge.db "SELECT who FROM audit ORDER BY seq DESC LIMIT 1")
[[ "$(sql w/weighbridge.db "SELECT value FROM person_data WHERE person = '$chair' AND field = 'name'")" == chair ]] ||
  fail "weigh --by is not the entry's who"
run 2 weigh w --member m1 --parent root --method points --set usability
[[ "$(cat err.txt)" == "weighbridge: --set usability: write a criterion and its value, e.g. --set rights=40" ]] ||
  fail "weigh --set without a value: $(cat err.txt)"
run 2 weigh w --member m1 --parent root --method rank --set usability=1.5 --set privacy=1
grep -q "^weighbridge: --set usability=1.5: for rank, give each criterion its place" err.txt ||
  fail "rank with a fractional place: $(cat err.txt)"
freeze w
cp "$minimal"/scores.toml w/
run 0 evaluate w --format json -o w.json
# m1 pairwise usability/privacy = 1/3: with two criteria, weights 1/4 and 3/4.
# m2 points 35/65: 0.35 and 0.65. Group staff, the mean: usability
# (0.25 + 0.35) / 2 = 0.30, privacy (0.75 + 0.65) / 2 = 0.70 (exact at 0.1%).
# e1's scores, scale 0-5 as 0-100 (x20): alpha usability 4 -> 80, privacy 3 -> 60;
# beta usability 2 -> 40, privacy 5 -> 100.
# alpha: 0.3 * 80 + 0.7 * 60 = 24 + 42 = 66; beta: 0.3 * 40 + 0.7 * 100 = 12 + 70 = 82.
near "$(total w.json alpha)" 66 || fail "alpha's total after weigh is $(total w.json alpha), not 66"
near "$(total w.json beta)" 82 || fail "beta's total after weigh is $(total w.json beta), not 82"

# --- assignments and blind scoring ------------------------------------------------
start b
freeze b
cat > b-scores.toml <<'EOF'
[[assignment]]
evaluator = "e1"
criteria = ["usability"]

[[assignment]]
evaluator = "e2"
criteria = ["privacy"]

[[score]]
evaluator = "e1"
candidate = "alpha"
criterion = "usability"
value = 4
rationale = "Clear menus"

[[score]]
evaluator = "e1"
candidate = "beta"
criterion = "usability"
value = 2

[[score]]
evaluator = "e2"
candidate = "alpha"
criterion = "privacy"
value = 3
rationale = "Consent per purpose"

[[score]]
evaluator = "e3"
candidate = "alpha"
criterion = "usability"
value = 5

[[score]]
evaluator = "e3"
candidate = "alpha"
criterion = "privacy"
value = 4
EOF
run 0 import b b-scores.toml
[[ "$(sql b/weighbridge.db "SELECT group_concat(subject) FROM submission WHERE kind = 'assignment'")" == "e1,e2" ]] ||
  fail "each evaluator's assignment is not its own submission"
# e1 is assigned usability only.
run 2 score b --evaluator e1 --candidate beta --criterion privacy --value 3 --rationale x
grep -q "^(score):[0-9]*:13: error: evaluator 'e1' scores 'privacy', which is not assigned to them (their assignment: usability)$" err.txt ||
  fail "a score outside the assignment: $(cat err.txt)"
# e2 (privacy) has scored alpha's privacy: they see the others' alpha scores,
# in the criteria's order (usability, privacy), then by evaluator. They have
# not scored beta: beta's other scores (e1 usability 2) stay hidden.
run 0 scores b --as e2
[[ "$(cat out.txt)" == "Scores seen by e2, who is to score privacy (their assignment)

Alpha Care (alpha)
  your scores:
    privacy: 3 (Consent per purpose)
  other evaluators' scores:
    e1 usability: 4 (Clear menus)
    e3 usability: 5
    e3 privacy: 4

Beta Care (beta)
  your scores: none yet
  1 criterion is still yours to score (privacy); the other evaluators' scores are shown once you have scored it" ]] ||
  fail "scores --as e2: $(cat out.txt)"
# e3 has no assignment, so is to score both criteria.
run 0 scores b --as e3
[[ "$(cat out.txt)" == "Scores seen by e3, who is to score every criterion scored by evaluators

Alpha Care (alpha)
  your scores:
    usability: 5
    privacy: 4
  other evaluators' scores:
    e1 usability: 4 (Clear menus)
    e2 privacy: 3 (Consent per purpose)

Beta Care (beta)
  your scores: none yet
  2 criteria are still yours to score (usability, privacy); the other evaluators' scores are shown once you have scored them" ]] ||
  fail "scores --as e3: $(cat out.txt)"
grep -q "e1 usability: 2" out.txt && fail "e3 saw beta's scores before scoring beta"
run 0 verify b

# --- exclude and investigate: a priced procurement --------------------------------
# Price has a 30% share; term 5 years. With A the present value of 1 a year for
# the 5 years (about 4.5 at 3.5%; anything from 4 to 5 gives the same flags):
# alpha 50,000 + 25,000 A, beta 30,000 A, gamma 5,000 A.
# gamma against the mean of alpha and beta, 25,000 + 27,500 A: 5,000 A is below
# 70% of it (at A = 4: 20,000 < 0.7 x 135,000), so gamma is flagged abnormally low.
# beta against the mean of alpha and gamma, 25,000 + 15,000 A: 30,000 A is above
# it, so beta is not flagged; nor is alpha, the dearest.
priced() {
  run 0 init "$1" --framework minimal
  cp "$minimal"/{framework,panel}.toml "$1"/
  cp "$source_dir"/tests/bad/cost-score-on-price/input/procurement.toml "$1"/
  cat > "$1"/candidates.toml <<'EOF'
[[candidate]]
id = "alpha"
name = "Alpha Care"

[candidate.costs]
one_off = { implementation = 50000 }
annual = { licence = 20000, support = 5000 }

[[candidate]]
id = "beta"
name = "Beta Care"

[candidate.costs]
annual = { licence = 25000, support = 5000 }

[[candidate]]
id = "gamma"
name = "Gamma Care"

[candidate.costs]
annual = { licence = 4000, support = 1000 }
EOF
  run 0 import "$1" "$1"/procurement.toml "$1"/candidates.toml "$1"/panel.toml
  freeze "$1"
  { cat "$minimal"/scores.toml; printf '\n[[score]]\nevaluator = "e1"\ncandidate = "gamma"\ncriterion = "%s"\nvalue = 3\n' usability privacy; } > "$1"/scores.toml
  run 0 import "$1" "$1"/scores.toml
}
priced p
priced q  # the same procurement, for the other outcome
run 2 investigate p --candidate beta --outcome accepted --note "Checked"
grep -q "^weighbridge: beta's bid is not flagged as abnormally low" err.txt ||
  fail "investigate for a bid not flagged: $(cat err.txt)"
run 0 investigate p --candidate gamma --outcome accepted --note "The supplier showed its costs: a grant pays for development"
[[ "$(cat out.txt)" == "recorded the investigation of gamma's low bid: accepted; its flag now says so" ]] ||
  fail "investigate accepted: $(cat out.txt)"
run 2 investigate p --candidate gamma --outcome rejected --note "Again"
grep -q "^weighbridge: candidate 'gamma' has a \[candidate.low_bid_investigation\] recorded already" err.txt ||
  fail "a second investigation: $(cat err.txt)"
run 0 evaluate p --format json -o p.json
python3 - p.json <<'PY' || fail "gamma's flag does not say it was investigated and accepted"
import json, sys
gamma = next(c for c in json.load(open(sys.argv[1]))["candidates"] if c["id"] == "gamma")
flag = next(f for f in gamma["cost"]["flags"] if f["flag"] == "abnormally-low")
end = " The authority investigated it and accepted the bid: The supplier showed its costs: a grant pays for development"
sys.exit(0 if flag["reason"].endswith(end) and gamma["eligible"] else 1)
PY
run 0 evaluate p --format markdown -o p.md
grep -q "accepted the bid: The supplier showed its costs" p.md || fail "the report does not show the accepted investigation"
run 0 verify p

run 0 investigate q --candidate gamma --outcome rejected --note "No answer by the deadline"
[[ "$(cat out.txt)" == 'recorded the investigation of gamma'"'"'s low bid: rejected; the bid is excluded on the ground "Abnormally low bid rejected after investigation"' ]] ||
  fail "investigate rejected: $(cat out.txt)"
run 0 exclude q --candidate alpha --ground "Late submission" --reason "Arrived at 12:05, after the noon deadline"
[[ "$(cat out.txt)" == "recorded the exclusion of alpha (Late submission); it cannot be ranked, and its scores stay on record" ]] ||
  fail "exclude: $(cat out.txt)"
run 2 exclude q --candidate alpha --ground "Late" --reason "Again"
grep -q "^weighbridge: candidate 'alpha' has a \[candidate.exclusion\] recorded already" err.txt ||
  fail "excluding twice: $(cat err.txt)"
run 2 exclude q --candidate nobody --ground "Late" --reason "x"
grep -q "^weighbridge: there is no candidate 'nobody' in this workspace" err.txt || fail "exclude nobody: $(cat err.txt)"
run 0 evaluate q --format json -o q.json
python3 - q.json <<'PY' || fail "the exclusions are not the rule 'exclusion' failing for alpha and gamma"
import json, sys
d = json.load(open(sys.argv[1]))
def exclusion(c):
    return next(r for r in c["rules"] if r["rule"] == "exclusion")
c = {x["id"]: x for x in d["candidates"]}
ok = (not c["alpha"]["eligible"] and not c["gamma"]["eligible"] and c["beta"]["eligible"]
      and exclusion(c["gamma"])["outcome"] == "fail"
      and exclusion(c["gamma"])["reason"] == "Excluded by the authority: Abnormally low bid rejected after investigation. No answer by the deadline"
      and exclusion(c["alpha"])["reason"] == "Excluded by the authority: Late submission. Arrived at 12:05, after the noon deadline")
sys.exit(0 if ok else 1)
PY
[[ "$(sql q/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'candidate' AND subject = 'alpha'")" == 2 ]] ||
  fail "alpha's first version was not kept"
run 0 verify q
# alpha changed in the folder's file, without the exclusion the workspace
# holds: storing that version would drop the exclusion, so it is refused, at
# alpha's [[candidate]] (line 1 of the file).
sed -i 's/^name = "Alpha Care"$/name = "Alpha Care Suite"/' q/candidates.toml
run 2 evaluate q --format json -o /dev/null
[[ "$(head -1 err.txt)" == 'q/candidates.toml:1:1: error: candidate '"'alpha'"' was excluded in the workspace (weighbridge exclude), but this version of it has no [candidate.exclusion], so storing it would drop the exclusion. Add [candidate.exclusion] under it with ground = "Late submission", reason = "Arrived at 12:05, after the noon deadline", as recorded' ]] ||
  fail "a version dropping the exclusion: $(cat err.txt)"
[[ "$(sql q/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'candidate' AND subject = 'alpha'")" == 2 ]] ||
  fail "the refused version of alpha was stored"
# With the table added under alpha (after its costs, before beta), it is stored
# and alpha stays excluded.
python3 - q/candidates.toml <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
table = '[candidate.exclusion]\nground = "Late submission"\nreason = "Arrived at 12:05, after the noon deadline"\n\n'
at = text.index('[[candidate]]\nid = "beta"')
open(path, "w").write(text[:at] + table + text[at:])
PY
run 0 evaluate q --format json -o q2.json
python3 - q2.json <<'PY' || fail "alpha's new version does not keep the exclusion"
import json, sys
alpha = next(c for c in json.load(open(sys.argv[1]))["candidates"] if c["id"] == "alpha")
sys.exit(0 if alpha["name"] == "Alpha Care Suite" and not alpha["eligible"] else 1)
PY
# An evaluator's view never shows costs or price.
run 0 scores q --as e1
grep -qiE "price|cost|£|GBP" out.txt && fail "scores --as shows costs or price: $(cat out.txt)"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "weigh, exclude, investigate and scores --as: all passed"
