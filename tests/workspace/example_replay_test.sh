#!/usr/bin/env bash
# The shipped example replayed as a workspace, in the order a real evaluation
# runs: the method published and fixed, then the scores, moderation, a decision
# and its sign-off, and finally a check of the log against the head printed.
#
#   example_replay_test.sh WEIGHBRIDGE SOURCE_DIR
#
# Expected values are worked out here from the example's own folder, read
# directly (not through the workspace), with a separate computation in Python:
# the published weights are its leaf weights rounded to 0.1% by the largest
# remainder method, and every total is the sum of score x published weight.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"
example="$source_dir/examples/case-management"
export WEIGHBRIDGE_USER=commissioner

# The reference: the example folder evaluated directly, with the panel's weights.
"$weighbridge" evaluate "$example" --format json -o direct.json 2>/dev/null

# 1. Start, and bring in what is known before the tender closes.
run 0 init cms --framework social-care-digital
cp "$example"/procurement.toml "$example"/candidates.toml "$example"/panel.toml cms/
run 0 import cms cms/procurement.toml cms/candidates.toml cms/panel.toml

# 2. Fix the method. The weights it publishes are the direct evaluation's leaf
# weights rounded to 0.1% so that they add up to exactly 100%.
run 0 freeze cms --note "Published with the invitation to tender"
cp err.txt freeze.txt
python3 - direct.json freeze.txt <<'PY' || fail "the published weights are not the panel's rounded by largest remainder"
import json, math, re, sys
direct = json.load(open(sys.argv[1]))
printed = dict(re.findall(r"^  (\S+): ([0-9.]+)%$", open(sys.argv[2]).read(), re.M))
leaves = [w for w in direct["weights"]
          if not any(o["parent"] == w["criterion"] for o in direct["weights"])]
# Largest remainder in tenths of a percent: 1000 units, floors first, then one
# more unit to the largest remainders (the earlier criterion first on a tie).
quotas = [w["global"] * 1000 for w in leaves]
units = [math.floor(q + 1e-9) for q in quotas]
order = sorted(range(len(leaves)), key=lambda i: -(quotas[i] - units[i]))
for i in order[: 1000 - sum(units)]:
    units[i] += 1
expected = {w["criterion"]: f"{u / 10:.1f}" for w, u in zip(leaves, units)}
assert sum(units) == 1000
if printed != expected:
    sys.exit(f"printed {printed}\nexpected {expected}")
PY

# 3. The bids are scored after the freeze.
cp "$example"/scores.toml cms/
run 0 import cms cms/scores.toml

# 4. Moderation: the example's one wide spread (fieldnote on rights.algorithms,
# e2 gave 1 and e3 3.5: 2.5 apart, above the framework's threshold of 2).
run 0 moderate cms
[[ "$(cat out.txt)" == "fieldnote on rights.algorithms: e2 1, e3 3.5 (2.5 apart)" ]] ||
  fail "moderate listed: $(cat out.txt)"
run 0 moderate cms --candidate fieldnote --criterion rights.algorithms --value 2.5 \
  --note "Moderation meeting: the explanation offered is partial"
run 0 moderate cms
[[ "$(cat out.txt)" == "no spread of scores needs moderation" ]] ||
  fail "a spread still needs moderation after the consensus: $(cat out.txt)"

# 5. The decision, made with the published weights exactly.
run 0 evaluate cms --format json -o decision.json
head=$(grep -o "verify cms --head [0-9a-f]\{64\}" err.txt | awk '{print $4}')
[[ -n "$head" ]] || fail "evaluate printed no head hash: $(cat err.txt)"
python3 - decision.json direct.json freeze.txt <<'PY' || fail "the decision does not use the published weights"
import json, re, sys
decision, direct = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
published = {k: float(v) / 100 for k, v in
             re.findall(r"^  (\S+): ([0-9.]+)%$", open(sys.argv[3]).read(), re.M)}
for c in decision["candidates"]:
    total = 0.0
    for x in c["criteria"]:
        assert abs(x["weight"] - published[x["criterion"]]) < 1e-15, (c["id"], x)
        if not x.get("capped_by"):  # a cap lowers the contribution, by its own rule
            assert abs(x["contribution"] - x["score"] * x["weight"]) < 1e-9, (c["id"], x)
        total += x["contribution"]
    assert abs(c["total"] - total) < 1e-9, (c["id"], c["total"], total)
# The consensus of 2.5 on a 0-5 scale is 50 points.
fieldnote = next(c for c in decision["candidates"] if c["id"] == "fieldnote")
algorithms = next(x for x in fieldnote["criteria"] if x["criterion"] == "rights.algorithms")
assert algorithms["score"] == 50.0, algorithms
# Rounding the weights to 0.1% does not change who wins the example.
assert decision["ranking"] == direct["ranking"], (decision["ranking"], direct["ranking"])
PY

# 6. Sign-off, then the log checked against the head printed with the decision.
run 0 approve cms --decision 1 --by "Director of Adult Social Care" --role "Director"
run 0 verify cms --head "$head"
run 0 history cms
grep -q "freeze" out.txt || fail "history does not show the freeze"
grep -q "approve" out.txt || fail "history does not show the approval"

if (( failures > 0 )); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "the example replayed through freeze, scoring, moderation and an approved decision"
