#!/usr/bin/env bash
# The panel at scale against numpy, in the same run:
#
#   bench/run_panel.sh [MEMBERS]     (default 100000)
#
# Makes panel.csv (bench/panel_data.py), runs the engine (bench/panel_bench.cpp,
# 5 repetitions, medians) and the numpy version (bench/panel_numpy.py, 5
# repetitions), checks that both give the same panel weights, and prints the
# medians and the ratio. Parsing is timed on its own by both. Debian's
# /usr/bin/python3 with python3-numpy (scripts/install-bench-deps).
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-100000}
build=${BUILD_DIR:-build/bench}
python=${PYTHON:-/usr/bin/python3}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DWEIGHBRIDGE_BENCH=ON -DWEIGHBRIDGE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target panel_bench >/dev/null
"$python" bench/panel_data.py "$data" "$members"

"$build/bench/panel_bench" "$data" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_filter=BM_EigenCrAggregate --benchmark_format=json >"$data/cpp.json" 2>"$data/cpp.txt" \
  || { cat "$data/cpp.txt"; exit 1; }
"$build/bench/panel_bench" "$data" --benchmark_filter=BM_WeighPanel >"$data/weigh.txt"
"$python" bench/panel_numpy.py "$data" 5 >"$data/numpy.txt"

"$python" - "$data" "$members" <<'PY'
import json, statistics, sys
from pathlib import Path
d = Path(sys.argv[1])
raw = (d / "cpp.json").read_text()
head, _, body = raw.partition("{")
cpp = json.loads("{" + body)
lines = [l.split() for l in head.splitlines() if l.strip()]
cpp_vals = {l[0]: l[1:] for l in lines}
numpy_lines = [l.split() for l in (d / "numpy.txt").read_text().splitlines()]
numpy_vals = {}
for l in numpy_lines:
    numpy_vals.setdefault(l[0], []).append(l[1:])
medians = {b["name"].split("/")[1]: b["real_time"] / 1000.0  # "threads:N"; ms to s
           for b in cpp["benchmarks"] if b["name"].endswith("_median")}
numpy_s = statistics.median(float(v[0]) for v in numpy_vals["numpy_compute"])
a = [float(x) for x in cpp_vals["panel_weights"]]
b = [float(x) for x in numpy_vals["panel_weights"][0]]
worst = max(abs(x - y) for x, y in zip(a, b))
print(f"members: {sys.argv[2]}, each a complete 10 x 10 pairwise matrix")
print(f"parsing: engine {float(cpp_vals['parse_seconds'][0]):.3f} s, numpy {float(numpy_vals['numpy_parse'][0][0]):.3f} s")
for threads, cpp_s in sorted(medians.items()):
    print(f"eigenvector, CR and aggregation, median of 5: engine on {threads} {cpp_s:.4f} s, "
          f"numpy (one core) {numpy_s:.4f} s, ratio {numpy_s / cpp_s:.1f}x")
print(f"panel weights agree to {worst:.1e}; CR sums {cpp_vals['check_cr_sum'][0]} vs {numpy_vals['check_cr_sum'][0][0]}; "
      f"above 0.1: {cpp_vals['check_above_0.1'][0]} vs {numpy_vals['check_above_0.1'][0][0]}")
if worst > 1e-9:
    sys.exit("the two computations disagree")
PY
echo "engine's whole WeighPanel() (more work: least-squares diagnosis per member), one run:"
grep BM_WeighPanel "$data/weigh.txt"
