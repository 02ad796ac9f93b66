// Builds a Decision by hand for the robustness tests, so that stability
// intervals, score flips and cross-checks can be tested on trees, scores and
// caps chosen for the purpose:
//
//   Decision d = DecisionBuilder()
//                    .Node("care", "root", 0.6)
//                    .Node("tech", "root", 0.4)
//                    .Candidate("a", {{"care", 80}, {"tech", 40}})
//                    .Cap("a", "care", 50)
//                    .Build();
//
// Build() works out global weights, every total, ranks and the ranking with
// ReferenceTotal below: code of the tests' own, written from
// docs/methods.md, not the engine's.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "weighbridge/decision.h"

namespace weighbridge {

// A candidate's total under `local` weights (node id -> local weight) by
// docs/methods.md: global weights down the tree; then each cap in order,
// a criterion cap scaling the leaves under its target so that the target's
// weighted mean comes down to the cap, a total cap taking off the excess.
double ReferenceTotal(const std::vector<NodeWeight>& tree, const std::map<std::string, double>& local,
                      const CandidateResult& candidate);

class DecisionBuilder {
 public:
  // Nodes parents first; `parent` is "root" at the top.
  DecisionBuilder& Node(const std::string& id, const std::string& parent, double local);
  // A candidate's leaf scores (0-100), in candidates-file order.
  DecisionBuilder& Candidate(const std::string& id, std::map<std::string, double> scores,
                             bool eligible = true);
  // The score on the evaluators' scale behind a judgement leaf's score.
  DecisionBuilder& ScaleValue(const std::string& candidate, const std::string& leaf, double value);
  // A cap that fired for `candidate` ("total" or a criterion), in order.
  DecisionBuilder& Cap(const std::string& candidate, const std::string& target, double max);

  Decision Build() const;

 private:
  Decision d_;
};

}  // namespace weighbridge
