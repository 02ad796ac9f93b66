// What the costs say that a commissioner should look into: a bid that prices
// no upkeep after the first year, and a bid far cheaper than the others.
// Flags inform; they never exclude.
#pragma once

#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// For every candidate with a cost: sets its price per quality point
// (present value / quality score; null when the quality score is 0) and its
// flags:
//   no-maintenance  support + maintenance is 0 in every year from 2 to the
//                   term (never for a term of 1 year);
//   abnormally-low  its present value is more than price.abnormally_low
//                   below the mean present value of the other eligible bids
//                   with costs, when there are at least two of them.
// Precondition: eligibility and quality scores are final.
void AddCostFlags(const Procurement& procurement, std::vector<CandidateResult>& candidates);

}  // namespace weighbridge
