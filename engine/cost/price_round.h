// One round of scoring with price: which bids form the price pool, their
// price scores, then every rule and total. Price scores depend on the pool
// and the pool on the rules that do not read price, so the rules run twice:
// once to find the pool (price left at 0), once for real.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/aggregate/tie_break.h"
#include "engine/weigh/panel_weights.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

struct ScoredRound {
  std::vector<CandidateResult> candidates;  // rules run, totals set, quality set
  std::vector<TieKeys> keys;                // parallel: what the tie-break reads
  // With the price branch only:
  std::vector<std::string> pool;  // the price pool, in candidates-file order
  std::optional<double> lowest;   // the lowest present value in the pool
  bool price_scored = false;
  std::string unscored_reason;  // why price was not scored; empty when it was
};

// The ids of the rules whose outcome may depend on price: those reading the
// total or score("price"), those reading the outcome of one of these, and
// those reading a score that a cap among these may change.
std::set<std::string> PriceDependentRules(const Procurement& procurement);

// Scores `measured` (the candidates in file order, leaves measured and
// costs set; the price leaf, if any, still 0). Without the price branch,
// runs the rules and totals once. With it: the pool is every candidate not
// in `left_out` that fails no gate, require, exclusion, minimum or budget
// outside PriceDependentRules(); price is scored on present value against
// the lowest in the pool (an empty pool leaves price unscored, at 0, with
// the reason); then the rules run again with the price scores.
ScoredRound ScoreRound(const Procurement& procurement, const LocalWeights& local,
                       const GlobalWeights& global, const std::vector<CandidateResult>& measured,
                       const std::set<std::string>& left_out = {});

}  // namespace weighbridge
