// The whole-life cost model: one bid's priced schedule turned into a cost for
// every year of the term, by category, undiscounted and discounted.
// docs/methods.md, "Whole-life cost", gives the formulas and their sources.
#pragma once

#include "weighbridge/costs.h"
#include "weighbridge/decision.h"

namespace weighbridge {

// Year by year for t = 0..term_years: one-off lines in year 0; annual lines
// x (1 + uplift)^(t-1) and per-user lines x users x (1 + user_growth)^(t-1)
// x (1 + uplift)^(t-1) in every year t >= 1; periodic lines (no uplift) in
// each year t >= 1 that every_years divides; exit lines (no uplift) in year
// term_years. Then the whole-life cost (the years added up), the present
// value (each year / (1 + discount_rate)^t, added up), the maintenance share
// and the annual mean. price_per_quality_point and flags are left empty.
// Preconditions: term_years >= 1; amounts >= 0; settings.users is set when
// there are per-user lines (the loader checks all three).
CostResult WholeLifeCost(const CandidateCosts& costs, const CostSettings& settings, int term_years);

// True when support and maintenance add up to 0 in every year from 2 to the
// term: the bid has priced no upkeep after the first year. False for a term
// of 1 year, which has no such years. Precondition: `cost` came from
// WholeLifeCost.
bool PricesNoMaintenance(const CostResult& cost);

}  // namespace weighbridge
