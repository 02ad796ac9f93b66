#include "engine/aggregate/ranking.h"

#include <algorithm>

namespace weighbridge {
namespace {

// Competition ranking ("1224"): counting those clearly ahead, rather than
// sorting and numbering, keeps a tie within the tolerance a tie whatever the
// order of the input.
int RankOf(const Standing& self, const std::vector<Standing>& standings, double tie_tolerance) {
  int ahead = 0;
  for (const Standing& other : standings) {
    if (other.eligible && other.total - self.total > tie_tolerance) ++ahead;
  }
  return 1 + ahead;
}

}  // namespace

Ranks RankStandings(const std::vector<Standing>& standings, double tie_tolerance) {
  Ranks out;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < standings.size(); ++i) {
    if (standings[i].eligible) {
      out.rank.push_back(RankOf(standings[i], standings, tie_tolerance));
      order.push_back(i);
    } else {
      out.rank.push_back(std::nullopt);
    }
  }
  // Stable: equal ranks keep the candidates file's order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return *out.rank[a] < *out.rank[b]; });
  for (std::size_t i : order) out.ranking.push_back(standings[i].id);
  return out;
}

}  // namespace weighbridge
