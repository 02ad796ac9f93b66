// One member's judgement on a node, turned into local weights of the node's
// children (the member's normalised judgement), with, for comparisons two at
// a time, how consistent they were.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/weigh/ahp.h"
#include "weighbridge/panel.h"

namespace weighbridge {

struct JudgementResult {
  std::vector<double> weights;  // in the children's order; sum 1
  // pairwise only: the consistency ratio, null when it cannot be checked
  // (exactly n - 1 comparisons); always null for other methods.
  std::optional<double> consistency_ratio;
  // pairwise only: the comparison furthest from the member's other answers
  // (indices into the children), when the ratio could be checked.
  std::optional<FurthestPair> furthest;
};

// The local weights and consistency of `judgement` over `children` (the
// children of judgement.parent, in tree order).
//  points, direct, swing: each child gets value / sum of values; a child
//    left out gets 0.
//  rank: rank-order centroid weights, ties sharing their positions' mean.
//  pairwise: the principal eigenvector when every pair was compared, the
//    logarithmic least squares weights otherwise (see engine/weigh/ahp.h).
// Precondition (the loader's checks): values >= 0 and not all 0; every key a
// child; an order naming every child once; pairs linking every child.
JudgementResult AnalyseJudgement(const Judgement& judgement,
                                 const std::vector<std::string>& children);

// AnalyseJudgement(...).weights.
std::vector<double> JudgementWeights(const Judgement& judgement,
                                     const std::vector<std::string>& children);

// The pairwise comparisons of `judgement` as indices into `children`.
std::vector<PairEntry> PairEntries(const Judgement& judgement,
                                   const std::vector<std::string>& children);

}  // namespace weighbridge
