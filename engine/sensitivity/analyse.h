// The robustness analysis of a decision, as Evaluate() runs it last:
// stability intervals, score flips, SMAA-2 and the method cross-check.
#pragma once

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// Everything in Sensitivity for `decision` (already weighed, scored, ruled
// and ranked). With no eligible candidate only the note and SMAA's note are
// set; with one, the intervals span 0 to 1 and there are no flips.
Sensitivity AnalyseSensitivity(const Procurement& procurement, const Decision& decision,
                               const SensitivityOptions& options, double tie_tolerance);

}  // namespace weighbridge
