// Running the rules for one candidate: the built-in exclusion and minimums,
// then each rule in order, applying caps as they fire. Decides eligibility.
#pragma once

#include "engine/aggregate/capped_scores.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Fills out.rules and out.caps and sets out.eligible (false when any gate,
// require, exclusion or minimum fails); applies caps to `scores`.
// Precondition: out.criteria holds the candidate's measured leaves.
void RunRules(const Procurement& procurement, const Candidate& candidate, CappedScores& scores,
              CandidateResult& out);

}  // namespace weighbridge
