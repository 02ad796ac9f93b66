// SMAA-2, stochastic multicriteria acceptability analysis (Lahdelma and
// Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis for
// group decision making", Operations Research 49(3), 2001), for the weighted
// sum with caps: in each draw, leaf weights and disputed scores are drawn,
// the caps that fired are re-applied, and the candidates are ranked.
//
// Reproducibility. Draws come in fixed chunks of kSmaaChunk; within a chunk,
// draws go in batches of kSmaaLanes, and lane j of chunk c has its own
// xoshiro256** stream: the seed's stream jumped 2^128 steps (8c + j) times.
// Each draw takes, from its lane's stream, first the numbers its weights
// need (see SmaaProblem), then, candidate by candidate, one 64-bit number per
// two uncertain scores (the upper 32 bits for the first, the lower for the
// second). Chunks are summed in chunk order, so the results are the same
// whatever the number of threads, and (with no fused multiply-add and no
// library maths) the same on every IEEE 754 machine.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "weighbridge/sensitivity.h"

namespace weighbridge {

inline constexpr int kSmaaLanes = 8;
inline constexpr int kSmaaChunk = 1024;  // draws per chunk; a multiple of kSmaaLanes

// One lane's stream, for weight draws that cannot go lane by lane together.
class LaneStream {
 public:
  LaneStream(std::uint64_t* s0, std::uint64_t* s1, std::uint64_t* s2, std::uint64_t* s3)
      : s0_(s0), s1_(s1), s2_(s2), s3_(s3) {}
  std::uint64_t Next();

 private:
  std::uint64_t* s0_;
  std::uint64_t* s1_;
  std::uint64_t* s2_;
  std::uint64_t* s3_;
};

// Draws one weighting of the leaves from `stream` into `g` (one global weight
// per leaf). Used for the panel mode (engine/sensitivity/panel_resample.h).
using WeightSampler = std::function<void(LaneStream& stream, double* g)>;

// A cap that fired for a candidate, as it is re-applied in every draw.
struct SmaaCap {
  bool total = false;       // a cap on the total
  std::vector<int> leaves;  // the leaf slots under its target (criterion caps)
  double max = 0;           // 0-100
};

// Everything a run needs, in arrays; built from a decision by
// BuildSmaaProblem (smaa_setup.h), or by hand in tests and benchmarks.
struct SmaaProblem {
  int candidates = 0;  // n, eligible
  int leaves = 0;      // m
  // [i * m + l], 0-100: the lowest score and its range; span 0 = fixed score.
  std::vector<double> lo;
  std::vector<double> span;
  std::vector<std::vector<SmaaCap>> caps;  // per candidate, in the order they applied
  double tie_tolerance = 1e-9;

  SmaaWeights mode = SmaaWeights::kUniform;
  // Leaves whose weights are drawn (kUniform, kBounds), ascending; the rest
  // keep `fixed` (the price leaf, whose share the procurement sets).
  std::vector<int> free;
  std::vector<double> fixed;  // per leaf; 0 for free leaves
  double free_mass = 1;       // 1 - the sum of the fixed weights
  // kUniform: each free leaf takes -ln(u) for one 52-bit u in (0, 1], and the
  // weights are these over their sum, times free_mass (uniform on the
  // simplex; Rubinstein and Kroese, Simulation and the Monte Carlo Method).
  // kBounds: per leaf [low, high] of the global weight (0 and 1 for fixed
  // leaves). Free leaves take low + their share of free_mass - sum(low),
  // drawn as for kUniform, again and again until every one is within high.
  std::vector<double> low;
  std::vector<double> high;
  WeightSampler sampler;  // kPanel
};

struct SmaaRunOptions {
  int samples = 10000;  // > 0
  std::uint64_t seed = 0;
  int threads = 2;      // >= 1; changes nothing but the time taken
  bool confidence = true;  // also the confidence factors
};

// Rank acceptabilities, central weights and confidence factors with their
// standard errors; fills the numbers of SmaaResult (not the labels).
// Precondition: problem.candidates >= 1 and the arrays sized as documented.
SmaaResult RunSmaa(const SmaaProblem& problem, const SmaaRunOptions& options);

// For kBounds: the share of 10,000 proposals (from a stream of their own)
// that fit the bounds, to refuse bounds that leave no room.
double BoundsAcceptance(const SmaaProblem& problem, std::uint64_t seed);

}  // namespace weighbridge
