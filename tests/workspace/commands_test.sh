#!/usr/bin/env bash
# The workspace commands end to end, as a commissioner would run them:
#
#   commands_test.sh WEIGHBRIDGE SOURCE_DIR
#
# init, import, evaluate with a workspace, moderate, score, history, verify
# and approve, on a real SQLite file. Expected values come from the inputs (see comments), not
# from earlier runs.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"

sql() { sqlite3 "$1" "$2"; }

# --- init ---------------------------------------------------------------
run 0 init cms --framework social-care-digital
for f in procurement.toml candidates.toml panel.toml scores.toml weighbridge.db; do
  [[ -f "cms/$f" ]] || fail "init did not make cms/$f"
done
grep -q '^framework = "social-care-digital"' cms/procurement.toml || fail "procurement.toml does not name the framework"
[[ "$(sql cms/weighbridge.db 'SELECT what FROM audit ORDER BY seq' | tr '\n' ' ')" == "user init import import " ]] ||
  fail "init should log its user, init, then the imports of procurement.toml and of its framework"
# Every entry names the user by id; the name is in the erasable person table.
[[ "$(sql cms/weighbridge.db 'SELECT DISTINCT who FROM audit')" == "user:1" ]] || fail "the entries are not by user:1"
[[ "$(sql cms/weighbridge.db "SELECT value FROM person_data WHERE person = 'user:1'")" == "tester" ]] ||
  fail "user:1's name is not kept as tester"
sql cms/weighbridge.db 'SELECT who, content FROM audit' | grep -q tester && fail "the name tester is in the log"
[[ "$(sql cms/weighbridge.db "SELECT subject FROM submission WHERE kind = 'framework'")" == social-care-digital ]] ||
  fail "init should keep a copy of the framework named by id"
run 2 init cms --framework social-care-digital
[[ "$(cat err.txt)" == "weighbridge: cms is not an empty folder; init starts a new procurement in a new or empty folder. Nothing was written" ]] ||
  fail "init into a used folder: $(cat err.txt)"
run 2 init other --framework no-such-framework
[[ ! -e other ]] || fail "init with an unknown framework made the folder"

