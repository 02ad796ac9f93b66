#!/usr/bin/env bash
# Durability and concurrency with real processes:
#
#   durability_test.sh WEIGHBRIDGE SOURCE_DIR
#
# 1. `weighbridge import` killed with SIGKILL at random moments, 50 times:
#    after each, verify passes and the workspace holds all of that import or
#    none of it.
# 2. Two imports at once into one workspace: both succeed, nothing lost.
# 3. A writer in another process holding the workspace past the busy timeout:
#    import exits 3 with "the workspace is busy; try again" and writes nothing.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/e2e_lib.sh" "$@"

count() { sqlite3 "$1/weighbridge.db" "SELECT COUNT(*) FROM submission WHERE kind = 'candidate'"; }

# A workspace holding the minimal procurement (2 candidates).
"$weighbridge" init base --framework social-care-digital > /dev/null
cp "$source_dir"/tests/bad/good-minimal/input/*.toml base/
"$weighbridge" freeze base --note "Published with the tender" 2> /dev/null
"$weighbridge" evaluate base --format json -o /dev/null 2> /dev/null
[[ "$(count base)" == 2 ]] || fail "the base workspace should hold 2 candidates"

# Files of 300 new candidates each, so an import takes long enough to be cut short.
make_bids() {  # make_bids FILE PREFIX
  for i in $(seq 1 300); do printf '[[candidate]]\nid = "%s-%03d"\nname = "Bid %s %d"\n\n' "$1" "$i" "$1" "$i"; done > "$1.toml"
}
make_bids many
make_bids more

# How long one import takes here, to spread the kills across it.
start=$(date +%s%N)
cp -r base timing && "$weighbridge" import timing many.toml > /dev/null
took_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))

# --- 1. SIGKILL at random moments -------------------------------------------
all=0; none=0
for run in $(seq 1 50); do
  rm -rf victim; cp -r base victim
  "$weighbridge" import victim many.toml > /dev/null 2>&1 &
  pid=$!
  delay_ms=$(( RANDOM % took_ms ))
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -KILL "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if ! "$weighbridge" verify victim > /dev/null 2> err.txt; then
    fail "run $run (killed after ${delay_ms} ms): verify failed: $(cat err.txt)"
  fi
  case "$(count victim)" in
    2) none=$((none + 1)) ;;
    302) all=$((all + 1)) ;;
    *) fail "run $run (killed after ${delay_ms} ms): $(count victim) candidates, expected 2 or 302" ;;
  esac
done
echo "SIGKILL: 50 runs over ${took_ms} ms imports: $all complete, $none with nothing stored"

# --- 2. Two imports at once ---------------------------------------------------
rm -rf both; cp -r base both
"$weighbridge" import both many.toml > one.txt 2>&1 & first=$!
"$weighbridge" import both more.toml > two.txt 2>&1 & second=$!
wait "$first" || fail "the first of two imports at once failed: $(cat one.txt)"
wait "$second" || fail "the second of two imports at once failed: $(cat two.txt)"
[[ "$(count both)" == 602 ]] || fail "two imports at once: $(count both) candidates, expected 602"
"$weighbridge" verify both > /dev/null || fail "two imports at once: verify failed"

# --- 3. Busy past the timeout ---------------------------------------------------
rm -rf busy; cp -r base busy
entries=$(sqlite3 busy/weighbridge.db 'SELECT COUNT(*) FROM audit')
python3 - busy/weighbridge.db <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")   # hold the write lock longer than weighbridge waits (5 s)
open("locked", "w").close()
time.sleep(8)
db.execute("ROLLBACK")
PY
holder=$!
while [[ ! -e locked ]]; do sleep 0.05; done
status=0
"$weighbridge" import busy many.toml > out.txt 2> err.txt || status=$?
wait "$holder"
[[ "$status" == 3 ]] || fail "import while busy exited $status, expected 3"
[[ "$(head -n 1 err.txt)" == "weighbridge: the workspace is busy; try again" ]] || fail "busy: $(cat err.txt)"
[[ "$(sqlite3 busy/weighbridge.db 'SELECT COUNT(*) FROM audit')" == "$entries" ]] || fail "a busy import wrote to the log"

if (( failures > 0 )); then echo "$failures failure(s)" >&2; exit 1; fi
echo "workspace durability: all passed"
