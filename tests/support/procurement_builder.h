// Builds a Procurement in code, so engine tests need no files:
//
//   Procurement p = ProcurementBuilder()
//                       .Branch("care")
//                       .JudgedLeaf("care.safety", "care")
//                       .AddCandidate("a")
//                       .AddGroup("ebe")
//                       .AddMember("m1", "ebe")
//                       .Weigh("m1", "root", {{"care", 1}})
//                       .AddScore("e1", "a", "care.safety", 4)
//                       .Build();
//
// It does none of the loader's checks: a test gets exactly what it wrote.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "weighbridge/procurement.h"

namespace weighbridge {

class ProcurementBuilder {
 public:
  // The evaluators' scale (default 0-5, moderation threshold 2).
  ProcurementBuilder& SetScale(double min, double max, double moderation_threshold);
  // Criteria, in declaration order; `parent` is kRootId at the top level.
  ProcurementBuilder& Branch(const std::string& id, const std::string& parent = kRootId);
  ProcurementBuilder& JudgedLeaf(const std::string& id, const std::string& parent = kRootId);
  ProcurementBuilder& EvidenceLeaf(const std::string& id, const std::string& evidence_key,
                                   const ValueFunction& value,
                                   const std::string& parent = kRootId);
  // A candidate (name = id) with its evidence, in candidates-file order.
  ProcurementBuilder& AddCandidate(const std::string& id,
                                   std::map<std::string, EvidenceValue> evidence = {});
  ProcurementBuilder& AddGroup(const std::string& id, double weight = 1);
  ProcurementBuilder& AddMember(const std::string& id, const std::string& group);
  // A judgement by `member` on the children of `parent`.
  ProcurementBuilder& Weigh(const std::string& member, const std::string& parent,
                            std::map<std::string, double> values,
                            WeighMethod method = WeighMethod::kPoints);
  ProcurementBuilder& AddScore(const std::string& evaluator, const std::string& candidate,
                               const std::string& criterion, double value);
  ProcurementBuilder& AddConsensus(const std::string& candidate, const std::string& criterion,
                                   double value);
  // Sets the minimum (on the evaluators' scale) of a criterion declared before.
  ProcurementBuilder& SetMinimum(const std::string& criterion, double minimum);
  // Marks a candidate added before as excluded by the authority.
  ProcurementBuilder& Exclude(const std::string& candidate, const std::string& ground,
                              const std::string& reason);
  // Lets judgement criteria go unscored (as `--allow-incomplete`).
  ProcurementBuilder& AllowIncomplete();

  // The procurement, with its criteria tree built from the criteria so far.
  Procurement Build() const;

 private:
  Procurement procurement_;
  std::vector<Criterion> criteria_;
};

}  // namespace weighbridge
