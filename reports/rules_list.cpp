// `weighbridge rules`: every rule and minimum in plain words, in the order
// they apply, ready to publish with the tender (Procurement Act 2023
// s.23(3)(a): the method must say in advance which failures disqualify).
#include "reports/rules_list.h"

#include <fmt/core.h>

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

std::string WhenMissing(const Rule& rule) {
  if (rule.kind == RuleKind::kRequire) return "";
  if (rule.missing == MissingPolicy::kSkip) {
    return " If a bid does not give what this rule reads, the rule does not apply to it.";
  }
  switch (rule.kind) {
    case RuleKind::kGate: return " If a bid does not give what this rule reads, it fails.";
    case RuleKind::kCap: return " If a bid does not give what this rule reads, the cap applies.";
    default: return " If a bid does not give what this rule reads, it is flagged.";
  }
}

std::string KindLabel(RuleKind kind) {
  switch (kind) {
    case RuleKind::kGate: return "Must-have";
    case RuleKind::kRequire: return "Must give evidence";
    case RuleKind::kCap: return "Cap";
    case RuleKind::kFlag: return "Flag";
  }
  return "";
}

std::string Described(const Rule& rule, int number) {
  std::string out = std::to_string(number) + ". " + KindLabel(rule.kind) + ", **" +
                    Escape(rule.id) + "**: ";
  switch (rule.kind) {
    case RuleKind::kGate: out += "a bid must meet `" + rule.condition + "`."; break;
    case RuleKind::kRequire: {
      std::vector<std::string> keys;
      for (const std::string& key : rule.evidence) keys.push_back("`" + key + "`");
      out += "a bid must give " + JoinPlainList(keys) + ".";
      break;
    }
    case RuleKind::kCap:
      out += fmt::format("when `{}`, the score for {} is limited to {} out of 100.", rule.condition,
                         rule.target == "total" ? "the total" : "'" + Escape(rule.target) + "'",
                         FormatAsGiven(rule.max));
      break;
    case RuleKind::kFlag: out += "when `" + rule.condition + "`, the bid is flagged for a closer look."; break;
  }
  if (!rule.because.empty()) out += " Why: " + Escape(rule.because);
  if (!out.empty() && out.back() != '.') out += ".";
  out += WhenMissing(rule);
  if (!rule.source.empty()) out += " Source: " + Escape(rule.source) + ".";
  return out + "\n";
}

std::string Minimums(const Procurement& p, int& number) {
  std::string out;
  for (const Criterion& c : p.framework.tree.nodes()) {
    if (!c.minimum) continue;
    out += fmt::format("{}. Minimum score, **minimum:{}**: a bid scoring below {} out of {} on "
                       "'{}' is disqualified.\n",
                       ++number, Escape(c.id), FormatAsGiven(*c.minimum),
                       FormatAsGiven(p.framework.scale.max), Escape(c.title));
  }
  return out;
}

}  // namespace

std::string RulesListBody(const Procurement& procurement) {
  std::string out =
      "Every bid is checked against these rules, in the order they apply. A bid that fails "
      "an exclusion, a minimum score, a must-have or a must-give-evidence rule cannot be "
      "awarded the contract, whatever its score. A cap limits a score when its condition "
      "holds. A flag asks the evaluators to look more closely; it changes no score.\n\n";
  int number = 1;
  out += "1. Exclusion, **exclusion**: a bid the authority has excluded (for example, one "
         "received after the deadline) is disqualified, with the ground and reason recorded.\n";
  out += Minimums(procurement, number);
  if (procurement.budget) {
    out += fmt::format("{}. Budget, **budget**: a bid whose whole-life cost over the {}-year term "
                       "(undiscounted) is above {} is disqualified.\n",
                       ++number, procurement.info.term_years,
                       FormatMoney(*procurement.budget, procurement.info.currency));
  }
  for (const Rule& rule : procurement.rules) out += Described(rule, ++number);
  return out + "\n";
}

std::string RenderRulesList(const Procurement& procurement) {
  return "# Rules for " + Escape(procurement.info.title) + "\n\n" + RulesListBody(procurement);
}

}  // namespace weighbridge
