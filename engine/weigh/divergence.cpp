#include "engine/weigh/divergence.h"

#include <algorithm>
#include <numeric>

namespace weighbridge {
namespace {

// Two weights closer than this are a tie: the same share reached by
// different arithmetic (1/3 as points 1 of 3 or 25 of 75).
constexpr double kTie = 1e-12;

// The counted judgements of `group` on `node`.
std::vector<const AnalysedJudgement*> Counted(const PanelWeights& weights,
                                              const std::string& group, const std::string& node) {
  std::vector<const AnalysedJudgement*> out;
  for (const AnalysedJudgement& a : weights.judgements) {
    if (a.group == group && a.judgement->parent == node && !a.excluded) out.push_back(&a);
  }
  return out;
}

}  // namespace

std::vector<double> MidRanks(const std::vector<double>& values) {
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] > values[b] + kTie; });
  std::vector<double> ranks(n);
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && std::abs(values[order[end]] - values[order[start]]) <= kTie) ++end;
    // Positions start+1 .. end share their mean.
    const double mean = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
    for (std::size_t k = start; k < end; ++k) ranks[order[k]] = mean;
    start = end;
  }
  return ranks;
}

std::optional<double> KendallW(const std::vector<std::vector<double>>& weights) {
  const std::size_t m = weights.size();
  if (m < 2) return std::nullopt;
  const std::size_t n = weights[0].size();
  if (n < 2) return std::nullopt;
  std::vector<double> sums(n, 0.0);
  double ties = 0;
  for (const std::vector<double>& member : weights) {
    const std::vector<double> ranks = MidRanks(member);
    for (std::size_t i = 0; i < n; ++i) sums[i] += ranks[i];
    // A tied set of t items shows as t equal mid-ranks.
    std::vector<double> sorted = ranks;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t start = 0; start < n;) {
      std::size_t end = start + 1;
      while (end < n && sorted[end] == sorted[start]) ++end;
      const double t = static_cast<double>(end - start);
      ties += t * t * t - t;
      start = end;
    }
  }
  const double md = static_cast<double>(m);
  const double nd = static_cast<double>(n);
  const double centre = md * (nd + 1) / 2;
  double s = 0;
  for (double r : sums) s += (r - centre) * (r - centre);
  const double denominator = md * md * (nd * nd * nd - nd) - md * ties;
  if (denominator <= 0) return std::nullopt;
  return 12 * s / denominator;
}

std::vector<CriterionDivergence> Divergence(const CriteriaTree& tree, const Panel& panel,
                                            const PanelWeights& weights) {
  std::vector<CriterionDivergence> out;
  for (const Criterion& criterion : tree.nodes()) {
    const std::vector<std::string>& siblings = tree.Children(criterion.parent);
    if (siblings.size() < 2) continue;  // an only child is never weighed
    const std::size_t index =
        std::find(siblings.begin(), siblings.end(), criterion.id) - siblings.begin();
    CriterionDivergence d{criterion.id, criterion.parent, {}, 0, "", ""};
    auto node = weights.group_nodes.find(criterion.parent);
    for (const Group& group : panel.groups) {
      if (node == weights.group_nodes.end() || !node->second.count(group.id)) continue;
      GroupSpread spread{group.id, 0, node->second.at(group.id)[index], 1, 0};
      for (const AnalysedJudgement* a : Counted(weights, group.id, criterion.parent)) {
        ++spread.members;
        spread.lowest = std::min(spread.lowest, a->result.weights[index]);
        spread.highest = std::max(spread.highest, a->result.weights[index]);
      }
      d.groups.push_back(spread);
    }
    if (d.groups.empty()) continue;  // nobody weighed it
    if (d.groups.size() >= 2) {
      auto [low, high] = std::minmax_element(
          d.groups.begin(), d.groups.end(),
          [](const GroupSpread& a, const GroupSpread& b) { return a.weight < b.weight; });
      d.between = high->weight - low->weight;
      d.highest_group = high->group;
      d.lowest_group = low->group;
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> DifferMost(const std::vector<CriterionDivergence>& divergence,
                                    double floor) {
  std::vector<const CriterionDivergence*> sorted;
  for (const CriterionDivergence& d : divergence) {
    if (d.between >= floor) sorted.push_back(&d);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto* a, const auto* b) { return a->between > b->between; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < sorted.size() && i < 3; ++i) out.push_back(sorted[i]->criterion);
  return out;
}

std::vector<GroupAgreement> Agreement(const CriteriaTree& tree, const Panel& panel,
                                      const PanelWeights& weights) {
  std::vector<GroupAgreement> out;
  for (const std::string& node : tree.WeighedNodes()) {
    if (tree.Children(node).size() < 2) continue;
    for (const Group& group : panel.groups) {
      const std::vector<const AnalysedJudgement*> counted = Counted(weights, group.id, node);
      if (counted.empty()) continue;
      std::vector<std::vector<double>> members;
      for (const AnalysedJudgement* a : counted) members.push_back(a->result.weights);
      out.push_back({group.id, node, static_cast<int>(counted.size()), KendallW(members)});
    }
  }
  return out;
}

}  // namespace weighbridge
