// Cross-checks on price scoring, for the report: relative price formulas
// make one bid's score depend on the others, so would the order change had
// a losing bid not been made; and at what price share the winner would
// change. docs/methods.md, "Price".
#pragma once

#include <vector>

#include "engine/aggregate/tie_break.h"
#include "engine/cost/price_round.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// The price summary of a procurement whose tree has the price branch:
// method, share, pool and lowest from `round`; for each bid in the pool not
// ranked first, the others' ranking (with the tie-break) had it not been
// made, by scoring `measured` again without it; and the sole winner with
// the nearest shares below and above `price.share` at which another
// eligible candidate's share x price + (1 - share) x quality would overtake
// it, holding every price and quality score as it is.
PriceSummary SummarisePrice(const Procurement& procurement, const LocalWeights& local,
                            const GlobalWeights& global,
                            const std::vector<CandidateResult>& measured, const ScoredRound& round,
                            const TieBreakRanks& ranks, double tolerance);

}  // namespace weighbridge
