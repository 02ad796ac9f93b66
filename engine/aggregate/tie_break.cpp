#include "engine/aggregate/tie_break.h"

#include <algorithm>
#include <cmath>

namespace weighbridge {
namespace {

// > 0 when `a` is ahead of `b` on this step, < 0 when behind, 0 when they
// do not differ.
int Compare(const TieBreakStep& step, const TieKeys& a, const TieKeys& b, double tolerance) {
  auto higher = [&](double x, double y) { return x - y > tolerance ? 1 : y - x > tolerance ? -1 : 0; };
  switch (step.kind) {
    case TieBreakStep::Kind::kQuality:
      return higher(a.quality, b.quality);
    case TieBreakStep::Kind::kPrice: {
      if (!a.present_value || !b.present_value) return 0;
      const double x = *a.present_value;
      const double y = *b.present_value;
      // Money runs to millions: a difference in the last bits of a sum is no
      // difference in price.
      const double scale = tolerance * std::max({1.0, std::fabs(x), std::fabs(y)});
      return y - x > scale ? 1 : x - y > scale ? -1 : 0;
    }
    case TieBreakStep::Kind::kCriterion: {
      auto score = [&](const TieKeys& k) {
        auto it = k.scores.find(step.criterion);
        return it == k.scores.end() ? 0.0 : it->second;
      };
      return higher(score(a), score(b));
    }
  }
  return 0;
}

// The first step at which `a` and `b` differ (its index), or -1; `sign` is
// Compare()'s result there.
int Deciding(const std::vector<TieBreakStep>& steps, const TieKeys& a, const TieKeys& b,
             double tolerance, int& sign) {
  for (std::size_t s = 0; s < steps.size(); ++s) {
    sign = Compare(steps[s], a, b, tolerance);
    if (sign != 0) return static_cast<int>(s);
  }
  sign = 0;
  return -1;
}

}  // namespace

TieBreakRanks RankWithTieBreak(const std::vector<Standing>& standings,
                               const std::vector<TieKeys>& keys,
                               const std::vector<TieBreakStep>& tie_break, double tolerance) {
  const Ranks before = RankStandings(standings, tolerance);
  TieBreakRanks out;
  out.ranks.rank = before.rank;
  const std::size_t n = standings.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!before.rank[i]) continue;
    int ahead = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i || !standings[j].eligible) continue;
      if (std::fabs(standings[j].total - standings[i].total) > tolerance) continue;
      int sign = 0;
      Deciding(tie_break, keys[j], keys[i], tolerance, sign);
      ahead += sign > 0;
    }
    out.ranks.rank[i] = *before.rank[i] + ahead;
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i) {
    if (out.ranks.rank[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *out.ranks.rank[a] < *out.ranks.rank[b];
  });
  for (std::size_t i : order) out.ranks.ranking.push_back(standings[i].id);

  // The ties: candidates sharing a rank before the tie-break.
  std::map<int, std::vector<std::size_t>> by_rank;
  for (std::size_t i = 0; i < n; ++i) {
    if (before.rank[i]) by_rank[*before.rank[i]].push_back(i);
  }
  for (const auto& [rank, members] : by_rank) {
    if (members.size() < 2) continue;
    TieOutcome tie;
    std::vector<bool> used(tie_break.size(), false);
    for (std::size_t a : members) {
      tie.candidates.push_back(standings[a].id);
      for (std::size_t b : members) {
        int sign = 0;
        int step = a < b ? Deciding(tie_break, keys[a], keys[b], tolerance, sign) : -1;
        if (step >= 0) used[step] = true;
      }
    }
    for (std::size_t s = 0; s < tie_break.size(); ++s) {
      if (used[s]) tie.decided_by.push_back(TieBreakStepName(tie_break[s]));
    }
    std::vector<std::size_t> sorted = members;
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
      return *out.ranks.rank[a] < *out.ranks.rank[b];
    });
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      if (k == 0 || out.ranks.rank[sorted[k]] != out.ranks.rank[sorted[k - 1]]) {
        tie.order.emplace_back();
      }
      tie.order.back().push_back(standings[sorted[k]].id);
    }
    out.ties.push_back(std::move(tie));
  }
  return out;
}

}  // namespace weighbridge