# --- evaluate with a workspace: the shipped example -----------------------
cp "$source_dir"/examples/case-management/*.toml cms/
# Order of work: the folder's scores.toml has scores, and the method is not fixed yet.
run 2 evaluate cms --format json -o first.json
grep -q "scores are accepted only after the method is fixed: run weighbridge freeze cms --note TEXT first" err.txt ||
  fail "evaluate with scores before the freeze: $(cat err.txt)"
[[ ! -e first.json ]] || fail "a refused evaluate wrote its output"
run 0 freeze cms --note "Published with the tender"
# ... and after the freeze, a changed weighting judgement is refused.
sed 's/points = { rights = 35, relationship = 30,/points = { rights = 40, relationship = 25,/' cms/panel.toml > changed-panel.toml
cmp -s cms/panel.toml changed-panel.toml && fail "the example's panel.toml no longer has ebe1's points to change"
entries_before=$(sql cms/weighbridge.db 'SELECT COUNT(*) FROM audit')
run 2 import cms changed-panel.toml
grep -q "weighting judgements are accepted only before the method is fixed" err.txt ||
  fail "a judgement after the freeze: $(cat err.txt)"
[[ "$(sql cms/weighbridge.db 'SELECT COUNT(*) FROM audit')" == "$entries_before" ]] ||
  fail "a refused judgement wrote to the log"
run 0 evaluate cms --format json -o first.json
grep -q "^weighbridge: stored as decision 1; the audit log's head is now [0-9a-f]\{64\}" err.txt ||
  fail "evaluate did not say it stored decision 1: $(cat err.txt)"
head1=$(sql cms/weighbridge.db 'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1')
run 0 evaluate cms --format json -o second.json
# Nothing changed in between: the same input hash and the same decision JSON.
[[ "$(sql cms/weighbridge.db 'SELECT COUNT(*), COUNT(DISTINCT input_hash), COUNT(DISTINCT decision_json) FROM decision')" == "2|1|1" ]] ||
  fail "two evaluations of the same inputs differ"
cmp -s first.json second.json || fail "the two reports differ"
# The workspace's inputs give the same ranking as the folder read directly.
# (Not the same totals: after the freeze the weights are the published ones,
# rounded to 0.1%; example_replay_test.sh checks the totals against them.)
"$weighbridge" evaluate "$source_dir/examples/case-management" --format json -o direct.json
python3 - first.json direct.json <<'PY' || fail "the workspace's ranking differs from the folder's"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if a["ranking"] == b["ranking"] else 1)
PY
# The example leaves one spread waiting for moderation (its scores.toml says so).
run 2 approve cms --decision 1 --by "Director" --role "Director of Social Services"
grep -q "^weighbridge: cannot approve decision 1: .*1 spread of scores still needs moderation" err.txt ||
  fail "approve with a spread to moderate: $(cat err.txt)"

# --- moderate: the spread the example's scores.toml names as not yet moderated
# ("fieldnote / rights.algorithms (e2 scored 1, e3 scored 3.5)") ---------------
run 0 moderate cms
[[ "$(cat out.txt)" == "fieldnote on rights.algorithms: e2 1, e3 3.5 (2.5 apart)" ]] ||
  fail "moderate lists: $(cat out.txt)"
run 0 moderate cms --candidate fieldnote --criterion rights.algorithms --value 2.5 --note "Agreed on 2 April" --by chair
# Evaluators in id order: the loader puts scores in that order (methods.md).
[[ "$(cat out.txt)" == "recorded the consensus for fieldnote on rights.algorithms: 2.5
  e2 scored 1: now 2.5
  e3 scored 3.5: now 2.5" ]] || fail "moderate records: $(cat out.txt)"
run 2 moderate cms --candidate nobody --criterion rights.algorithms --value 2
grep -q "^(moderate):2:13: error: candidate 'nobody' is not in the candidates file" err.txt ||
  fail "moderate with an unknown candidate: $(cat err.txt)"
run 0 moderate cms
[[ "$(cat out.txt)" == "no spread of scores needs moderation" ]] || fail "after moderation: $(cat out.txt)"
run 0 evaluate cms --format json -o third.json
run 0 approve cms --decision 3 --by "Pat Jones" --role "Director of Adult Social Care"
[[ "$(sql cms/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'scores'")" == 3 ]] ||
  fail "moderation must keep every evaluator's scores as they were"

# --- import: same content twice, a changed submission, a mistake --------------
run 0 import cms cms/scores.toml
[[ "$(cat out.txt)" == "nothing changed: everything in these files was stored already" ]] ||
  fail "re-import: $(cat out.txt)"
sed 's/^value = 3.5$/value = 3/' cms/scores.toml > changed-scores.toml
changed_evaluators=$(python3 - cms/scores.toml changed-scores.toml <<'PY'
import sys, tomllib
a, b = (tomllib.load(open(p, "rb"))["score"] for p in sys.argv[1:3])
print(len({x["evaluator"] for x, y in zip(a, b) if x != y}))
PY
)
run 0 import cms changed-scores.toml
[[ "$(cat out.txt)" == "stored $changed_evaluators new submissions; weighbridge history lists them" ]] ||
  fail "changed scores: $(cat out.txt), expected $changed_evaluators evaluators' new versions"
[[ "$(sql cms/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'scores' AND version = 1")" == 3 ]] ||
  fail "the first versions of the three evaluators' scores were not kept"
# evaluate imports the folder's scores.toml again only when it has changed: the
# newer versions from changed-scores.toml stay the latest.
run 0 evaluate ./cms --format json -o /dev/null
[[ "$(sql cms/weighbridge.db "SELECT DISTINCT source_file FROM submission s WHERE kind = 'scores' AND version = (SELECT MAX(version) FROM submission l WHERE l.kind = s.kind AND l.subject = s.subject) AND subject IN (SELECT subject FROM submission WHERE version = 2)")" == "changed-scores.toml" ]] ||
  fail "evaluate undid the scores imported from changed-scores.toml"
sed -i '0,/^value = 4$/s//value = 4.5/' cms/scores.toml
run 0 evaluate cms --format json -o /dev/null
[[ "$(sql cms/weighbridge.db "SELECT source_file FROM submission WHERE kind = 'scores' ORDER BY audit_seq DESC LIMIT 1")" == "cms/scores.toml" ]] ||
  fail "an edit to the folder's scores.toml was not imported by evaluate"
entries_before=$(sql cms/weighbridge.db 'SELECT COUNT(*) FROM audit')
printf '[[candidate]]\nid = "late"\nname = "Late Bid"\nnot_a_key = 1\n' > late.toml
run 2 import cms late.toml
grep -q "^late.toml:[0-9]*:[0-9]*: error" err.txt || fail "a mistake is not at late.toml:line:col: $(cat err.txt)"
[[ "$(tail -n 1 err.txt)" == "nothing was stored" ]] || fail "import error does not end with 'nothing was stored'"
[[ "$(sql cms/weighbridge.db 'SELECT COUNT(*) FROM audit')" == "$entries_before" ]] ||
  fail "a refused import wrote to the log"

# --- history and verify --------------------------------------------------------
run 0 history cms
grep -q "^  1  .*by tester  input [0-9a-f]\{64\}  framework social-care-digital " out.txt ||
  fail "history does not list decision 1: $(head -5 out.txt)"
grep -q "import scores 'e1' version 1 from cms/scores.toml" out.txt || fail "history lacks e1's first scores"
run 0 verify cms --head "$head1"
grep -q "^the audit log is intact: [0-9]* entries, head [0-9a-f]\{64\}$" out.txt || fail "verify: $(cat out.txt)"

# --- approve: the minimal procurement has every score and no spread -------------
run 0 init small --framework social-care-digital
cp "$source_dir"/tests/bad/good-minimal/input/*.toml small/
run 0 freeze small --note "Published with the tender"
run 0 evaluate small --format json -o small.json
run 0 approve small --decision 1 --by "Pat Jones" --role "Head of Commissioning" --note "as the panel advised"
[[ "$(cat out.txt)" == "decision 1 is approved by Pat Jones (Head of Commissioning)" ]] || fail "approve: $(cat out.txt)"
run 2 approve small --decision 1 --by "Sam Lee" --role "Director"
grep -q "^weighbridge: decision 1 was approved already, by Pat Jones at " err.txt || fail "second approval: $(cat err.txt)"
# tester is user:1 (init, freeze, evaluate); Pat Jones, new, is user:2.
[[ "$(sql small/weighbridge.db 'SELECT by, role, note FROM approval')" == "user:2|Head of Commissioning|as the panel advised" ]] ||
  fail "the approval was not stored as given"
run 0 verify small
run 0 report small --decision 1 --format markdown
grep -q "Approved by Pat Jones (Head of Commissioning)" out.txt || fail "the report does not name the approver"

# --- erase an approver's name: the approval stays, under their id ----------------
run 0 erase small --person user:2
run 0 verify small
run 0 history small
grep -q "user:2 (name erased)  approve decision 1 (Head of Commissioning)" out.txt ||
  fail "history does not show the approval under the erased user: $(cat out.txt)"
run 0 report small --decision 1 --format markdown
grep -q "Approved by user:2 (name erased) (Head of Commissioning)" out.txt || fail "the report still names the approver"
grep -qa "Pat Jones" small/weighbridge.db* && fail "Pat Jones is still in the workspace's file"
# The method was fixed by tester, user:1: erasing that name too leaves the
# stored decision as it was made (its input hash covers user:1, not the name).
run 0 erase small --person user:1
run 0 report small --decision 1 -o small-again.md
run 0 verify small

# --- score: one score at a time -------------------------------------------------
# The minimal procurement: weights usability 60, privacy 40 (points); scale 0-5,
# so a score s counts as 20*s. e1 scored alpha 4/3 and beta 2/5.
run 0 init scored --framework social-care-digital
cp "$source_dir"/tests/bad/good-minimal/input/*.toml scored/
# 60% and 40% are published as they are, so the freeze changes no total here.
run 0 freeze scored --note "Published with the tender"
run 0 evaluate scored --format json -o /dev/null
run 0 score scored --evaluator e1 --candidate alpha --criterion usability --value 2 --rationale 'Menus are "hard" to find'
[[ "$(cat out.txt)" == "recorded e1's score for alpha on usability: 2 (was 4)" ]] || fail "score: $(cat out.txt)"
run 0 score scored --evaluator e2 --candidate beta --criterion privacy --value 4.5 --rationale "Clear consent" --evidence-ref "Demo 3"
[[ "$(cat out.txt)" == "recorded e2's score for beta on privacy: 4.5" ]] || fail "score, new evaluator: $(cat out.txt)"
run 0 score scored --evaluator e2 --candidate beta --criterion privacy --value 4.5 --rationale "Clear consent" --evidence-ref "Demo 3"
[[ "$(cat out.txt)" == "nothing changed: this score was recorded already" ]] || fail "score twice: $(cat out.txt)"
run 2 score scored --evaluator e2 --candidate beta --criterion privacy --value 9 --rationale "x"
grep -q "^(score):[0-9]*:9: error: score 9 is outside the scale" err.txt || fail "score off the scale: $(cat err.txt)"
run 0 evaluate scored --format json -o scored.json
# alpha: 0.6*(20*2) + 0.4*(20*3) = 24 + 24 = 48
# beta:  0.6*(20*2) + 0.4*(20*(5+4.5)/2) = 24 + 38 = 62 (the mean of e1 and e2)
python3 - scored.json <<'PY' || fail "totals after score are not 48 and 62"
import json, sys
d = json.load(open(sys.argv[1]))
totals = {c["id"]: c["total"] for c in d["candidates"]}
sys.exit(0 if abs(totals["alpha"] - 48) < 1e-9 and abs(totals["beta"] - 62) < 1e-9 else 1)
PY
[[ "$(sql scored/weighbridge.db "SELECT COUNT(*) FROM submission WHERE kind = 'scores' AND subject = 'e1'")" == 2 ]] ||
  fail "e1's first scores were not kept"
run 0 verify scored

# --- evaluate without a workspace is unchanged ----------------------------------
mkdir plain && cp "$source_dir"/tests/bad/good-minimal/input/*.toml plain/
run 0 evaluate plain --format json -o plain.json
[[ ! -e plain/weighbridge.db ]] || fail "evaluate without a workspace made one"
[[ ! -s err.txt ]] || fail "evaluate without a workspace wrote to stderr: $(cat err.txt)"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "workspace commands: all passed"
