#!/usr/bin/env bash
# Conflicts of interest and personal data end to end (docs/workspace.md,
# "Declare interests" and "Erasing personal data"):
#
#   people_test.sh WEIGHBRIDGE SOURCE_DIR
#
# A member's name and a supplier's contact details are kept out of the log,
# declarations flag scores in the reports, and erase removes them from the
# file while verify still passes.
# Expected values are worked out from the inputs below, in the comments.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"

sql() { sqlite3 cms/weighbridge.db "$1"; }
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
name='Quennell Zbyszkowa'  # made up, and found nowhere else in the inputs
address='7 Yarrowby Wynd, Ulverwick'  # made up too
email='quennell.z@alpha.example'

# --- a tiny procurement: two candidates from two suppliers, three members,
# three evaluators: e1 and e2 score both candidates (4 scores each), e3 beta only (2).
run 0 init cms --framework social-care-digital
cp "$source_dir"/tests/bad/good-minimal/input/{framework,procurement}.toml cms/
cat > cms/candidates.toml <<TOML
[[candidate]]
id = "alpha"
name = "Alpha Care"
supplier = "Alpha Ltd"
address = "$address"
email = "$email"

[[candidate]]
id = "beta"
name = "Beta Care"
supplier = "Beta Ltd"
TOML
cat > cms/panel.toml <<TOML
[[group]]
id = "staff"

[[member]]
id = "m1"
group = "staff"
name = "$name"

[[member]]
id = "m2"
group = "staff"

[[member]]
id = "m3"
group = "staff"
name = 'Ürsula Ñame'

[[judgement]]
member = "m1"
parent = "root"
method = "points"
points = { usability = 60, privacy = 40 }
TOML
# The method is fixed before any bid is scored, as the workspace's order of work asks.
run 0 freeze cms --note "Published with the tender"
: > cms/scores.toml
for line in e1:alpha:usability:4 e1:alpha:privacy:3 e1:beta:usability:2 e1:beta:privacy:5 \
            e2:alpha:usability:3 e2:alpha:privacy:3 e2:beta:usability:3 e2:beta:privacy:4 \
            e3:beta:usability:2 e3:beta:privacy:5; do
  IFS=: read -r e c k v <<< "$line"
  printf '[[score]]\nevaluator = "%s"\ncandidate = "%s"\ncriterion = "%s"\nvalue = %s\nrationale = "r"\n\n' \
    "$e" "$c" "$k" "$v" >> cms/scores.toml
done
run 0 evaluate cms -o before.md

# --- the name is in the person table, not in the log ----------------------
[[ "$(sql "SELECT value FROM person_data WHERE person = 'm1' AND field = 'name'")" == "$name" ]] ||
  fail "m1's name is not in the person table"
[[ "$(sql "SELECT COUNT(*) FROM audit WHERE content LIKE '%Quennell%' OR content LIKE '%rsula%'")" == 0 ]] ||
  fail "a member's name is in the log"
[[ "$(sql "SELECT COUNT(*) FROM submission WHERE toml LIKE '%Quennell%' OR meaning LIKE '%Quennell%'")" == 0 ]] ||
  fail "a member's name is in a stored submission"
