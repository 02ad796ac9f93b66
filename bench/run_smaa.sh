#!/usr/bin/env bash
# SMAA-2 at scale against numpy, the machine's arithmetic limit, and the
# example's whole evaluation, in one run:
#
#   bench/run_smaa.sh [DRAWS]     (default 1000000)
#
# 1. bench/smaa_bench.cpp: 20 candidates x 40 criteria x DRAWS draws on one
#    and two threads (3 repetitions each, medians), and the arithmetic limit
#    (separate multiplies and adds on doubles, as wide as the machine allows).
# 2. bench/smaa_numpy.py: the same algorithm vectorised with numpy, 3 runs,
#    median; then the ratio.
# 3. hyperfine: `weighbridge evaluate` on examples/case-management, the
#    default (SMAA with 10,000 draws included) against --samples 0 (no SMAA),
#    so the cost of the robustness analysis shows beside the rest.
# Needs scripts/install-bench-deps.
set -euo pipefail
cd "$(dirname "$0")/.."
draws=${1:-1000000}
build=${BUILD_DIR:-build/bench}
python=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DWEIGHBRIDGE_BENCH=ON -DWEIGHBRIDGE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target smaa_bench weighbridge >/dev/null

echo "== engine (median of 3) and the arithmetic limit"
"$build/bench/smaa_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_format=json >"$out/cpp.json"
"$python" - "$out/cpp.json" <<'PY' | tee "$out/cpp.txt"
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
for b in runs:
    if b["name"].endswith("_median"):
        extra = ""
        if "draws_per_s" in b:
            extra = f"  {b['draws_per_s'] / 1e6:.2f} M draws/s"
        if "flops" in b:
            extra = f"  {b['flops'] / 1e9:.1f} GFLOP/s"
        print(f"{b['name']:<45} {b['real_time'] / 1000:.3f} s{extra}")
PY

echo "== numpy (3 runs)"
for _ in 1 2 3; do "$python" bench/smaa_numpy.py "$draws"; done | tee "$out/numpy.txt"
"$python" - "$out" "$draws" <<'PY'
import re, statistics, sys
from pathlib import Path
d = Path(sys.argv[1])
numpy = statistics.median(float(re.search(r"in ([0-9.]+) s", l).group(1))
                          for l in (d / "numpy.txt").read_text().splitlines())
cpp = {}
for line in (d / "cpp.txt").read_text().splitlines():
    m = re.match(r"BM_Smaa/draws:(\d+)/threads:(\d+).*?_median\s+([0-9.]+) s", line)
    if m:
        cpp[int(m.group(2))] = float(m.group(3))
for threads, seconds in sorted(cpp.items()):
    print(f"engine on {threads} thread(s): {seconds:.3f} s; numpy {numpy:.3f} s; ratio {numpy / seconds:.1f}x")
PY

echo "== the example's evaluation, SMAA included, against no SMAA"
hyperfine --warmup 3 --runs 30 --export-json "$out/hyperfine.json" \
  -n "default (SMAA, 10,000 draws)" \
  "$build/cli/weighbridge evaluate examples/case-management --format json -o $out/a.json" \
  -n "--samples 0 (no SMAA)" \
  "$build/cli/weighbridge evaluate examples/case-management --format json --samples 0 -o $out/b.json"
"$python" - "$out/hyperfine.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
for r in runs:
    print(f"{r['command']:<30} median {r['median'] * 1000:.1f} ms")
print(f"ratio of medians: {runs[0]['median'] / runs[1]['median']:.2f}")
PY
