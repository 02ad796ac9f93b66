#include "engine/load/scores_parser.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/core.h>

#include "engine/load/toml_document.h"
#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

// What a score or consensus refers to, checked against what was loaded.
class References {
 public:
  References(const Framework* framework, const std::vector<Candidate>* candidates)
      : framework_(framework) {
    if (candidates) {
      candidate_ids_.emplace();
      for (const Candidate& c : *candidates) candidate_ids_->push_back(c.id);
    }
    if (framework) {
      for (const Criterion& c : framework->tree.nodes()) {
        if (c.assess == Assess::kJudgement) judgement_ids_.push_back(c.id);
      }
    }
  }

  bool CheckCandidate(TomlTable& table, const std::string& id) const {
    if (!candidate_ids_ || std::count(candidate_ids_->begin(), candidate_ids_->end(), id)) return true;
    table.file().Error(table.diagnostics(), table.PosOfValue("candidate"),
                       "candidate '" + id + "' is not in the candidates file" +
                           DidYouMean(id, *candidate_ids_));
    return false;
  }

  bool CheckCriterion(TomlTable& table, const std::string& id) const {
    if (!framework_) return true;
    const Criterion* c = framework_->tree.Find(id);
    std::string problem;
    if (!c) {
      problem = "criterion '" + id + "' is not in the framework" + DidYouMean(id, judgement_ids_);
    } else if (c->assess == Assess::kBranch) {
      problem = "'" + id + "' has sub-criteria; score each of them instead";
    } else if (c->assess == Assess::kEvidence) {
      problem = "'" + id + "' is scored from the candidates' evidence, not by evaluators";
    } else if (c->assess == Assess::kPrice) {
      problem = "price is scored from the bids' costs, never by evaluators";
    }
    if (problem.empty()) return true;
    table.file().Error(table.diagnostics(), table.PosOfValue("criterion"), problem);
    return false;
  }

  // The judgement leaves an assigned id covers (itself, or a branch's), or
  // nothing after saying why it cannot be assigned. `pos` is where it is written.
  std::optional<std::vector<std::string>> AssignedLeaves(const SourceFile& file,
                                                         Diagnostics& diagnostics,
                                                         const SourcePos& pos,
                                                         const std::string& id) const {
    if (!framework_) return std::vector<std::string>{};
    const CriteriaTree& tree = framework_->tree;
    const Criterion* c = tree.Find(id);
    std::vector<std::string> known = judgement_ids_;
    for (const Criterion& node : tree.nodes()) {
      if (node.assess == Assess::kBranch) known.push_back(node.id);
    }
    std::string problem;
    if (!c) {
      problem = "criterion '" + id + "' is not in the framework" + DidYouMean(id, known);
    } else if (c->assess == Assess::kPrice || UnderPrice(*c)) {
      problem = "price is never assigned: it is scored from the bids' costs, not by evaluators";
    } else if (c->assess == Assess::kEvidence) {
      problem = "'" + id + "' is scored from the candidates' evidence, not by evaluators";
    }
    std::vector<std::string> leaves;
    if (c) CollectJudgementLeaves(id, leaves);
    if (problem.empty() && leaves.empty()) {
      problem = "'" + id + "' has no criteria scored by evaluators under it";
    }
    if (problem.empty()) return leaves;
    file.Error(diagnostics, pos, problem);
    return std::nullopt;
  }

  bool CheckValue(TomlTable& table, double value) const {
    if (!framework_) return true;
    const Scale& scale = framework_->scale;
    // A scale with no range was reported already; checking against it would
    // only repeat that one mistake for every score.
    if (scale.max <= scale.min || (value >= scale.min && value <= scale.max)) return true;
    table.file().Error(table.diagnostics(), table.PosOfValue("value"),
                       fmt::format("score {} is outside the scale, which runs from {} to {}", value,
                                   scale.min, scale.max));
    return false;
  }

