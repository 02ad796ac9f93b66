// Scores a candidate's evidence on 0-100 through a criterion's value function.
#pragma once

#include <optional>

#include "weighbridge/candidate.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// Maps `value` onto 0-100:
//   boolean    true 100, false 0;
//   linear     (x - worst) / (best - worst) x 100, clamped to [0, 100]
//              (worst may be above best: less is better);
//   piecewise  straight lines between the points, flat beyond the first and
//              last point;
//   levels     the value mapped to the text.
// Precondition (the loader's checks): the value's type suits the function
// (bool; number; number; text in the map), worst != best, and piecewise has
// at least two points with x strictly increasing.
double ApplyValueFunction(const ValueFunction& function, const EvidenceValue& value);

// The 0-100 score of `candidate` on the evidence criterion `criterion`, or
// null when the candidate gave no fact under criterion.evidence.
// Precondition: criterion.assess is Assess::kEvidence.
std::optional<double> ScoreEvidence(const Criterion& criterion, const Candidate& candidate);

}  // namespace weighbridge
