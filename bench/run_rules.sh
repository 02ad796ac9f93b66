#!/usr/bin/env bash
# Builds the benchmarks in Release and runs the rule benchmark:
#
#   bench/run_rules.sh [GOOGLE BENCHMARK FLAGS...]
#
# Without flags it runs each benchmark 5 times and reports the medians and the
# engine's speed-up over SQLite. BUILD_DIR overrides the build folder
# (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DWEIGHBRIDGE_BENCH=ON -DWEIGHBRIDGE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target rules_bench
if [[ $# -eq 0 ]]; then
  set -- --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
fi
"$build/bench/rules_bench" "$@"
