// How robust a decision is: how far each weight can move before the winner
// or the ranking changes, which single scores are close calls, how often
// each candidate comes first when weights and disputed scores are drawn at
// random (SMAA-2), and whether two other aggregation methods agree on the
// winner. Plain values, filled by Evaluate() (docs/methods.md, "Robustness").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

// Where SMAA's weights come from.
enum class SmaaWeights {
  kUniform,  // leaf weights uniform on the simplex: no preference information
  kPanel,    // the panel's members resampled within their groups
  kBounds,   // each leaf's global weight uniform within [low, high], on the simplex
};

// "uniform", "panel" or "bounds".
const char* SmaaWeightsName(SmaaWeights weights);
// The mode named `name`, or nullopt.
std::optional<SmaaWeights> SmaaWeightsFromName(const std::string& name);

// The largest seed accepted: 2^53 - 1, so that every seed survives a trip
// through a JSON reader that holds numbers as doubles.
inline constexpr std::uint64_t kMaxSmaaSeed = (std::uint64_t{1} << 53) - 1;

// procurement.toml's [smaa]. Every field may be overridden from the command
// line (SensitivityOptions).
struct SmaaSettings {
  // nullopt: kPanel when at least two panel members made a judgement, else
  // kUniform.
  std::optional<SmaaWeights> weights;
  std::optional<int> samples;          // nullopt: 10,000; 0 turns SMAA off
  std::optional<std::uint64_t> seed;   // nullopt: derived from the input hash
  bool fixed_scores = false;           // `scores = "fixed"`: no score uncertainty
  // [smaa.bounds]: leaf id -> [low, high] of its global weight, in [0, 1].
  std::map<std::string, std::pair<double, double>> bounds;
  std::map<std::string, SourcePos> bound_pos;  // where each bound was given
  SourcePos weights_pos;                       // where `weights` was given
};

// Command-line overrides and switches for the robustness analysis.
struct SensitivityOptions {
  // Default true. False skips the whole analysis (Decision::sensitivity stays
  // empty, with `skipped` set); for callers that only want totals.
  bool enabled = true;
  std::optional<SmaaWeights> weights;  // overrides [smaa] weights
  std::optional<int> samples;          // overrides [smaa] samples
  std::optional<std::uint64_t> seed;   // overrides [smaa] seed
  std::optional<bool> fixed_scores;    // overrides [smaa] scores
  // Default 2. Threads for SMAA; the results never depend on it (fixed
  // chunks of draws, each with its own random stream, summed in order).
  int threads = 2;
};

// How far one node's local weight can move, its siblings rescaled in
// proportion and everything else held, before the result changes.
struct StabilityInterval {
  std::string criterion;
  std::string parent;  // "root" at the top
  double weight = 0;   // local weight today
  // The interval of local weight, containing `weight`, over which the
  // winner stays first (no one more than the tie tolerance above it).
  double winner_lower = 0;
  double winner_upper = 1;
  // Likewise for the whole ranking of eligible candidates: every pair keeps
  // its order (or its tie).
  double ranking_lower = 0;
  double ranking_upper = 1;
  // Who would come first just beyond each winner bound; empty when nobody
  // overtakes the winner on that side (the bound is then 0 or 1).
  std::string overtaker_below;
  std::string overtaker_above;
  // False when a cap inside another cap made the totals curve, so the bounds
  // were found by a search on a grid and halving rather than exactly.
  bool exact = true;
};

// The smallest weight change, over every node, that puts someone else first.
struct WeightTipping {
  std::string criterion;
  double today = 0;         // local weight today
  double bound = 0;         // the local weight at which the winner is caught
  bool below = true;        // whether the bound is below today's weight
  std::string overtaker;    // who comes first beyond it
  double global_change = 0; // |bound - today| x the parent's global weight
};

// One judgement score that, changed alone, makes `new_winner` strictly first.
struct ScoreFlip {
  std::string candidate;  // whose score changes: the winner or the runner-up
  std::string criterion;  // a judgement leaf
  double from = 0;        // the moderated score, on the evaluators' scale
  double to = 0;          // within the scale
  std::string new_winner;
  // "smallest": the smallest change (on a grid of 0.1 scale points) for this
  // candidate over every judgement criterion; "one point": a change of
  // exactly one scale point that would do it.
  std::string kind;
};

// SMAA-2 (Lahdelma and Salminen 2001) over the eligible candidates.
struct SmaaResult {
  bool ran = false;
  std::string note;  // why it did not run, or what was left out; may be empty
  int samples = 0;
  std::uint64_t seed = 0;
  std::string weights_mode;  // "uniform", "panel" or "bounds"
  std::string scores_mode;   // "evaluators' range" or "fixed"
  std::string generator;     // the random number generator, by name
  int uncertain_scores = 0;  // (candidate, criterion) scores drawn at random
  std::vector<std::string> candidates;  // eligible ids, candidates-file order
  std::vector<std::string> criteria;    // leaf ids, tree order
  // [candidate][rank - 1]: the share of draws in which it took that rank.
  std::vector<std::vector<double>> acceptability;
  std::vector<std::vector<double>> acceptability_se;  // Monte Carlo standard errors
  // [candidate][criterion]: the mean global weights of the draws in which it
  // came first; null when it never did. Standard errors null with one draw.
  std::vector<std::optional<std::vector<double>>> central_weights;
  std::vector<std::optional<std::vector<double>>> central_weights_se;
  // The share of score draws in which it comes first under its own central
  // weights; null when it never came first.
  std::vector<std::optional<double>> confidence;
  std::vector<std::optional<double>> confidence_se;
  int confidence_samples = 0;  // score draws behind each confidence factor
};

// Another aggregation method on the same scores and weights, as a check.
struct MethodCheck {
  std::string method;  // "topsis" or "promethee-ii"
  std::vector<std::string> candidates;  // eligible ids, candidates-file order
  std::vector<double> values;           // closeness (0-1) or net flow (-1..1)
  std::vector<std::string> ranking;     // best first
  std::vector<std::string> first;       // the candidates it puts first (ties)
  bool agrees = false;                  // same first place as the weighted sum
};

struct Sensitivity {
  bool skipped = false;  // SensitivityOptions::enabled was false
  // Why there is little or nothing to report, in plain words: "no product
  // was eligible", "only one product was eligible"; empty otherwise.
  std::string note;
  std::vector<StabilityInterval> stability;  // every node with siblings, tree order
  std::optional<WeightTipping> tipping;      // null when no weight change alters the winner
  std::vector<ScoreFlip> score_flips;
  SmaaResult smaa;
  std::vector<MethodCheck> cross_checks;  // TOPSIS, then PROMETHEE II
};

}  // namespace weighbridge
