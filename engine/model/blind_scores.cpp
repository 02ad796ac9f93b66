#include "weighbridge/blind_scores.h"

#include <algorithm>

namespace weighbridge {
namespace {

// The judgement leaves `evaluator` is to score: their assignment's, or every one.
std::vector<std::string> CriteriaFor(const Procurement& procurement, const std::string& evaluator,
                                     bool& assigned) {
  for (const Assignment& assignment : procurement.assignments) {
    if (assignment.evaluator != evaluator) continue;
    assigned = true;
    return assignment.leaves;
  }
  std::vector<std::string> all;
  for (const std::string& leaf : procurement.framework.tree.leaves()) {
    const Criterion* c = procurement.framework.tree.Find(leaf);
    if (c && c->assess == Assess::kJudgement) all.push_back(leaf);
  }
  return all;
}

// Position of a criterion in the tree's leaves, to list scores in that order.
std::size_t Place(const Procurement& procurement, const std::string& criterion) {
  const std::vector<std::string>& leaves = procurement.framework.tree.leaves();
  return static_cast<std::size_t>(std::find(leaves.begin(), leaves.end(), criterion) -
                                  leaves.begin());
}

}  // namespace

BlindScores ScoresSeenBy(const Procurement& procurement, const std::string& evaluator) {
  BlindScores view;
  view.evaluator = evaluator;
  view.criteria = CriteriaFor(procurement, evaluator, view.assigned);
  auto in_order = [&](const Score& a, const Score& b) {
    return std::pair(Place(procurement, a.criterion), a.evaluator) <
           std::pair(Place(procurement, b.criterion), b.evaluator);
  };
  for (const Candidate& candidate : procurement.candidates) {
    BlindCandidate seen{candidate.id, candidate.name, {}, {}, {}};
    std::vector<Score> others;
    for (const Score& score : procurement.scores) {
      if (score.candidate != candidate.id) continue;
      (score.evaluator == evaluator ? seen.own : others).push_back(score);
    }
    for (const std::string& criterion : view.criteria) {
      bool done = std::any_of(seen.own.begin(), seen.own.end(),
                              [&](const Score& s) { return s.criterion == criterion; });
      if (!done) seen.to_do.push_back(criterion);
    }
    std::stable_sort(seen.own.begin(), seen.own.end(), in_order);
    if (seen.to_do.empty()) {
      std::stable_sort(others.begin(), others.end(), in_order);
      seen.others = std::move(others);
    }
    view.candidates.push_back(std::move(seen));
  }
  return view;
}

}  // namespace weighbridge
