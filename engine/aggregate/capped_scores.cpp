#include "engine/aggregate/capped_scores.h"

namespace weighbridge {
namespace {

// Every leaf at or under `node`, in tree order.
void LeavesUnder(const CriteriaTree& tree, const std::string& node, std::vector<std::string>& out) {
  if (tree.IsLeaf(node)) {
    out.push_back(node);
    return;
  }
  for (const std::string& child : tree.Children(node)) LeavesUnder(tree, child, out);
}

}  // namespace

CappedScores::CappedScores(const CriteriaTree& tree, const LocalWeights& local,
                           const GlobalWeights& global, const std::vector<CriterionResult>& leaves)
    : tree_(tree), local_(local), global_(global) {
  for (const CriterionResult& leaf : leaves) {
    score_[leaf.criterion] = leaf.score;
    factor_[leaf.criterion] = 1.0;
  }
}

double CappedScores::Score(const std::string& node) const {
  if (tree_.IsLeaf(node)) return score_.at(node) * factor_.at(node);
  double sum = 0;
  for (const std::string& child : tree_.Children(node)) sum += local_.at(child) * Score(child);
  return sum;
}

double CappedScores::Total() const {
  double total = 0;
  for (const std::string& leaf : tree_.leaves()) {
    total += global_.at(leaf) * score_.at(leaf) * factor_.at(leaf);
  }
  for (const auto& [rule, amount] : total_lines_) total += amount;
  return total;
}

double CappedScores::Apply(const std::string& target, double max, const std::string& rule) {
  if (target == "total") {
    double before = Total();
    if (before > max) total_lines_.emplace_back(rule, max - before);
    return before;
  }
  double before = Score(target);
  // Scaling every leaf under the target by max / before brings the target's
  // weighted mean to exactly max and keeps the leaves' proportions.
  if (before > max && before > 0) {
    std::vector<std::string> leaves;
    LeavesUnder(tree_, target, leaves);
    for (const std::string& leaf : leaves) {
      factor_[leaf] *= max / before;
      capped_by_[leaf].push_back(rule);
    }
  }
  return before;
}

void CappedScores::Write(CandidateResult& out) const {
  double total = 0;
  for (CriterionResult& result : out.criteria) {
    result.weight = global_.at(result.criterion);
    result.contribution = result.weight * result.score * factor_.at(result.criterion);
    auto it = capped_by_.find(result.criterion);
    result.capped_by = it == capped_by_.end() ? std::vector<std::string>{} : it->second;
    total += result.contribution;
  }
  for (const auto& [rule, amount] : total_lines_) {
    CriterionResult line;
    line.criterion = "total";
    line.contribution = amount;
    line.capped_by = {rule};
    line.basis = "cap on the total";
    out.criteria.push_back(line);
    total += amount;
  }
  out.total = total;
}

}  // namespace weighbridge
