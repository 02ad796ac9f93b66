// One member's judgement on a node, turned into local weights of the node's
// children (the member's normalised judgement).
#pragma once

#include <string>
#include <vector>

#include "weighbridge/panel.h"

namespace weighbridge {

// The local weights that `judgement` gives `children` (the children of
// judgement.parent, in tree order), in the same order; they sum to 1.
// points and direct: each child gets value / sum of values, and a child left
// out gets 0. Precondition (the loader's checks): the method is points or
// direct (swing, rank and pairwise arrive in a later issue and are asserted
// against), the values are >= 0 and not all 0, and every key is a child.
std::vector<double> JudgementWeights(const Judgement& judgement,
                                     const std::vector<std::string>& children);

}  // namespace weighbridge
