// A candidate's scores as caps apply: branch scores are weighted means of
// their children, and a cap on a criterion scales the leaves under it so its
// score comes down to the cap; a cap on the total adds a negative line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/decision.h"

namespace weighbridge {

class CappedScores {
 public:
  // `leaves` are one candidate's measured leaf results (tree leaf order).
  // The references must outlive this object.
  CappedScores(const CriteriaTree& tree, const LocalWeights& local, const GlobalWeights& global,
               const std::vector<CriterionResult>& leaves);

  // 0-100: a leaf's score after caps, or a branch's weighted mean of its
  // children (local weights). Precondition: `node` is a criterion id.
  double Score(const std::string& node) const;
  // The sum of global weight x score x cap factor over the leaves, in leaf
  // order, plus every total-cap line: the candidate's total so far.
  double Total() const;
  // Limits `target` (a criterion id or "total") to `max`, recording `rule`
  // as what lowered it. Returns the target's score before.
  double Apply(const std::string& target, double max, const std::string& rule);
  // Sets weight, contribution and capped_by of each of `out.criteria` (the
  // same leaves), appends a "total" line per total cap that lowered the
  // total, and sets out.total to the sum of the contributions.
  void Write(CandidateResult& out) const;

 private:
  const CriteriaTree& tree_;
  const LocalWeights& local_;
  const GlobalWeights& global_;
  std::map<std::string, double> score_;   // measured leaf scores
  std::map<std::string, double> factor_;  // product of the cap factors on each leaf
  std::map<std::string, std::vector<std::string>> capped_by_;
  std::vector<std::pair<std::string, double>> total_lines_;  // (rule, negative amount)
};

}  // namespace weighbridge
