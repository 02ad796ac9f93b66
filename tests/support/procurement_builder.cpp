#include "tests/support/procurement_builder.h"

#include <utility>

namespace weighbridge {

ProcurementBuilder& ProcurementBuilder::SetScale(double min, double max,
                                                 double moderation_threshold) {
  Scale& scale = procurement_.framework.scale;
  scale.min = min;
  scale.max = max;
  scale.moderation_threshold = moderation_threshold;
  return *this;
}

ProcurementBuilder& ProcurementBuilder::Branch(const std::string& id, const std::string& parent) {
  criteria_.push_back({.id = id, .parent = parent, .title = id, .assess = Assess::kBranch});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::JudgedLeaf(const std::string& id,
                                                   const std::string& parent) {
  criteria_.push_back({.id = id, .parent = parent, .title = id, .assess = Assess::kJudgement});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::EvidenceLeaf(const std::string& id,
                                                     const std::string& evidence_key,
                                                     const ValueFunction& value,
                                                     const std::string& parent) {
  criteria_.push_back({.id = id,
                       .parent = parent,
                       .title = id,
                       .assess = Assess::kEvidence,
                       .evidence = evidence_key,
                       .value = value});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddCandidate(
    const std::string& id, std::map<std::string, EvidenceValue> evidence) {
  procurement_.candidates.push_back({.id = id, .name = id, .evidence = std::move(evidence)});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddGroup(const std::string& id, double weight) {
  procurement_.panel.groups.push_back({.id = id, .title = id, .weight = weight});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddMember(const std::string& id,
                                                  const std::string& group) {
  procurement_.panel.members.push_back({.id = id, .group = group});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::Weigh(const std::string& member,
                                              const std::string& parent,
                                              std::map<std::string, double> values,
                                              WeighMethod method) {
  procurement_.panel.judgements.push_back(
      {.member = member, .parent = parent, .method = method, .values = std::move(values)});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddScore(const std::string& evaluator,
                                                 const std::string& candidate,
                                                 const std::string& criterion, double value) {
  procurement_.scores.push_back(
      {.evaluator = evaluator, .candidate = candidate, .criterion = criterion, .value = value});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddConsensus(const std::string& candidate,
                                                     const std::string& criterion,
                                                     double value) {
  procurement_.consensus.push_back(
      {.candidate = candidate, .criterion = criterion, .value = value});
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AllowIncomplete() {
  procurement_.allow_incomplete = true;
  return *this;
}

Procurement ProcurementBuilder::Build() const {
  Procurement out = procurement_;
  out.framework.tree = CriteriaTree(criteria_);
  return out;
}

}  // namespace weighbridge
