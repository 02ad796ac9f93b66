#include "engine/aggregate/totals.h"

namespace weighbridge {

void ApplyWeights(const GlobalWeights& global, CandidateResult& candidate) {
  double total = 0;
  for (CriterionResult& result : candidate.criteria) {
    result.weight = global.at(result.criterion);
    result.contribution = result.weight * result.score;
    total += result.contribution;
  }
  candidate.total = total;
}

double WeightedTotal(const GlobalWeights& global, const std::vector<CriterionResult>& criteria) {
  double total = 0;
  for (const CriterionResult& result : criteria) {
    total += global.at(result.criterion) * result.score;
  }
  return total;
}

}  // namespace weighbridge
