#include "engine/sensitivity/cross_check.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "engine/sensitivity/promethee.h"
#include "engine/sensitivity/topsis.h"

namespace weighbridge {
namespace {

MethodCheck Check(const std::string& method, const FlatModel& model,
                  const std::vector<double>& values, const std::set<std::string>& first,
                  double tol) {
  MethodCheck out;
  out.method = method;
  out.values = values;
  const std::vector<FlatCandidate>& eligible = model.eligible();
  for (const FlatCandidate& c : eligible) out.candidates.push_back(c.id);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  // Best first; equal values keep the candidates file's order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] > values[b] + tol; });
  for (std::size_t i : order) out.ranking.push_back(eligible[i].id);
  const double best = values[order.front()];
  std::set<std::string> mine;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] >= best - tol) {
      out.first.push_back(eligible[i].id);
      mine.insert(eligible[i].id);
    }
  }
  out.agrees = mine == first;
  return out;
}

}  // namespace

std::vector<MethodCheck> CrossChecks(const FlatModel& model, const Decision& decision,
                                     double tie_tolerance) {
  const std::vector<FlatCandidate>& eligible = model.eligible();
  if (eligible.empty()) return {};
  const FlatTree& tree = model.tree();
  std::vector<double> w;
  for (int node : tree.leaves) w.push_back(tree.global[node]);
  std::vector<std::vector<double>> x;
  for (const FlatCandidate& c : eligible) {
    std::vector<double> factor;
    model.Total(c, c.score, tree.local, tree.global, nullptr, &factor);
    std::vector<double> row(c.score.size());
    for (std::size_t l = 0; l < row.size(); ++l) row[l] = c.score[l] * factor[l];
    x.push_back(std::move(row));
  }
  std::set<std::string> first;
  for (const CandidateResult& c : decision.candidates) {
    if (c.rank && *c.rank == 1) first.insert(c.id);
  }
  const std::vector<bool> benefit(w.size(), true);
  return {Check("topsis", model, TopsisCloseness(x, w, benefit), first, tie_tolerance),
          Check("promethee-ii", model, PrometheeNetFlows(x, w, benefit, tie_tolerance), first,
                tie_tolerance)};
}

}  // namespace weighbridge
