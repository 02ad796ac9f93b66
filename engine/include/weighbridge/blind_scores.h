// Blind scoring: what one evaluator may see of the scores. Evaluators score
// independently; an evaluator sees the others' scores for a candidate only
// once they have scored, for that candidate, every criterion assigned to them
// (every judgement criterion when they have no [[assignment]]). Costs and
// price are never part of it.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/procurement.h"

namespace weighbridge {

struct BlindCandidate {
  std::string id;                  // the candidate's id
  std::string name;                // its name
  std::vector<Score> own;          // the evaluator's own scores for it, in criteria order
  std::vector<std::string> to_do;  // criteria they are to score and have not, in criteria order
  std::vector<Score> others;  // the others' scores, in criteria order; empty while to_do is not
};

struct BlindScores {
  std::string evaluator;
  bool assigned = false;                   // they have an [[assignment]]
  std::vector<std::string> criteria;       // the judgement leaves they are to score, in tree order
  std::vector<BlindCandidate> candidates;  // every candidate, in the procurement's order
};

// What `evaluator` may see of `procurement`'s scores. An evaluator with no
// scores and no assignment is given the whole list of criteria to do.
BlindScores ScoresSeenBy(const Procurement& procurement, const std::string& evaluator);

}  // namespace weighbridge
