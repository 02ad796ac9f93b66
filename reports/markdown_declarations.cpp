#include "reports/markdown_declarations.h"

#include <fmt/format.h>

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "weighbridge/declarations.h"

namespace weighbridge {
namespace {

std::string CandidateName(const Procurement& p, const std::string& id) {
  for (const Candidate& c : p.candidates) {
    if (c.id == id) return Escape(c.name.empty() ? id : c.name);
  }
  return Escape(id);
}

std::string Scores(int count) { return count == 1 ? "1 score" : fmt::format("{} scores", count); }

// "their 3 scores are" or "their 1 score is".
std::string TheirScores(int count) {
  return "their " + Scores(count) + (count == 1 ? " is" : " are");
}

std::string Names(const Procurement& p, const std::vector<std::string>& candidates) {
  std::vector<std::string> names;
  for (const std::string& id : candidates) names.push_back(CandidateName(p, id));
  return JoinPlainList(names);
}

}  // namespace

std::string DeclarationsSection(const Procurement& p) {
  const std::optional<DeclarationFlags> flags = FlagDeclarations(p);
  if (!flags) return {};
  // The Procurement Act 2023 s.81 asks for conflicts of anyone who influences
  // the decision, so panel members who weigh are listed as evaluators are.
  std::string out = "## Conflicts of interest\n\n";
  if (!flags->any()) {
    return out +
           "Everyone who scored the bids or weighed the criteria declared their interests, and "
           "none declared an interest in a supplier that bid.\n\n";
  }
  out +=
      "Everyone who influences the decision must declare any conflict of interest (Procurement "
      "Act 2023, section 81). These are for the approver's attention:\n\n";
  for (const InterestScores& s : flags->interest_scores) {
    out += "- " + Escape(s.evaluator) + " declared an interest in " + Escape(s.supplier) +
           " and scored " + CandidateName(p, s.candidate) + ": " + TheirScores(s.scores) +
           " flagged for the approver's attention.\n";
  }
  for (const UndeclaredEvaluator& e : flags->undeclared_evaluators) {
    out += "- " + Escape(e.evaluator) + " scored the bids but has made no declaration of " +
           "interests: " + TheirScores(e.scores) + " flagged for the approver's attention.\n";
  }
  for (const MemberInterest& m : flags->member_interests) {
    out += "- Panel member " + Escape(m.member) + " declared an interest in " +
           Escape(m.supplier) +
           (m.candidates.empty() ? ", which has no product among the candidates"
                                 : ", the supplier of " + Names(p, m.candidates)) +
           ".\n";
  }
  for (const std::string& member : flags->undeclared_members) {
    out += "- Panel member " + Escape(member) +
           " has made no declaration of interests.\n";
  }
  return out + "\n";
}

}  // namespace weighbridge
