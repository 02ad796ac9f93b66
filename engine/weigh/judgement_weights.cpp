#include "engine/weigh/judgement_weights.h"

#include <algorithm>
#include <cassert>

#include "engine/weigh/rank_order.h"

namespace weighbridge {
namespace {

std::vector<double> Normalised(const Judgement& judgement,
                               const std::vector<std::string>& children) {
  // Summed in the children's order, not the map's, so the arithmetic follows
  // the tree (the same order everywhere else in the engine).
  std::vector<double> values;
  double sum = 0;
  for (const std::string& child : children) {
    auto it = judgement.values.find(child);
    values.push_back(it == judgement.values.end() ? 0.0 : it->second);
    sum += values.back();
  }
  assert(sum > 0 && "the loader rejects a judgement whose values are all 0");
  if (sum <= 0) {
    // Never from the loader; equal shares rather than a division by zero.
    return std::vector<double>(children.size(), 1.0 / static_cast<double>(children.size()));
  }
  for (double& value : values) value /= sum;
  return values;
}

int IndexOf(const std::vector<std::string>& children, const std::string& id) {
  auto it = std::find(children.begin(), children.end(), id);
  assert(it != children.end() && "the loader checks that compared criteria are children");
  return static_cast<int>(it - children.begin());
}

}  // namespace

std::vector<PairEntry> PairEntries(const Judgement& judgement,
                                   const std::vector<std::string>& children) {
  std::vector<PairEntry> entries;
  for (const Comparison& c : judgement.pairs) {
    entries.push_back({IndexOf(children, c.a), IndexOf(children, c.b), c.value});
  }
  return entries;
}

JudgementResult AnalyseJudgement(const Judgement& judgement,
                                 const std::vector<std::string>& children) {
  JudgementResult out;
  switch (judgement.method) {
    case WeighMethod::kPoints:
    case WeighMethod::kDirect:
    case WeighMethod::kSwing:
      out.weights = Normalised(judgement, children);
      break;
    case WeighMethod::kRank:
      out.weights = RankWeights(judgement.order, children);
      break;
    case WeighMethod::kPairwise: {
      const std::vector<PairEntry> entries = PairEntries(judgement, children);
      PairwiseResult result = AnalysePairwise(static_cast<int>(children.size()), entries);
      out.weights = std::move(result.weights);
      out.consistency_ratio = result.consistency_ratio;
      out.furthest = result.furthest;
      break;
    }
  }
  return out;
}

std::vector<double> JudgementWeights(const Judgement& judgement,
                                     const std::vector<std::string>& children) {
  return AnalyseJudgement(judgement, children).weights;
}

}  // namespace weighbridge
