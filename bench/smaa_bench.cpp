// SMAA-2 at scale: 20 candidates x 40 criteria x 1,000,000 draws, uniform
// weights and every score uncertain, on one and two threads; beside it the
// machine's arithmetic limit for the same kind of arithmetic (separate
// multiplies and adds on doubles, as SMAA uses, vectorised as wide as the
// machine allows), measured here rather than taken from a data sheet.
// Run with bench/run_smaa.sh, which also runs the numpy version
// (bench/smaa_numpy.py) and times the example's evaluation.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <thread>

#include "engine/sensitivity/smaa.h"

namespace weighbridge {
namespace {

constexpr int kCandidates = 20;
constexpr int kCriteria = 40;

// Scores spread over 0-100 by a fixed rule (no randomness needed here):
// each cell's lowest score and range, every range above 0.
SmaaProblem BenchProblem() {
  SmaaProblem p;
  p.candidates = kCandidates;
  p.leaves = kCriteria;
  for (int i = 0; i < kCandidates; ++i) {
    for (int l = 0; l < kCriteria; ++l) {
      const int k = i * kCriteria + l;
      p.lo.push_back(10 + (k * 37) % 60);
      p.span.push_back(5 + (k * 13) % 30);
    }
  }
  p.caps.resize(kCandidates);
  for (int l = 0; l < kCriteria; ++l) p.free.push_back(l);
  p.fixed.assign(kCriteria, 0.0);
  return p;
}

void BM_Smaa(benchmark::State& state) {
  const SmaaProblem p = BenchProblem();
  SmaaRunOptions options;
  options.samples = static_cast<int>(state.range(0));
  options.threads = static_cast<int>(state.range(1));
  options.seed = 2026;
  double firsts = 0;
  for (auto _ : state) {
    const SmaaResult r = RunSmaa(p, options);
    firsts = r.acceptability[0][0];
    benchmark::DoNotOptimize(firsts);
  }
  state.counters["draws_per_s"] =
      benchmark::Counter(static_cast<double>(options.samples) * state.iterations(),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Smaa)
    ->ArgNames({"draws", "threads"})
    ->Args({1000000, 2})
    ->Args({1000000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The arithmetic limit: 16 independent chains of eight-lane vectors, each
// step x = x * a + b (a multiply and an add, not fused, as SMAA's
// arithmetic), enough chains to keep every vector unit busy despite each
// operation's latency. Cloned for AVX-512, AVX2 and the baseline like the
// SMAA kernel, so it measures the same instructions.
using V8 = double __attribute__((vector_size(64)));
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
double MulAddChains(std::int64_t steps) {
  constexpr int kChains = 16;
  V8 x[kChains];
  for (int c = 0; c < kChains; ++c) x[c] = V8{} + (1.0 + c * 1e-3);
  const double a = 0.999999;
  const double b = 1e-7;
  for (std::int64_t s = 0; s < steps; ++s) {
#pragma GCC unroll 16
    for (int c = 0; c < kChains; ++c) x[c] = x[c] * a + b;
  }
  double sum = 0;
  for (int c = 0; c < kChains; ++c) {
    for (int j = 0; j < 8; ++j) sum += x[c][j];
  }
  return sum;
}

void BM_ArithmeticLimit(benchmark::State& state) {
  constexpr std::int64_t kSteps = 10000000;
  double sink = 0;
  for (auto _ : state) {
    sink += MulAddChains(kSteps);
    benchmark::DoNotOptimize(sink);
  }
    // Two floating-point operations per lane, chain and step.
  state.counters["flops"] = benchmark::Counter(2.0 * 16 * 8 * kSteps * state.iterations(),
                                               benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ArithmeticLimit)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace
}  // namespace weighbridge

BENCHMARK_MAIN();
