// What a rule's condition may read about one candidate, as the expression
// language asks for it: evidence, scores after caps so far, the total, the
// procurement's details, and the outcomes of rules already run.
#pragma once

#include <map>
#include <string>

#include "engine/aggregate/capped_scores.h"
#include "engine/rules/expression.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

class CandidateFacts : public rules::Facts {
 public:
  // References must outlive this object; `outcomes` grows as rules run.
  CandidateFacts(const weighbridge::Procurement& procurement, const Candidate& candidate,
                 const CappedScores& scores, const std::map<std::string, std::string>& outcomes);

  const EvidenceValue* Evidence(rules::Key key) const override;
  std::optional<double> Score(rules::Key criterion) const override;
  double Total() const override;
  const EvidenceValue* Procurement(rules::Key key) const override;
  bool Passed(rules::Key rule) const override;

 private:
  const Candidate& candidate_;
  const CappedScores& scores_;
  const std::map<std::string, std::string>& outcomes_;  // rule id -> outcome
  std::map<std::string, EvidenceValue, std::less<>> procurement_;
};

}  // namespace weighbridge
