// Evaluators' scores on judgement criteria, and moderated consensus.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

struct Score {
  std::string evaluator;
  std::string candidate;
  std::string criterion;  // a judgement leaf
  double value = 0;       // on the framework's scale, within [min, max]
  std::string rationale;
  std::string evidence_ref;  // optional: where in the bid the evidence is
  SourcePos pos;
};

// Who scores what (scores.toml's [[assignment]]): an evaluator with an
// assignment may score only the judgement leaves it covers. Price is never
// assigned.
struct Assignment {
  std::string evaluator;
  std::vector<std::string> criteria;  // as written: judgement leaves or branches
  std::vector<std::string> leaves;    // the judgement leaves they cover, in tree order
  SourcePos pos;
};

// The outcome of moderation; overrides the evaluators' individual scores.
struct Consensus {
  std::string candidate;
  std::string criterion;
  double value = 0;  // on the framework's scale
  std::string note;  // what was agreed and why
  SourcePos pos;
};

}  // namespace weighbridge
