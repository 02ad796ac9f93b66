#include "engine/apply/candidate_facts.h"

namespace weighbridge {

CandidateFacts::CandidateFacts(const weighbridge::Procurement& procurement,
                               const Candidate& candidate, const CappedScores& scores,
                               const std::map<std::string, std::string>& outcomes)
    : candidate_(candidate), scores_(scores), outcomes_(outcomes) {
  const ProcurementInfo& info = procurement.info;
  procurement_ = {{"id", info.id},
                  {"title", info.title},
                  {"authority", info.authority},
                  {"reference", info.reference},
                  {"currency", info.currency}};
  // A term of 0 means none was given: reading it is then missing.
  if (info.term_years > 0) procurement_["term_years"] = static_cast<double>(info.term_years);
  if (procurement.budget) procurement_["budget"] = *procurement.budget;
}

const EvidenceValue* CandidateFacts::Evidence(rules::Key key) const {
  auto it = candidate_.evidence.find(std::string(key.name));
  return it == candidate_.evidence.end() ? nullptr : &it->second;
}

std::optional<double> CandidateFacts::Score(rules::Key criterion) const {
  return scores_.Score(std::string(criterion.name));
}

double CandidateFacts::Total() const { return scores_.Total(); }

const EvidenceValue* CandidateFacts::Procurement(rules::Key key) const {
  auto it = procurement_.find(key.name);
  return it == procurement_.end() ? nullptr : &it->second;
}

bool CandidateFacts::Passed(rules::Key rule) const {
  auto it = outcomes_.find(std::string(rule.name));
  return it != outcomes_.end() && it->second == "pass";
}

}  // namespace weighbridge
