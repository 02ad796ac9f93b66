#!/usr/bin/env bash
# weighbridge serve under load: MEMBERS panel members (default 200), each with
# a session, send their points from CONNECTIONS connections (default 200) for
# SECONDS (default 60) with wrk, every request a changed judgement (so each
# success is a new version in the workspace):
#
#   bench/run_serve.sh [SECONDS] [CONNECTIONS] [MEMBERS]
#
# Reports submissions per second and wrk's latency percentiles; then checks
# that the workspace holds exactly as many new versions as the server says it
# stored (its last line; a few more than wrk counted, because wrk stops
# reading the answers still in flight when its time is up), and that
# `weighbridge verify` passes. The baseline, in
# the same run: the same judgements recorded one process at a time with
# `weighbridge weigh` (50 of them, timed). Release build in BUILD_DIR (default
# build/bench); wrk, curl and sqlite3 from scripts/install-bench-deps.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60} connections=${2:-200} members=${3:-200}
build=${BUILD_DIR:-build/bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DWEIGHBRIDGE_BENCH=ON -DWEIGHBRIDGE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target weighbridge >/dev/null
weighbridge=$(realpath "$build/cli/weighbridge")
source_dir=$PWD
work=$(mktemp -d)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
export WEIGHBRIDGE_USER=bench
get() { /usr/bin/curl -s --noproxy '*' "$@"; }

"$weighbridge" init p --framework social-care-digital >/dev/null
cp "$source_dir"/tests/bad/good-minimal/input/{procurement,framework,candidates}.toml p/
{
  printf '[[group]]\nid = "panel"\nmethod = "points"\n\n'
  for ((m = 1; m <= members; ++m)); do printf '[[member]]\nid = "m%d"\ngroup = "panel"\n\n' "$m"; done
} > p/panel.toml
"$weighbridge" import p p/procurement.toml p/candidates.toml p/panel.toml >/dev/null
tokens=()
for ((m = 1; m <= members; ++m)); do
  tokens+=("$("$weighbridge" invite p --member "m$m" | sed -n 2p | sed 's|.*/join/||')")
done

"$weighbridge" serve p --port 0 --threads "$connections" > serve.txt &
server=$!
for _ in $(seq 50); do grep -q serving serve.txt 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' serve.txt)

# One session per member: its cookie and its form token, for wrk's script.
{
  echo "sessions = {"
  for ((m = 0; m < members; ++m)); do
    get -c "jar$m" "$url/join/${tokens[$m]}" >/dev/null
    cookie=$(awk '$6 == "wb_session" {print $7}' "jar$m")
    csrf=$(get -b "jar$m" "$url/weigh?node=root" | grep -o 'name="csrf" value="[0-9a-f]*"' | sed 's/.*value="//; s/"//')
    echo "  {\"$cookie\", \"$csrf\"},"
  done
  echo "}"
} > sessions.lua
cat > load.lua <<'LUA'
-- Each request: the next member in turn, and points no request has sent
-- before (usability 30 + a millionth per request, privacy the rest of 100).
dofile("sessions.lua")
local counter = 0
local thread_number = 0
function setup(thread)
  thread:set("id", thread_number)
  thread_number = thread_number + 1
end
function init(args)
  counter = id * 1000000000
end
function request()
  counter = counter + 1
  local s = sessions[counter % #sessions + 1]
  local x = 30 + (counter % 1000000000) / 1000000 + id * 0.5
  local body = string.format("csrf=%s&action=send&v:usability=%.6f&v:privacy=%.6f", s[2], x, 100 - x)
  return wrk.format("POST", "/weigh?node=root",
                    {["Cookie"] = "wb_session=" .. s[1],
                     ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
function done(summary, latency, requests)
  io.write(string.format("p50_ms %.1f\np99_ms %.1f\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000))
end
LUA
# wrk's own count of answers, less those it counts as errors (not 2xx or 3xx).
before=$(sqlite3 p/weighbridge.db "SELECT COUNT(*) FROM audit WHERE what = 'import'")
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s load.lua --latency "$url" > wrk.txt
kill "$server"; wait "$server" || true; server=
after=$(sqlite3 p/weighbridge.db "SELECT COUNT(*) FROM audit WHERE what = 'import'")
requests=$(awk '/requests in/ {print $1}' wrk.txt)
errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' wrk.txt)
socket_errors=$(grep -o 'Socket errors:.*' wrk.txt || true)
successes=$((requests - ${errors:-0}))
stored=$((after - before))
echo "weighbridge serve, $members members, $connections connections, ${seconds} s (wrk -t2):"
echo "  answered: $requests ($successes sent on as saved, ${errors:-0} refused) ${socket_errors}"
echo "  submissions per second: $(awk -v s="$successes" -v t="$seconds" 'BEGIN {printf "%.1f", s / t}')"
echo "  latency: p50 $(awk '/^p50_ms/ {print $2}' wrk.txt) ms, p99 $(awk '/^p99_ms/ {print $2}' wrk.txt) ms"
echo "  new versions stored: $stored"
verified=passed
"$weighbridge" verify p >/dev/null || verified=FAILED
echo "  verify: $verified"

# The baseline: the same kind of judgement, one `weighbridge weigh` process each.
start=$(date +%s.%N)
for ((k = 1; k <= 50; ++k)); do
  "$weighbridge" weigh p --member m1 --parent root --method points \
    --set usability=$((20 + k)) --set privacy=$((80 - k)) >/dev/null 2>&1 || true
done
end=$(date +%s.%N)
echo "  baseline, weighbridge weigh one process each: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", 50 / (b - a)}') per second"
server_says=$(tail -1 serve.txt | grep -o '[0-9]* new versions' | cut -d' ' -f1)
echo "  the server says it stored: $server_says"
[[ $stored == "$server_says" ]] || { echo "the workspace holds $stored new versions, not $server_says" >&2; exit 1; }
[[ $verified == passed ]] || { echo "weighbridge verify failed after the run" >&2; exit 1; }
