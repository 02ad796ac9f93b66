#include "engine/weigh/judgement_weights.h"

#include <cassert>

namespace weighbridge {

std::vector<double> JudgementWeights(const Judgement& judgement,
                                     const std::vector<std::string>& children) {
  assert((judgement.method == WeighMethod::kPoints ||
          judgement.method == WeighMethod::kDirect) &&
         "swing, rank and pairwise are rejected by the loader in this version");
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

}  // namespace weighbridge
