#!/usr/bin/env bash
# weighbridge invite and revoke, end to end (docs/workspace.md, "Invite
# people to take part"):
#
#   invite_test.sh WEIGHBRIDGE SOURCE_DIR
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"
sql() { sqlite3 p/weighbridge.db "$1"; }

run 0 init p --framework social-care-digital
cp "$source_dir"/tests/bad/good-minimal/input/*.toml p/
run 0 import p p/procurement.toml p/candidates.toml p/panel.toml

# --- a member's link: printed once, kept as its hash ---------------------------
run 0 invite p --member m1 --url https://weighbridge.example.org/
[[ "$(sed -n 1p out.txt)" == "invitation 1: panel member m1, no end date" ]] || fail "invite: $(cat out.txt)"
link=$(sed -n 2p out.txt)
[[ "$link" =~ ^https://weighbridge\.example\.org/join/([0-9a-f]{32})$ ]] || fail "the link: $link"
token=${BASH_REMATCH[1]:-none}
[[ "$(sed -n 3p out.txt)" == "Send this link to them alone: whoever has it takes part as them. It is shown only now (the workspace keeps only its hash). To stop it: weighbridge revoke p --link 1" ]] ||
  fail "invite's advice: $(sed -n 3p out.txt)"
[[ "$(sql 'SELECT token_sha256 FROM invitation WHERE number = 1')" == "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" ]] ||
  fail "the stored hash is not SHA-256 of the token"
if grep -q "$token" p/weighbridge.db*; then fail "the token itself is in the workspace"; fi

# --- an evaluator's link with a last day, and the list -----------------------------
run 0 invite p --evaluator e1 --expires 2099-12-31
[[ "$(sed -n 1p out.txt)" == "invitation 2: evaluator e1, works until the end of 2099-12-31 (UTC)" ]] ||
  fail "invite with --expires: $(cat out.txt)"
[[ "$(sed -n 2p out.txt)" =~ ^http://127\.0\.0\.1:8080/join/[0-9a-f]{32}$ ]] || fail "the default link: $(sed -n 2p out.txt)"
run 0 revoke p --link 1
[[ "$(cat out.txt)" == "invitation 1 is revoked: its link no longer lets anyone in" ]] || fail "revoke: $(cat out.txt)"
run 0 invite p --list
grep -q "^invitation 1: panel member m1, made [0-9T:Z-]*, revoked [0-9T:Z-]*$" out.txt || fail "list, revoked: $(cat out.txt)"
grep -q "^invitation 2: evaluator e1, made [0-9T:Z-]*, works until the end of 2099-12-31 (UTC)$" out.txt ||
  fail "list, working: $(cat out.txt)"

# --- refusals write nothing ---------------------------------------------------------
entries=$(sql 'SELECT COUNT(*) FROM audit')
run 2 revoke p --link 1
[[ "$(head -1 err.txt)" =~ ^"weighbridge: invitation 1 was revoked already, at " ]] || fail "revoke twice: $(cat err.txt)"
run 2 invite p --member m1 --evaluator e1
[[ "$(cat err.txt)" == "invite: error: name one person to invite: --member, --evaluator or --facilitator (or give --list alone)
nothing was written" ]] || fail "invite two: $(cat err.txt)"
run 2 revoke p
run 2 invite p --facilitator "Jo Smith" --expires 2020-01-01
grep -q "^weighbridge: --expires: 2020-01-01 has passed already; give a later day$" err.txt || fail "a past day: $(cat err.txt)"
[[ "$(sql 'SELECT COUNT(*) FROM audit')" == "$entries" ]] || fail "a refused command wrote something"

# --- a facilitator, by name; revoking a person stops all their links ---------------
run 0 invite p --facilitator "Jo Smith"
[[ "$(sed -n 1p out.txt)" == "invitation 3: facilitator Jo Smith (user:2), no end date" ]] || fail "facilitator: $(cat out.txt)"
run 0 revoke p --facilitator "Jo Smith"
[[ "$(cat out.txt)" == "revoked 1 invitation of the facilitator Jo Smith: their links no longer let anyone in" ]] ||
  fail "revoke a person: $(cat out.txt)"
run 0 verify p
run 0 history p
grep -q "tester (user:1)  invite the panel member m1 (invitation 1)$" out.txt || fail "history, invite: $(cat out.txt)"
grep -q "tester (user:1)  revoke invitation 1$" out.txt || fail "history, revoke: $(cat out.txt)"
# The facilitator is kept as user:2 and named while the name is held.
grep -q "tester (user:1)  invite the facilitator Jo Smith (user:2) (invitation 3)$" out.txt ||
  fail "history, a facilitator's invite: $(grep 'invitation 3' out.txt)"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "workspace invite: all passed"
