// The heart of weighbridge: a pure function from a validated procurement to
// a decision. No I/O, no clock, no global state: the same procurement always
// gives the same decision, bit for bit.
#pragma once

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

struct EvaluateOptions {
  // Two totals closer than this are tied (they share a rank).
  double tie_tolerance = 1e-9;
  // The robustness analysis: on by default; SMAA's overrides of [smaa].
  SensitivityOptions sensitivity;
};

// Weighs, measures, totals and ranks. Precondition: `procurement` came from
// the loader (every reference resolves, every value is in range).
Decision Evaluate(const Procurement& procurement, const EvaluateOptions& options = {});

}  // namespace weighbridge
