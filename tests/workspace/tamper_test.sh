#!/usr/bin/env bash
# verify against hand edits with the sqlite3 tool: an entry edited, deleted
# or inserted, a stored submission changed, and the newest entries removed.
#
#   tamper_test.sh WEIGHBRIDGE SOURCE_DIR
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"

# A workspace with fourteen entries: 1 its user, tester, as user:1; 2 init;
# 3 the procurement.toml init wrote; 4 the copy of the framework it names by
# id (social-care-digital); then freeze imports the minimal procurement's
# method: 5 its procurement.toml (a new version: it names framework.toml),
# 6 framework.toml, 7-8 candidates alpha and beta, 9 group staff, 10 member
# m1, 11 m1's judgements; 12 the freeze itself; then evaluate imports 13 e1's
# scores; and 14 the decision.
"$weighbridge" init base --framework social-care-digital > /dev/null
cp "$source_dir"/tests/bad/good-minimal/input/*.toml base/
"$weighbridge" freeze base --note "Published with the tender" 2> /dev/null
"$weighbridge" evaluate base --format json -o /dev/null 2> /dev/null
entries=$(sqlite3 base/weighbridge.db 'SELECT COUNT(*) FROM audit')
[[ "$entries" == 14 ]] || fail "expected 14 entries, got $entries"
[[ "$(sqlite3 base/weighbridge.db 'SELECT what FROM audit WHERE seq IN (1, 12, 13, 14) ORDER BY seq' | tr '\n' ' ')" == "user freeze import decision " ]] ||
  fail "entries 1 and 12-14 are not the user, the freeze, the scores' import and the decision"

# tamper NAME SQL EXPECTED_MESSAGE [verify args]: on a fresh copy.
tamper() {
  local name=$1 sql=$2 want=$3; shift 3
  rm -rf "$name"; cp -r base "$name"
  sqlite3 "$name/weighbridge.db" "$sql"
  local got=0
  "$weighbridge" verify "$name" "$@" > out.txt 2> err.txt || got=$?
  [[ "$got" == 1 ]] || fail "$name: verify exited $got, expected 1"
  [[ "$(cat err.txt)" == "weighbridge: $want" ]] || fail "$name: $(cat err.txt)"
}

"$weighbridge" verify base > /dev/null || fail "the untouched workspace does not verify"
tamper edited "UPDATE audit SET who = 'mallory' WHERE seq = 3" \
  "audit entry 3 (import by mallory at $(sqlite3 base/weighbridge.db 'SELECT at FROM audit WHERE seq = 3')) does not match its hash: it was changed after it was written"
tamper deleted "DELETE FROM audit WHERE seq = 5" \
  "audit entry 5 is missing: the log goes from entry 4 to entry 6"
last=$(sqlite3 base/weighbridge.db 'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1')
tamper inserted "INSERT INTO audit VALUES ($((entries + 1)), '2026-01-01T00:00:00Z', 'mallory', 'init', '{}', '$last', '$(printf 'f%.0s' {1..64})')" \
  "audit entry $((entries + 1)) (init by mallory at 2026-01-01T00:00:00Z) does not match its hash: it was changed after it was written"
tamper submission "UPDATE submission SET toml = replace(toml, 'value = 4', 'value = 5') WHERE kind = 'scores'" \
  "the stored scores 'e1' version 1 does not match audit entry $(sqlite3 base/weighbridge.db "SELECT audit_seq FROM submission WHERE kind = 'scores'") that logged it: it was changed after it was logged"
tamper username "UPDATE person_data SET value = 'mallory' WHERE person = 'user:1'" \
  "the personal data 'name' of 'user:1' does not match the hash logged in audit entry 1: it was changed after it was logged"
tamper newest "DROP TRIGGER decision_final_delete; DELETE FROM decision; DELETE FROM audit WHERE what = 'decision'" \
  "the log no longer holds the head $last printed earlier: entries written since were deleted, or the log was rewritten" \
  --head "$last"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "workspace tamper: all passed"
