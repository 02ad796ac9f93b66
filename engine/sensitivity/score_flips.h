// Close calls on scores: for the winner and the runner-up, the smallest
// change to one judgement criterion's moderated score that would make the
// runner-up strictly first, and every criterion where a change of exactly
// one scale point would do it. Weights, eligibility and which caps fire are
// held as decided; the caps themselves are re-applied.
#pragma once

#include <vector>

#include "engine/sensitivity/flat_model.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/decision.h"
#include "weighbridge/framework.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// Scores are tried on a grid of this many scale points: "scored 3.4 instead
// of 4" is how evaluators and courts talk about marks.
inline constexpr double kFlipStep = 0.1;

// The flips for decision.ranking[0] (its scores lowered) and [1] (raised):
// first the smallest change for the winner, then for the runner-up (each
// when there is one within the scale), then every one-point flip, winner
// first, criteria in tree order. Empty with fewer than two eligible
// candidates. `winner` and `runner_up` index model.eligible().
std::vector<ScoreFlip> ScoreFlips(const FlatModel& model, const Decision& decision,
                                  const CriteriaTree& tree, const Scale& scale,
                                  std::size_t winner, std::size_t runner_up,
                                  double tie_tolerance);

}  // namespace weighbridge
