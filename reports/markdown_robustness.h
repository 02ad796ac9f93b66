// The report's section on how robust the decision is: how far the weights
// could move, which single scores are close calls, how often each product
// comes first under plausible weightings (SMAA-2), and whether two other
// methods of adding up agree. Plain words first, numbers behind them.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Markdown for the section; "" when the analysis was not run.
std::string RobustnessSection(const Procurement& procurement, const Decision& decision);

}  // namespace weighbridge
