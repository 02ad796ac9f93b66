// Ranking with the declared tie-break: eligible candidates whose totals tie
// (within the tolerance) are told apart by the steps of `tie_break`, in
// order; those it cannot tell apart keep a shared rank. The tie-break is
// declared before scoring and never invented afterwards: with none declared
// a tie stays shared. docs/methods.md, "Ranking".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/aggregate/ranking.h"
#include "weighbridge/costs.h"
#include "weighbridge/decision.h"

namespace weighbridge {

// What the tie-break steps read for one candidate.
struct TieKeys {
  double quality = 0;                   // 0-100, the quality score
  std::optional<double> present_value;  // null when the bid gave no costs
  std::map<std::string, double> scores;  // criterion id -> 0-100 after caps, for criterion:<id>
};

struct TieBreakRanks {
  Ranks ranks;                    // as RankStandings, after the tie-break
  std::vector<TieOutcome> ties;   // one per set of eligible candidates tied on total
};

// Ranks `standings` (candidates-file order; `keys` parallel to them):
//   rank = 1 + the eligible candidates whose total is more than `tolerance`
//          higher + the tied ones (total within `tolerance`) that the
//          tie-break puts ahead.
// One candidate is put ahead of a tied one at the first step where they
// differ: a higher quality score (by more than `tolerance`), a lower
// present value (by more than `tolerance` times the larger value, at least
// `tolerance`), a higher score on the criterion. A candidate without a
// present value does not differ on price. Ties are the sets of eligible
// candidates sharing a rank before the tie-break.
TieBreakRanks RankWithTieBreak(const std::vector<Standing>& standings,
                               const std::vector<TieKeys>& keys,
                               const std::vector<TieBreakStep>& tie_break, double tolerance);

}  // namespace weighbridge
