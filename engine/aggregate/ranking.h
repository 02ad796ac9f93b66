// Ranks candidates by total, with ties within a tolerance sharing a rank.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace weighbridge {

// One candidate as ranking sees it.
struct Standing {
  std::string id;
  double total = 0;  // 0-100
  bool eligible = true;
};

struct Ranks {
  // Parallel to the standings: 1 + the number of eligible candidates whose
  // total is more than the tolerance above this one's; null when ineligible.
  std::vector<std::optional<int>> rank;
  // Eligible ids by rank, best first; tied candidates keep the standings'
  // order (the candidates file's).
  std::vector<std::string> ranking;
};

// Ranks `standings` (in candidates-file order). Totals 80, 70, 70, 60 rank
// 1, 2, 2, 4. With no eligible candidate every rank is null and the ranking is
// empty. Precondition: tie_tolerance >= 0.
Ranks RankStandings(const std::vector<Standing>& standings, double tie_tolerance);

}  // namespace weighbridge
