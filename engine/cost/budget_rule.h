// The built-in gate `budget`: a bid whose whole-life cost is above the
// procurement's budget cannot be ranked.
#pragma once

#include <string>

#include "weighbridge/decision.h"

namespace weighbridge {

// The outcome of the budget gate for one bid: "pass" at or within the
// budget, "fail" above it, naming the amount over. Its values are
// "cost.whole_life" and "budget". `cost` may be null (no costs given: the
// gate fails, for a bid cannot show it is affordable without a price; the
// loader asks every bid for costs when there is a budget). `currency` is
// the procurement's, for the reason.
RuleOutcome BudgetOutcome(double budget, const CostResult* cost, const std::string& currency);

}  // namespace weighbridge
