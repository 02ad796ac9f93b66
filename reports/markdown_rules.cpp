#include "reports/markdown_rules.h"

#include <fmt/core.h>

#include "reports/markdown_text.h"
#include "reports/number_format.h"

namespace weighbridge {
namespace {

// The outcome as a person would say it in a table cell.
std::string OutcomeWord(const std::string& outcome) {
  if (outcome == "pass") return "passed";
  if (outcome == "fail") return "**failed**";
  if (outcome == "cap") return "capped";
  if (outcome == "flag") return "flagged";
  return "did not apply";
}

std::string KindWords(const std::string& rule, const std::string& kind) {
  if (rule == "exclusion") return "exclusion by the authority";
  if (rule.rfind("minimum:", 0) == 0) return "minimum score";
  if (kind == "gate") return "must-have";
  if (kind == "require") return "must give evidence";
  if (kind == "cap") return "cap";
  return "flag";
}

// "evidence.hosting_region was \"US\"; score(\"rights\") was 35".
std::string ReadValues(const RuleOutcome& outcome) {
  std::vector<std::string> parts;
  for (const auto& [name, value] : outcome.values) {
    parts.push_back(Escape(name) + " was " + RuleValueText(value));
  }
  return parts.empty() ? "" : " (" + JoinPlainList(parts) + ")";
}

std::string Sourced(const RuleOutcome& outcome) {
  return outcome.source.empty() ? "" : " Source: " + Escape(outcome.source) + ".";
}

// What a cap that applied did: " It lowered ... from 76 to 60." or that it
// changed nothing.
std::string CapEffect(const CandidateResult& c, const std::string& rule) {
  for (const AppliedCap& cap : c.caps) {
    if (cap.rule != rule) continue;
    std::string what = cap.target == "total" ? "the total" : "the score";
    if (!cap.lowered) {
      return " " + Capitalised(what) + " was " + FormatOneDecimal(cap.before) +
             ", already within the cap, so nothing changed.";
    }
    return " It lowered " + what + " from " + FormatOneDecimal(cap.before) + " to " +
           FormatAsGiven(cap.max) + ".";
  }
  return "";
}

// Every outcome of `kind` across products, as bullet points.
std::string Listed(const Decision& decision, const std::string& outcome_wanted) {
  std::string out;
  for (const CandidateResult& c : decision.candidates) {
    for (const RuleOutcome& o : c.rules) {
      if (o.outcome != outcome_wanted) continue;
      // An exclusion's values are its ground and reason, already in its reason.
      std::string read = o.rule == "exclusion" ? "" : ReadValues(o);
      out += "- **" + Escape(c.name) + "**, " + KindWords(o.rule, o.kind) + " '" + Escape(o.rule) +
             "': " + WithoutFullStop(Escape(o.reason)) + read + "." + CapEffect(c, o.rule) +
             Sourced(o) + "\n";
    }
  }
  return out;
}

bool HasRules(const Decision& decision) {
  for (const CandidateResult& c : decision.candidates) {
    for (const RuleOutcome& o : c.rules) {
      if (o.rule != "exclusion" || o.outcome != "pass") return true;
    }
  }
  return false;
}

// One row per rule, one column per product.
std::string Matrix(const Decision& decision) {
  std::string out;
  std::vector<std::string> header{"Rule", "Kind"};
  std::string align = "ll";
  for (const CandidateResult& c : decision.candidates) {
    header.push_back(Escape(c.name));
    align += "l";
  }
  TableHeader(out, header, align);
  const std::vector<RuleOutcome>& first = decision.candidates.front().rules;
  for (std::size_t i = 0; i < first.size(); ++i) {
    std::vector<std::string> row{Escape(first[i].rule), KindWords(first[i].rule, first[i].kind)};
    for (const CandidateResult& c : decision.candidates) {
      row.push_back(i < c.rules.size() ? OutcomeWord(c.rules[i].outcome) : "");
    }
    TableRow(out, row);
  }
  return out;
}

}  // namespace

std::string RuleValueText(const RuleValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "not given";
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  if (const double* d = std::get_if<double>(&value)) return FormatAsGiven(*d);
  if (const std::string* s = std::get_if<std::string>(&value)) return "\"" + Escape(*s) + "\"";
  std::vector<std::string> items;
  for (const std::string& item : std::get<std::vector<std::string>>(value)) {
    items.push_back("\"" + Escape(item) + "\"");
  }
  return items.empty() ? "an empty list" : JoinPlainList(items);
}

std::string RulesSection(const Procurement& procurement, const Decision& decision) {
  (void)procurement;
  if (decision.candidates.empty() || !HasRules(decision)) return "";
  std::string out = "## Must-haves, caps and flags\n\n";
  out +=
      "Before points decide anything, every product must meet the must-haves. A product that "
      "fails one cannot be awarded the contract, whatever its score. Caps limit a score when a "
      "condition holds; flags are warnings to look into and change no score.\n\n";
  std::string failed = Listed(decision, "fail");
  out += "### Not eligible\n\n";
  out += failed.empty() ? "Every product met every must-have.\n\n" : failed + "\n";
  if (std::string capped = Listed(decision, "cap"); !capped.empty()) {
    out += "### Caps\n\n" + capped + "\n";
  }
  if (std::string flagged = Listed(decision, "flag"); !flagged.empty()) {
    out += "### Flags\n\n" + flagged + "\n";
  }
  out += "### Every rule, product by product\n\nRules are listed in the order they were applied.\n\n";
  out += Matrix(decision) + "\n";
  return out;
}

}  // namespace weighbridge
