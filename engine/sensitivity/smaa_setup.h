// From a decision to an SMAA-2 run: which weights and scores vary, the seed,
// and the labels of the results.
#pragma once

#include <cstdint>
#include <string>

#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/smaa.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

inline constexpr int kDefaultSmaaSamples = 10000;

// The first 13 hexadecimal digits (52 bits) of the input hash as a number:
// the default seed, so the same inputs always draw the same numbers. 0 when
// there is no hash.
std::uint64_t SeedFromHash(const std::string& input_hash);

// kPanel when at least two panel members made a judgement, else kUniform.
SmaaWeights DefaultSmaaWeights(const Procurement& procurement);

// The candidate's judgement scores that SMAA draws: for each eligible
// candidate and judgement leaf with no consensus and at least two
// evaluators who differ, uniformly between the lowest and the highest
// evaluator's score; every other score is fixed.
void SetScoreRanges(const Procurement& procurement, const FlatModel& model, SmaaProblem& problem);

// Runs SMAA-2 as the procurement's [smaa] and the options say (options win).
// Not run (ran false, with a note) when no candidate is eligible or samples
// is 0.
SmaaResult AnalyseSmaa(const Procurement& procurement, const FlatModel& model,
                       const SensitivityOptions& options, double tie_tolerance);

}  // namespace weighbridge
