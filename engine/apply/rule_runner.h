// Running the rules for one candidate: the built-in exclusion and minimums,
// then each rule in order, applying caps as they fire. Decides eligibility.
#pragma once

#include "engine/aggregate/capped_scores.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Fills out.rules and out.caps and sets out.eligible (false when any gate,
// require, exclusion, minimum or the budget fails); applies caps to `scores`.
// The built-in rules come first: exclusion, the minimums, then budget (when
// the procurement has one, read from out.cost).
// Precondition: out.criteria holds the candidate's measured leaves.
void RunRules(const Procurement& procurement, const Candidate& candidate, CappedScores& scores,
              CandidateResult& out);

}  // namespace weighbridge
