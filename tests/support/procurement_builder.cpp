#include "tests/support/procurement_builder.h"

#include <utility>

namespace weighbridge {
namespace {

// Fields are set one by one (not designated initializers) so that fields
// added to the model later need no change here and raise no warning.
Criterion MakeCriterion(const std::string& id, const std::string& parent, Assess assess) {
  Criterion criterion;
  criterion.id = id;
  criterion.parent = parent;
  criterion.title = id;
  criterion.assess = assess;
  return criterion;
}

}  // namespace

ProcurementBuilder& ProcurementBuilder::SetScale(double min, double max,
                                                 double moderation_threshold) {
  Scale& scale = procurement_.framework.scale;
  scale.min = min;
  scale.max = max;
  scale.moderation_threshold = moderation_threshold;
  return *this;
}

ProcurementBuilder& ProcurementBuilder::Branch(const std::string& id, const std::string& parent) {
  criteria_.push_back(MakeCriterion(id, parent, Assess::kBranch));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::JudgedLeaf(const std::string& id,
                                                   const std::string& parent) {
  criteria_.push_back(MakeCriterion(id, parent, Assess::kJudgement));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::EvidenceLeaf(const std::string& id,
                                                     const std::string& evidence_key,
                                                     const ValueFunction& value,
                                                     const std::string& parent) {
  Criterion criterion = MakeCriterion(id, parent, Assess::kEvidence);
  criterion.evidence = evidence_key;
  criterion.value = value;
  criteria_.push_back(std::move(criterion));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddCandidate(
    const std::string& id, std::map<std::string, EvidenceValue> evidence) {
  Candidate candidate;
  candidate.id = id;
  candidate.name = id;
  candidate.evidence = std::move(evidence);
  procurement_.candidates.push_back(std::move(candidate));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddGroup(const std::string& id, double weight) {
  Group group;
  group.id = id;
  group.title = id;
  group.weight = weight;
  procurement_.panel.groups.push_back(std::move(group));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddMember(const std::string& id,
                                                  const std::string& group) {
  Member member;
  member.id = id;
  member.group = group;
  procurement_.panel.members.push_back(std::move(member));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::Weigh(const std::string& member,
                                              const std::string& parent,
                                              std::map<std::string, double> values,
                                              WeighMethod method) {
  Judgement judgement;
  judgement.member = member;
  judgement.parent = parent;
  judgement.method = method;
  judgement.values = std::move(values);
  procurement_.panel.judgements.push_back(std::move(judgement));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddScore(const std::string& evaluator,
                                                 const std::string& candidate,
                                                 const std::string& criterion, double value) {
  Score score;
  score.evaluator = evaluator;
  score.candidate = candidate;
  score.criterion = criterion;
  score.value = value;
  procurement_.scores.push_back(std::move(score));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::AddConsensus(const std::string& candidate,
                                                     const std::string& criterion,
                                                     double value) {
  Consensus consensus;
  consensus.candidate = candidate;
  consensus.criterion = criterion;
  consensus.value = value;
  procurement_.consensus.push_back(std::move(consensus));
  return *this;
}

ProcurementBuilder& ProcurementBuilder::SetMinimum(const std::string& criterion,
                                                   double minimum) {
  for (Criterion& c : criteria_) {
    if (c.id == criterion) c.minimum = minimum;
  }
  return *this;
}

ProcurementBuilder& ProcurementBuilder::Exclude(const std::string& candidate,
                                                const std::string& ground,
                                                const std::string& reason) {
  for (Candidate& c : procurement_.candidates) {
    if (c.id == candidate) c.exclusion = Exclusion{ground, reason};
  }
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
