// `weighbridge rules`: every rule and minimum in plain words, in the order
// they apply, ready to publish with the tender (Procurement Act 2023
// s.23(3)(a): the method must say in advance which failures disqualify).
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

std::string Described(const Rule& rule) {
  std::string out = "- **" + Escape(rule.id) + "**: ";
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

std::string Minimums(const Procurement& p) {
  std::string out;
  for (const Criterion& c : p.framework.tree.nodes()) {
    if (!c.minimum) continue;
    out += fmt::format("- **minimum:{}**: a bid scoring below {} out of {} on '{}' is disqualified.\n",
                       Escape(c.id), FormatAsGiven(*c.minimum), FormatAsGiven(p.framework.scale.max),
                       Escape(c.title));
  }
  return out;
}

}  // namespace

std::string RenderRulesList(const Procurement& procurement) {
  std::string out = "# Rules for " + Escape(procurement.info.title) + "\n\n";
  out += "Every bid is checked against these rules, in the order listed. A bid that fails a "
         "rule under \"What disqualifies a bid\" cannot be awarded the contract, whatever its "
         "score.\n\n";
  std::string disqualify =
      "- **exclusion**: a bid the authority has excluded (for example, one received after the "
      "deadline) is disqualified, with the ground and reason recorded.\n" +
      Minimums(procurement);
  std::string caps, flags;
  for (const Rule& rule : procurement.rules) {
    if (rule.kind == RuleKind::kGate || rule.kind == RuleKind::kRequire) disqualify += Described(rule);
    if (rule.kind == RuleKind::kCap) caps += Described(rule);
    if (rule.kind == RuleKind::kFlag) flags += Described(rule);
  }
  out += "## What disqualifies a bid\n\n" + disqualify + "\n";
  if (!caps.empty()) out += "## Caps on scores\n\n" + caps + "\n";
  if (!flags.empty()) {
    out += "## Flags\n\nA flag asks the evaluators to look more closely; it changes no score.\n\n" +
           flags + "\n";
  }
  return out;
}

}  // namespace weighbridge
