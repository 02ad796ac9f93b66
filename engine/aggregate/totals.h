// The weighted sum: each leaf's score times its global weight, added up.
#pragma once

#include <vector>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/decision.h"

namespace weighbridge {

// Sets each criterion's weight (its global weight) and contribution
// (weight x score), and the candidate's total as the sum of the contributions
// in the order of `candidate.criteria` (tree leaf order), so the listed
// contributions add up to the total exactly as shown. Precondition: `global`
// holds every criterion in candidate.criteria, and each score is set.
void ApplyWeights(const GlobalWeights& global, CandidateResult& candidate);

// The total `criteria` would have under `global`, computed exactly as
// ApplyWeights computes it (same products, same order), without changing
// anything: for group rankings and other what-ifs.
double WeightedTotal(const GlobalWeights& global, const std::vector<CriterionResult>& criteria);

}  // namespace weighbridge
