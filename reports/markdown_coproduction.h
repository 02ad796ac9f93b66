// The report's co-production statement: who set the weights that decided
// the result, what each group valued most, whether each group's own weights
// would have chosen the same product, and what the co-production checks
// found. Internal to the reports.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// A Markdown `##` section ending in a blank line. Always written: without a
// panel it says plainly that the weights were not co-produced.
std::string CoproductionStatement(const Procurement& procurement, const Decision& decision);

}  // namespace weighbridge
