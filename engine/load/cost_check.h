// Checks about costs and price that need more than one file: the term, which
// candidates must give costs, per-user costs without users, a present value
// of 0 where price is scored by ratio, and tie-break criteria. Then gives
// each bid's computed figures to criteria and rules as evidence.
#pragma once

#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// The figures a bid's costs give, as evidence keys a criterion's `evidence`
// or a rule (`cost.whole_life`) may read: "cost.whole_life",
// "cost.present_value", "cost.maintenance_share", "cost.annual_mean".
const std::vector<std::string>& CostFactKeys();

// Reports every problem into `diagnostics`. When there is none, adds the
// figures of CostFactKeys() to the evidence of every candidate that gave
// costs (cost.maintenance_share only when its whole-life cost is above 0), at
// the position of its [candidate.costs]. Call after the tree is built and
// before the cross-file evidence checks. `term_refused`: term_years was given
// but refused, and reported already; it is not reported again as missing.
void CheckCosts(Procurement& procurement, bool term_refused,
                const std::vector<const SourceFile*>& files, Diagnostics& diagnostics);

}  // namespace weighbridge
