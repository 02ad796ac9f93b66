#include "reports/sign_off_text.h"

#include <cmath>

#include "reports/markdown_panel.h"
#include "reports/markdown_text.h"
#include "reports/number_format.h"

namespace weighbridge {

FirstPlace FindFirstPlace(const Decision& decision) {
  FirstPlace out;
  for (const std::string& id : decision.ranking) {
    const CandidateResult* c = FindResult(decision, id);
    if (c && c->rank == 1) out.first.push_back(c);
  }
  if (out.first.size() == 1) out.winner = out.first.front();
  return out;
}

const CandidateResult* FindResult(const Decision& decision, const std::string& id) {
  for (const CandidateResult& c : decision.candidates) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Candidate* FindCandidate(const Procurement& procurement, const std::string& id) {
  for (const Candidate& c : procurement.candidates) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::string ProductName(const CandidateResult& result) {
  return Escape(result.name.empty() ? result.id : result.name);
}

std::string EscapedTitle(const Procurement& procurement, const std::string& id) {
  if (id == "total") return "The cap on the total";
  return Escape(CriterionTitle(procurement, id));
}

std::string PointsText(double points) {
  std::string text = FormatOneDecimal(std::fabs(points));
  return text == "0.0" && std::fabs(points) > 1e-9 ? "less than 0.1" : text;
}

std::vector<std::string> FailedRuleLines(const Procurement& procurement,
                                         const CandidateResult& result, bool with_sources) {
  std::vector<std::string> lines;
  const Candidate* candidate = FindCandidate(procurement, result.id);
  for (const RuleOutcome& rule : result.rules) {
    if (rule.outcome != "fail") continue;
    // The engine's own wording of an exclusion runs ground and reason
    // together; a supplier is owed the ground named as such.
    if (rule.rule == "exclusion" && candidate && candidate->exclusion) {
      lines.push_back("Excluded by the authority on the ground '" +
                      Escape(candidate->exclusion->ground) +
                      "': " + Escape(WithoutFullStop(candidate->exclusion->reason)));
      continue;
    }
    std::string line = rule.reason.empty() ? "The rule '" + Escape(rule.rule) + "' was not met"
                                           : Escape(WithoutFullStop(rule.reason));
    if (with_sources && !rule.source.empty()) line += " (source: " + Escape(rule.source) + ")";
    lines.push_back(line);
  }
  return lines;
}

}  // namespace weighbridge
