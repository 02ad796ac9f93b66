#include "engine/load/cross_check.h"

#include <map>
#include <set>

#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/load/wording.h"

namespace weighbridge {
namespace {

std::string Where(const SourcePos& pos) { return fmt::format("{}:{}", pos.file, pos.line); }

void CheckCandidateIds(const std::vector<Candidate>& candidates, Reporter& report) {
  std::map<std::string, const Candidate*> seen;
  for (const Candidate& c : candidates) {
    auto [it, inserted] = seen.emplace(c.id, &c);
    if (!inserted) {
      report.Error(c.pos, "candidate '" + c.id + "' is declared twice (first at " +
                              Where(it->second->pos) + ")");
    }
  }
}

// The type each evidence key has, from the first candidate that gives it.
std::map<std::string, std::pair<std::size_t, const Candidate*>> CheckEvidenceTypes(
    const std::vector<Candidate>& candidates, Reporter& report) {
  std::map<std::string, std::pair<std::size_t, const Candidate*>> types;
  for (const Candidate& c : candidates) {
    for (const auto& [key, value] : c.evidence) {
      auto [it, inserted] = types.emplace(key, std::pair{value.index(), &c});
      if (inserted || it->second.first == value.index()) continue;
      const Candidate& first = *it->second.second;
      report.Error(c.evidence_pos.at(key),
                   fmt::format("evidence '{}' is {} here but {} for '{}' ({}); one key needs one "
                               "kind of value",
                               key, EvidenceTypeName(value), EvidenceTypeName(first.evidence.at(key)),
                               first.id, Where(first.evidence_pos.at(key))));
    }
  }
  return types;
}

// The evidence type a value function reads, as an index into EvidenceValue.
std::size_t ReadsType(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBoolean: return 0;
    case ValueKind::kLinear:
    case ValueKind::kPiecewise: return 1;
    case ValueKind::kLevels: return 2;
  }
  return 0;
}

void CheckLevels(const Criterion& criterion, const std::vector<Candidate>& candidates,
                 Reporter& report) {
  std::vector<std::string> levels;
  for (const auto& [level, score] : criterion.value.levels) levels.push_back(level);
  std::string listed = QuotedList(levels, "or");
  for (const Candidate& c : candidates) {
    auto it = c.evidence.find(criterion.evidence);
    if (it == c.evidence.end() || it->second.index() != 2) continue;
    const std::string& text = std::get<std::string>(it->second);
    if (criterion.value.levels.count(text)) continue;
    report.Error(c.evidence_pos.at(criterion.evidence),
                 "'" + text + "' is not one of the levels criterion '" + criterion.id +
                     "' knows: " + listed + DidYouMean(text, levels));
  }
}

void CheckEvidenceCriteria(const Procurement& p, Reporter& report) {
  auto types = CheckEvidenceTypes(p.candidates, report);
  std::vector<std::string> keys;
  for (const auto& [key, type] : types) keys.push_back(key);
  for (const Criterion& criterion : p.framework.tree.nodes()) {
    if (criterion.assess != Assess::kEvidence) continue;
    auto it = types.find(criterion.evidence);
    if (it == types.end()) {
      report.Error(criterion.evidence_pos, "no candidate gives evidence '" + criterion.evidence +
                                               "', which criterion '" + criterion.id + "' reads" +
                                               DidYouMean(criterion.evidence, keys));
      continue;
    }
    std::size_t wanted = ReadsType(criterion.value.kind);
    const Candidate& first = *it->second.second;
    if (it->second.first != wanted) {
      report.Error(criterion.evidence_pos,
                   fmt::format("criterion '{}' needs evidence '{}' to be {}, but '{}' gives {} ({})",
                               criterion.id, criterion.evidence,
                               wanted == 0 ? "true or false" : wanted == 1 ? "a number" : "text",
                               first.id, EvidenceTypeName(first.evidence.at(criterion.evidence)),
                               Where(first.evidence_pos.at(criterion.evidence))));
      continue;
    }
    if (criterion.value.kind == ValueKind::kLevels) CheckLevels(criterion, p.candidates, report);
  }
}

void CheckComplete(const Procurement& p,
                   const std::set<std::pair<std::string, std::string>>& scored, Reporter& report) {
  for (const Candidate& candidate : p.candidates) {
    std::vector<std::string> missing;
    for (const std::string& leaf : p.framework.tree.leaves()) {
      const Criterion* c = p.framework.tree.Find(leaf);
      if (c->assess == Assess::kJudgement && !scored.count({candidate.id, leaf})) {
        missing.push_back(leaf);
      }
    }
    if (missing.empty()) continue;
    bool one = missing.size() == 1;
    report.Error(candidate.pos,
                 fmt::format("no evaluator has scored '{}' on {} {}; add {} to scores.toml, or "
                             "evaluate with --allow-incomplete to count {} as 0",
                             candidate.id, one ? "criterion" : "criteria", QuotedList(missing),
                             one ? "a score" : "scores", one ? "it" : "them"));
  }
}

void CheckMinimums(const Procurement& p, Reporter& report) {
  const Scale& scale = p.framework.scale;
  for (const Criterion& c : p.framework.tree.nodes()) {
    if (!c.minimum) continue;
    if (c.assess != Assess::kJudgement) {
      report.Error(c.minimum_pos, "a minimum is a score on the evaluators' scale, so only criteria "
                                  "with assess = \"judgement\" take one");
    } else if (*c.minimum < scale.min || *c.minimum > scale.max) {
      report.Error(c.minimum_pos, fmt::format("minimum {} is outside the scale, which runs from {} "
                                              "to {}",
                                              *c.minimum, scale.min, scale.max));
    }
  }
}

}  // namespace

void CrossCheck(const Procurement& procurement,
                const std::set<std::pair<std::string, std::string>>& written,
                const std::vector<const SourceFile*>& files, Diagnostics& diagnostics) {
  Reporter report(files, diagnostics);
  CheckCandidateIds(procurement.candidates, report);
  CheckEvidenceCriteria(procurement, report);
  CheckMinimums(procurement, report);
  if (!procurement.allow_incomplete) CheckComplete(procurement, written, report);
}

}  // namespace weighbridge
