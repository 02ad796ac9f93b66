#include "reports/json_declarations.h"

#include "weighbridge/declarations.h"

namespace weighbridge {

nlohmann::json DeclarationsJson(const Procurement& procurement) {
  using Json = nlohmann::json;
  const std::optional<DeclarationFlags> flags = FlagDeclarations(procurement);
  if (!flags) return nullptr;
  Json out = Json::object();
  out["interest_scores"] = Json::array();
  for (const InterestScores& s : flags->interest_scores) {
    out["interest_scores"].push_back({{"evaluator", s.evaluator},
                                      {"supplier", s.supplier},
                                      {"candidate", s.candidate},
                                      {"scores", s.scores}});
  }
  out["undeclared_evaluators"] = Json::array();
  for (const UndeclaredEvaluator& e : flags->undeclared_evaluators) {
    out["undeclared_evaluators"].push_back({{"evaluator", e.evaluator}, {"scores", e.scores}});
  }
  out["member_interests"] = Json::array();
  for (const MemberInterest& m : flags->member_interests) {
    out["member_interests"].push_back(
        {{"member", m.member}, {"supplier", m.supplier}, {"candidates", m.candidates}});
  }
  out["undeclared_members"] = flags->undeclared_members;
  return out;
}

}  // namespace weighbridge
