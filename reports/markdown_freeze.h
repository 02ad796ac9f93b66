// The report's sentences about a method fixed before scoring: when it was
// fixed and why, the weights used exactly as published, and every amendment
// with its date, who made it and why (docs/workspace.md, "Fix the method").
#pragma once

#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// A paragraph, then one list item per amendment, ending in a blank line:
//   The method was fixed on 2026-03-03 (Published with the tender); weights
//   used as published: Consent 12.5%, ... (they add up to 100%).
// Empty when `procurement.freeze` is not set: reports of evaluations without
// a freeze are unchanged.
std::string FixedMethodText(const Procurement& procurement);

}  // namespace weighbridge
