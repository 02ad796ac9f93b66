// The method cross-check: TOPSIS and PROMETHEE II on the same scores (after
// the caps on criteria; a cap on the total has no place in them) and the
// same global weights, over the eligible candidates, and whether each puts
// the same candidates first as the weighted sum.
#pragma once

#include <vector>

#include "engine/sensitivity/flat_model.h"
#include "weighbridge/decision.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// TOPSIS then PROMETHEE II; empty with no eligible candidate. Values within
// `tie_tolerance` of the best share first place.
std::vector<MethodCheck> CrossChecks(const FlatModel& model, const Decision& decision,
                                     double tie_tolerance);

}  // namespace weighbridge
