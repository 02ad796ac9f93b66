#!/usr/bin/env bash
# Starts `weighbridge serve` on a workspace with one panel member in each of
# five groups, one group for each way of weighing, and runs check_serve.mjs
# against it: every member takes part by keyboard alone, every page is checked
# with axe-core and screenshotted at 390 and 1280 px into OUT_DIR. Then the
# method is fixed, and an evaluator declares and scores the same way, and the
# facilitator's dashboard is checked, the one spread moderated, the decision
# stored and the report downloaded, and the stored decision is made again from the log.
# Usage: run_serve_check.sh WEIGHBRIDGE NODE_DIR OUT_DIR
set -euo pipefail
weighbridge=$(realpath "$1") node_dir=$2 out_dir=$(realpath -m "$3")
if ! command -v node >/dev/null 2>&1; then
  echo "run_serve_check.sh: node is needed for the browser tests: run scripts/install-deps" >&2
  exit 1
fi
mkdir -p "$out_dir"
rm -f "$out_dir"/serve-*.png
tmp=$(mktemp -d)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$tmp"
export WEIGHBRIDGE_USER=tester
"$weighbridge" init p --framework social-care-digital > /dev/null
cat > p/procurement.toml <<'TOML'
[procurement]
id = "browser-check"
title = "Care records for the north team"
currency = "GBP"
framework = "framework.toml"
TOML
cat > p/framework.toml <<'TOML'
[framework]
id = "three"
version = "1.0.0"
title = "Three criteria"

[scale]
min = 0
max = 5
levels = [
  { value = 0, label = "Unacceptable", descriptor = "No answer, or it cannot do this." },
  { value = 1, label = "Serious concerns", descriptor = "Only a small part of the need is met." },
  { value = 2, label = "Some concerns", descriptor = "Part of the need is met, with clear gaps." },
  { value = 3, label = "Satisfactory", descriptor = "Meets the need as asked, and shows how." },
  { value = 4, label = "Good", descriptor = "Meets the need fully, with evidence." },
  { value = 5, label = "Excellent", descriptor = "Goes well beyond the need, shown in use." },
]

[[criterion]]
id = "rights"
title = "Respects people's rights"
question = "How does the product let people see and correct what is held about them?"
assess = "judgement"

[[criterion]]
id = "records"
title = "Shares records safely"
question = "How does the product share records with the NHS, and with whose consent?"
assess = "judgement"

[[criterion]]
id = "upkeep"
title = "Affordable to keep running"
question = "What will it cost each year to keep it running and up to date?"
assess = "judgement"
TOML
cat > p/candidates.toml <<'TOML'
[[candidate]]
id = "alpha"
name = "Alpha Care"
TOML
methods=(pairwise rank points swing direct)
{
  for method in "${methods[@]}"; do
    printf '[[group]]\nid = "%s-group"\ntitle = "People who weigh by %s"\nmethod = "%s"\n\n' \
      "$method" "$method" "$method"
    printf '[[member]]\nid = "%s-member"\ngroup = "%s-group"\n\n' "$method" "$method"
  done
} > p/panel.toml
"$weighbridge" import p p/procurement.toml p/candidates.toml p/panel.toml > /dev/null
members=()
for method in "${methods[@]}"; do
  token=$("$weighbridge" invite p --member "$method-member" | sed -n 2p | sed 's|.*/join/||')
  members+=("$method=$token")
done
evaluator=$("$weighbridge" invite p --evaluator e1 | sed -n 2p | sed 's|.*/join/||')
facilitator=$("$weighbridge" invite p --facilitator "Jo Smith" | sed -n 2p | sed 's|.*/join/||')
"$weighbridge" serve p --port 0 > serve.txt &
server=$!
for _ in $(seq 50); do grep -q serving serve.txt 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' serve.txt)
status=0
node "$node_dir/check_serve.mjs" "$url" "$out_dir" "${members[@]}" || status=$?
# Scoring opens once the method is fixed; then an evaluator declares and scores.
"$weighbridge" freeze p --note "weights agreed" > /dev/null
# A second evaluator's scores, from a file: rights 0 against the browser
# evaluator's 3, more than the default threshold of 2 apart, so the
# facilitator has one spread to moderate.
cat > e2-scores.toml <<'TOML'
[[score]]
evaluator = "e2"
candidate = "alpha"
criterion = "rights"
value = 0
rationale = "People cannot see their record"

[[score]]
evaluator = "e2"
candidate = "alpha"
criterion = "records"
value = 4
rationale = "Shares through the local care record"

[[score]]
evaluator = "e2"
candidate = "alpha"
criterion = "upkeep"
value = 1
rationale = "Costly to keep running"
TOML
"$weighbridge" import p e2-scores.toml > /dev/null
node "$node_dir/check_serve.mjs" "$url" "$out_dir" "evaluator=$evaluator" \
  "facilitator=$facilitator" || status=$?
kill "$server"
wait "$server" || true
server=
# Every answer sent from the browser is in the workspace, and its log checks.
"$weighbridge" verify p > /dev/null || { echo "run_serve_check.sh: verify failed" >&2; status=1; }
# The decision the facilitator stored is made again from the log, byte for byte.
"$weighbridge" report p --decision 1 -o decision.md ||
  { echo "run_serve_check.sh: the browser's decision 1 could not be made again" >&2; status=1; }
exit $status