# The logged hash is SHA-256 of the salt's 64 hex digits followed by the name.
salt=$(sql "SELECT salt FROM person WHERE id = 'm1'")
[[ ${#salt} == 64 ]] || fail "m1's salt is not 64 hex digits: $salt"
logged=$(sql "SELECT json_extract(meaning, '\$.member[0].name_sha256') FROM submission WHERE kind = 'member' AND subject = 'm1'")
[[ "$logged" == "$(sha "$salt$name")" ]] || fail "m1's name hash is not SHA-256(salt || name): $logged"
# The supplier's contact details likewise, under the person id candidate:alpha.
[[ "$(sql "SELECT field || '=' || value FROM person_data WHERE person = 'candidate:alpha' ORDER BY field" | tr '\n' ' ')" == "address=$address email=$email " ]] ||
  fail "alpha's contact details are not in the person table"
[[ "$(sql "SELECT COUNT(*) FROM audit WHERE content LIKE '%Yarrowby%' OR content LIKE '%quennell.z%'")" == 0 ]] ||
  fail "a supplier's contact details are in the log"
[[ "$(sql "SELECT toml FROM submission WHERE kind = 'candidate' AND subject = 'alpha'" | grep -c '^\(address\|email\) = ""$')" == 2 ]] ||
  fail "the stored candidate does not have its contact details blanked"
alpha_salt=$(sql "SELECT salt FROM person WHERE id = 'candidate:alpha'")
[[ "$(sql "SELECT json_extract(meaning, '\$.candidate[0].email_sha256') FROM submission WHERE kind = 'candidate' AND subject = 'alpha'")" == \
   "$(sha "$alpha_salt$email")" ]] || fail "alpha's email hash is not SHA-256(salt || email)"
# The summaries of the stored decision, made again from the workspace, give them.
run 0 report cms --decision "$(sql "SELECT MAX(number) FROM decision")" --summaries sums
grep -q "^- Postal address: $address$" sums/assessment-summary-alpha.md ||
  fail "the assessment summary does not give alpha's address"
# The report names the panel (its turnout row); the stored decision does not.
grep -q "| staff | other | 3 | 1 | $name and Ürsula Ñame |" before.md || fail "the report does not name the panel"
[[ "$(sql "SELECT COUNT(*) FROM decision WHERE decision_json LIKE '%Quennell%'")" == 0 ]] ||
  fail "the stored decision holds a name"

# --- declarations ----------------------------------------------------------
entries=$(sql "SELECT COUNT(*) FROM audit")
run 2 declare cms --person e1 --role evaluator --none --interest "Alpha Ltd" --text "x"
[[ "$(cat err.txt)" == "weighbridge: give either --none or --interest SUPPLIER, not both: declare each interest on its own, and --none only when there is none
nothing was written" ]] || fail "declare with --none and --interest: $(cat err.txt)"
run 2 declare cms --person e1 --role judge --none
[[ "$(sql "SELECT COUNT(*) FROM audit")" == "$entries" ]] || fail "a refused declaration wrote something"
text="My brother works in Alpha's support team"
run 0 declare cms --person e1 --role evaluator --interest " Alpha Ltd" --text "$text"
run 0 declare cms --person e3 --role evaluator --none
run 0 declare cms --person e3 --role evaluator --none
[[ "$(cat out.txt)" == "this declaration by e3 is recorded already; nothing changed" ]] ||
  fail "a repeated declaration: $(cat out.txt)"
run 0 declare cms --person m1 --role member --none
# The logged declaration: id, role, supplier (trimmed) and the text's salted hash only.
e1_salt=$(sql "SELECT salt FROM person WHERE id = 'e1'")
[[ "$(sql "SELECT content FROM audit WHERE what = 'declare' ORDER BY seq LIMIT 1")" == \
   "{\"interest\":\"Alpha Ltd\",\"name_sha256\":null,\"person\":\"e1\",\"role\":\"evaluator\",\"text_sha256\":\"$(sha "$e1_salt$text")\"}" ]] ||
  fail "the declare entry: $(sql "SELECT content FROM audit WHERE what = 'declare' ORDER BY seq LIMIT 1")"
[[ "$(sql "SELECT COUNT(*) FROM audit WHERE content LIKE '%brother%'")" == 0 ]] || fail "a declaration's text is in the log"

# The flags, by hand: e1 declared Alpha Ltd and gave alpha 2 scores; e2 declared
# nothing (4 scores); e3 declared none (no flag). m1 declared none; m2 and m3 nothing.
run 0 evaluate cms -o flags.md
expected="## Conflicts of interest

Everyone who influences the decision must declare any conflict of interest (Procurement Act 2023, section 81). These are for the approver's attention:

- e1 declared an interest in Alpha Ltd and scored Alpha Care: their 2 scores are flagged for the approver's attention.
- e2 scored the bids but has made no declaration of interests: their 4 scores are flagged for the approver's attention.
- Panel member m2 has made no declaration of interests.
- Panel member m3 has made no declaration of interests.
"
[[ "$(sed -n '/^## Conflicts of interest/,/^## Co-production/p' flags.md | sed '$d')" == "${expected%$'\n'}" ]] ||
  fail "the report's conflicts section: $(sed -n '/^## Conflicts of interest/,/^## Co-production/p' flags.md)"
run 0 evaluate cms --format json -o flags.json
python3 - flags.json <<'PY' || fail "the JSON report's declarations"
import json, sys
d = json.load(open(sys.argv[1]))["declarations"]
assert d["interest_scores"] == [{"evaluator": "e1", "supplier": "Alpha Ltd", "candidate": "alpha", "scores": 2}], d
assert d["undeclared_evaluators"] == [{"evaluator": "e2", "scores": 4}], d
assert d["undeclared_members"] == ["m2", "m3"], d
assert d["member_interests"] == [], d
PY
run 0 verify cms
# Decision 1 was made before anyone declared: made again, it has the flags it had
# then (every evaluator undeclared: e1 4 scores, e2 4, e3 2), not today's.
run 0 report cms --decision 1 -o decision1.md
grep -q "^- e1 scored the bids but has made no declaration of interests: their 4 scores are flagged" decision1.md ||
  fail "decision 1 made again does not have the flags it was made with"
grep -q "^- e3 scored the bids but has made no declaration of interests: their 2 scores are flagged" decision1.md ||
  fail "decision 1 made again does not flag e3"

# --- erase -----------------------------------------------------------------
grep -q "Quennell" cms/weighbridge.db* || fail "the name should be in the file before erasure"
run 2 erase cms --person nobody
[[ "$(cat err.txt)" == "weighbridge: --person: the workspace holds no personal data of 'nobody' (no name, no contact details and no declaration)
nothing was written" ]] || fail "erase of an unknown person: $(cat err.txt)"
run 0 erase cms --person m1
[[ "$(sql "SELECT what || ' ' || json_extract(content, '\$.person') || ' ' || length(json_extract(content, '\$.date')) FROM audit ORDER BY seq DESC LIMIT 1")" == "erase m1 10" ]] ||
  fail "the erasure is not logged with the id and the date"
[[ "$(sql "SELECT content FROM audit ORDER BY seq DESC LIMIT 1" | tr -d '0-9-')" == '{"date":"","person":"m"}' ]] ||
  fail "the erase entry holds more than the id and the date"
run 0 verify cms
# secure_delete zeroes the deleted row and the WAL is emptied into the file:
# the name's bytes are nowhere in the workspace's files.
if grep -q "Quennell" cms/weighbridge.db*; then fail "the erased name's bytes are still in the workspace"; fi
[[ "$(sql "SELECT COUNT(*) FROM person_data WHERE person = 'm1'")|$(sql "SELECT salt IS NULL FROM person WHERE id = 'm1'")" == "0|1" ]] ||
  fail "m1's data or salt is still held"
run 2 erase cms --person m1
[[ "$(cat err.txt)" == "weighbridge: the personal data of 'm1' was erased already
nothing was written" ]] || fail "erase twice: $(cat err.txt)"
# The folder's panel.toml still names m1: the name is not taken in again, and
# the member's submission does not change.
versions=$(sql "SELECT COUNT(*) FROM submission WHERE kind = 'member'")
run 0 evaluate cms -o after.md
grep -q "| staff | other | 3 | 1 | (erased) and Ürsula Ñame |" after.md || fail "the report does not show (erased)"
if grep -q "Quennell" cms/weighbridge.db* after.md; then fail "evaluate took the erased name in again"; fi
[[ "$(sql "SELECT COUNT(*) FROM submission WHERE kind = 'member'")" == "$versions" ]] ||
  fail "evaluate after erasure stored a new version of a member"
run 0 verify cms
# A supplier's contact details: erased, and not taken in again from candidates.toml.
run 0 erase cms --person candidate:alpha
run 0 verify cms
if grep -q "Yarrowby\|quennell.z" cms/weighbridge.db*; then fail "alpha's contact details are still in the file"; fi
run 0 report cms --decision "$(sql "SELECT MAX(number) FROM decision")" --summaries sums-after
grep -q "^- Postal address: (erased)$" sums-after/assessment-summary-alpha.md ||
  fail "the assessment summary does not show the address as erased"
versions=$(sql "SELECT COUNT(*) FROM submission WHERE kind = 'candidate'")
run 0 evaluate cms -o /dev/null
if grep -q "Yarrowby\|quennell.z" cms/weighbridge.db*; then fail "evaluate took alpha's contact details in again"; fi
[[ "$(sql "SELECT COUNT(*) FROM submission WHERE kind = 'candidate'")" == "$versions" ]] ||
  fail "evaluate after erasure stored a new version of a candidate"
run 0 history cms
grep -q "declare e1 (evaluator): an interest in Alpha Ltd" out.txt || fail "history does not show e1's declaration"
grep -q "erase the personal data of m1" out.txt || fail "history does not show the erasure"

# --- verify checks the record of people --------------------------------------
sql "UPDATE person_data SET value = 'Someone Else' WHERE person = 'm3' AND field = 'name'"
run 1 verify cms
grep -q "the personal data 'name' of 'm3' does not match the hash logged in audit entry" err.txt ||
  fail "a changed name was not caught: $(cat err.txt)"
sql "UPDATE person_data SET value = 'Ürsula Ñame' WHERE person = 'm3' AND field = 'name'"
run 0 verify cms
sql "UPDATE declaration SET interest = 'Beta Ltd' WHERE person = 'e1'"
run 1 verify cms
grep -q "the stored declaration of 'e1' does not match audit entry" err.txt ||
  fail "a changed declaration was not caught: $(cat err.txt)"
sql "DELETE FROM declaration WHERE person = 'e1'"
run 1 verify cms
grep -q "logged a declaration whose record is no longer in the workspace" err.txt ||
  fail "a deleted declaration was not caught: $(cat err.txt)"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "workspace people: all passed"