 private:
  bool UnderPrice(const Criterion& c) const {
    for (const Criterion* up = &c; up; up = framework_->tree.Find(up->parent)) {
      if (up->id == kPriceId || up->assess == Assess::kPrice) return true;
    }
    return false;
  }

  void CollectJudgementLeaves(const std::string& id, std::vector<std::string>& out) const {
    const Criterion* c = framework_->tree.Find(id);
    if (c && c->assess == Assess::kJudgement) out.push_back(id);
    if (!c || c->assess != Assess::kBranch) return;
    for (const std::string& child : framework_->tree.Children(id)) {
      CollectJudgementLeaves(child, out);
    }
  }

  const Framework* framework_;
  std::optional<std::vector<std::string>> candidate_ids_;
  std::vector<std::string> judgement_ids_;
};

void ParseAssignmentTables(const toml::table& document, const SourceFile& file,
                           const References& refs, Diagnostics& diagnostics, ParsedScores& sheet) {
  std::set<std::string> assigned;  // evaluators seen, kept or not
  for (const toml::table* assignment_table : TablesOf(document, "assignment", file, diagnostics)) {
    TomlTable table(*assignment_table, file, diagnostics, "[[assignment]]");
    Assignment assignment;
    assignment.pos = table.pos();
    auto evaluator = table.Text("evaluator", true);
    const toml::array* criteria = table.Array("criteria", true);
    table.RejectUnknownKeys();
    bool ok = evaluator && criteria;
    if (criteria && criteria->empty()) {
      file.Error(diagnostics, table.PosOfValue("criteria"),
                 "an assignment needs at least one criterion (a criterion's or a branch's id)");
      ok = false;
    }
    for (std::size_t i = 0; criteria && i < criteria->size(); ++i) {
      const toml::node& item = *criteria->get(i);
      if (!item.is_string()) {
        file.Error(diagnostics, PosOf(file, item),
                   "each criterion assigned is an id in quotes, not " + TomlTypeName(item));
        ok = false;
        continue;
      }
      std::string id = **item.as_string();
      auto leaves = refs.AssignedLeaves(file, diagnostics, PosOf(file, item), id);
      if (!leaves) {
        ok = false;
        continue;
      }
      assignment.criteria.push_back(id);
      for (const std::string& leaf : *leaves) {
        if (!std::count(assignment.leaves.begin(), assignment.leaves.end(), leaf)) {
          assignment.leaves.push_back(leaf);
        }
      }
    }
    if (evaluator && !assigned.insert(*evaluator).second) {
      file.Error(diagnostics, table.PosOfValue("evaluator"),
                 "evaluator '" + *evaluator +
                     "' is assigned twice: list all their criteria in one [[assignment]]");
      continue;
    }
    if (!ok) continue;
    assignment.evaluator = *evaluator;
    sheet.assignments.push_back(std::move(assignment));
  }
}

// A score outside the evaluator's assignment, when they have one.
bool CheckAssigned(TomlTable& table, const std::vector<Assignment>& assignments,
                   const std::string& evaluator, const std::string& criterion) {
  for (const Assignment& assignment : assignments) {
    if (assignment.evaluator != evaluator) continue;
    if (assignment.leaves.empty() ||
        std::count(assignment.leaves.begin(), assignment.leaves.end(), criterion)) {
      return true;
    }
    std::string list;
    for (const std::string& id : assignment.criteria) list += (list.empty() ? "" : ", ") + id;
    table.file().Error(table.diagnostics(), table.PosOfValue("criterion"),
                       "evaluator '" + evaluator + "' scores '" + criterion +
                           "', which is not assigned to them (their assignment: " + list + ")");
    return false;
  }
  return true;
}

void ParseScoreTables(const toml::table& document, const SourceFile& file, const References& refs,
                      Diagnostics& diagnostics, ParsedScores& sheet) {
  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  for (const toml::table* score_table : TablesOf(document, "score", file, diagnostics)) {
    TomlTable table(*score_table, file, diagnostics, "[[score]]");
    Score score;
    score.pos = table.pos();
    auto evaluator = table.Text("evaluator", true);
    auto candidate = table.Text("candidate", true);
    auto criterion = table.Text("criterion", true);
    auto value = table.Number("value", true);
    score.rationale = table.Text("rationale").value_or("");
    score.evidence_ref = table.Text("evidence_ref").value_or("");
    table.RejectUnknownKeys();
    if (candidate && criterion) sheet.written.emplace(*candidate, *criterion);
    bool ok = evaluator && candidate && criterion && value;
    ok = (!candidate || refs.CheckCandidate(table, *candidate)) && ok;
    ok = (!criterion || refs.CheckCriterion(table, *criterion)) && ok;
    ok = (!value || refs.CheckValue(table, *value)) && ok;
    if (!ok || !CheckAssigned(table, sheet.assignments, *evaluator, *criterion)) continue;
    auto [it, inserted] = seen.emplace(std::tuple{*evaluator, *candidate, *criterion}, score.pos.line);
    if (!inserted) {
      file.Error(diagnostics, score.pos,
                 fmt::format("evaluator '{}' scores '{}' on '{}' twice (first at line {})", *evaluator,
                             *candidate, *criterion, it->second));
      continue;
    }
    score.evaluator = *evaluator;
    score.candidate = *candidate;
    score.criterion = *criterion;
    score.value = *value;
    sheet.scores.push_back(std::move(score));
  }
}

void ParseConsensusTables(const toml::table& document, const SourceFile& file,
                          const References& refs, Diagnostics& diagnostics, ParsedScores& sheet) {
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const toml::table* consensus_table : TablesOf(document, "consensus", file, diagnostics)) {
    TomlTable table(*consensus_table, file, diagnostics, "[[consensus]]");
    Consensus consensus;
    consensus.pos = table.pos();
    auto candidate = table.Text("candidate", true);
    auto criterion = table.Text("criterion", true);
    auto value = table.Number("value", true);
    consensus.note = table.Text("note").value_or("");
    table.RejectUnknownKeys();
    if (candidate && criterion) sheet.written.emplace(*candidate, *criterion);
    bool ok = candidate && criterion && value;
    ok = (!candidate || refs.CheckCandidate(table, *candidate)) && ok;
    ok = (!criterion || refs.CheckCriterion(table, *criterion)) && ok;
    ok = (!value || refs.CheckValue(table, *value)) && ok;
    if (!ok) continue;
    auto [it, inserted] = seen.emplace(std::pair{*candidate, *criterion}, consensus.pos.line);
    if (!inserted) {
      file.Error(diagnostics, consensus.pos,
                 fmt::format("consensus for '{}' on '{}' is recorded twice (first at line {})",
                             *candidate, *criterion, it->second));
      continue;
    }
    consensus.candidate = *candidate;
    consensus.criterion = *criterion;
    consensus.value = *value;
    sheet.consensus.push_back(std::move(consensus));
  }
}

}  // namespace

ParsedScores ParseScores(const SourceFile& file, const Framework* framework,
                       const std::vector<Candidate>* candidates, Diagnostics& diagnostics) {
  ParsedScores sheet;
  auto document = ParseToml(file, diagnostics);
  if (!document) return sheet;
  TomlTable root(*document, file, diagnostics, "scores.toml");
  root.Node("score");
  root.Node("consensus");
  root.Node("assignment");
  root.RejectUnknownKeys();
  References refs(framework, candidates);
  ParseAssignmentTables(*document, file, refs, diagnostics, sheet);
  ParseScoreTables(*document, file, refs, diagnostics, sheet);
  ParseConsensusTables(*document, file, refs, diagnostics, sheet);
  return sheet;
}

}  // namespace weighbridge
