#include "engine/apply/rule_runner.h"

#include <map>

#include <fmt/core.h>

#include "engine/apply/candidate_facts.h"
#include "engine/cost/budget_rule.h"
#include "engine/rules/expression.h"

namespace weighbridge {
namespace {

RuleValue ToRuleValue(const rules::Value& value) {
  return std::visit(
      [](const auto& v) -> RuleValue {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Date>) {
          return fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
        } else {
          return v;
        }
      },
      value);
}

std::string Reason(const Rule& rule, const std::string& fallback) {
  return rule.because.empty() ? fallback : rule.because;
}

RuleOutcome ExclusionOutcome(const Candidate& candidate) {
  RuleOutcome out{"exclusion", "gate", "pass", "Not excluded by the authority.", "", {}};
  if (candidate.exclusion) {
    out.outcome = "fail";
    out.reason = "Excluded by the authority: " + candidate.exclusion->ground + ". " +
                 candidate.exclusion->reason;
    out.values = {{"ground", candidate.exclusion->ground}, {"reason", candidate.exclusion->reason}};
  }
  return out;
}

RuleOutcome Minimum(const Criterion& criterion, const CriterionResult& result) {
  RuleOutcome out{"minimum:" + criterion.id, "gate", "pass", "", "", {}};
  const double minimum = *criterion.minimum;
  // Unscored (allowed as incomplete) counts as below any minimum above the
  // scale's bottom: it has not shown it meets the threshold.
  const double scored = result.scale_value.value_or(-1);
  out.values = {{"score", result.scale_value ? RuleValue(*result.scale_value) : RuleValue()},
                {"minimum", minimum}};
  if (result.scale_value && scored >= minimum) {
    out.reason = fmt::format("Scored {} on {}, at or above the minimum of {}.", scored,
                             criterion.title, minimum);
  } else {
    out.outcome = "fail";
    out.reason = result.scale_value
                     ? fmt::format("Scored {} on {}, below the minimum of {}.", scored,
                                   criterion.title, minimum)
                     : fmt::format("Not scored on {}, which has a minimum of {}.", criterion.title,
                                   minimum);
  }
  return out;
}

RuleOutcome Require(const Rule& rule, const Candidate& candidate) {
  RuleOutcome out{rule.id, "require", "pass", "", rule.source, {}};
  std::string absent;
  for (const std::string& key : rule.evidence) {
    auto it = candidate.evidence.find(key);
    rules::Value value;
    if (it != candidate.evidence.end()) {
      std::visit([&](const auto& v) { value = v; }, it->second);
    } else {
      absent += (absent.empty() ? "" : ", ") + key;
    }
    out.values.emplace_back("evidence." + key, ToRuleValue(value));
  }
  std::string listed;
  for (const std::string& key : rule.evidence) listed += (listed.empty() ? "" : ", ") + key;
  out.reason = Reason(rule, "The supplier must give: " + listed + ".");
  if (!absent.empty()) {
    out.outcome = "fail";
    out.reason += " Not given: " + absent + ".";
  }
  return out;
}

// A gate, cap or flag: run its condition, then decide by kind and `missing`.
RuleOutcome Conditional(const Rule& rule, const rules::Facts& facts, CappedScores& scores,
                        CandidateResult& out) {
  RuleOutcome result{rule.id, RuleKindName(rule.kind), "pass", "", rule.source, {}};
  const rules::RunResult run = rule.program->Run(facts);
  for (const auto& [name, value] : run.read) result.values.emplace_back(name, ToRuleValue(value));
  const rules::Truth truth = run.truth();
  result.reason = Reason(rule, (rule.kind == RuleKind::kGate ? "Must meet: " : "When: ") +
                                   rule.condition + ".");
  if (truth == rules::Truth::kMissing) {
    result.reason += " Not known: " + run.missing_reason + ".";
    if (rule.missing == MissingPolicy::kSkip) {
      result.outcome = "not-applicable";
      return result;
    }
  }
  // Missing with missing = "fail" counts as the unfavourable case.
  const bool holds = truth == rules::Truth::kTrue;
  const bool unfavourable = truth == rules::Truth::kMissing;
  switch (rule.kind) {
    case RuleKind::kGate:
      if (!holds) result.outcome = "fail";
      break;
    case RuleKind::kFlag:
      if (holds || unfavourable) result.outcome = "flag";
      break;
    case RuleKind::kCap:
      if (holds || unfavourable) {
        result.outcome = "cap";
        double before = scores.Apply(rule.target, rule.max, rule.id);
        out.caps.push_back({rule.id, rule.target, rule.max, before, before > rule.max});
        result.values.emplace_back("score before the cap", before);
      }
      break;
    case RuleKind::kRequire:
      break;
  }
  return result;
}

}  // namespace

void RunRules(const Procurement& procurement, const Candidate& candidate, CappedScores& scores,
              CandidateResult& out) {
  std::map<std::string, std::string> outcomes;  // for passed()
  auto record = [&](RuleOutcome outcome) {
    outcomes[outcome.rule] = outcome.outcome;
    if (outcome.outcome == "fail") out.eligible = false;
    out.rules.push_back(std::move(outcome));
  };
  record(ExclusionOutcome(candidate));
  const CriteriaTree& tree = procurement.framework.tree;
  for (const CriterionResult& result : out.criteria) {
    const Criterion* criterion = tree.Find(result.criterion);
    if (criterion && criterion->minimum) record(Minimum(*criterion, result));
  }
  if (procurement.budget) {
    record(BudgetOutcome(*procurement.budget, out.cost ? &*out.cost : nullptr,
                         procurement.info.currency));
  }
  CandidateFacts facts(procurement, candidate, scores, outcomes);
  for (const Rule& rule : procurement.rules) {
    record(rule.kind == RuleKind::kRequire ? Require(rule, candidate)
                                           : Conditional(rule, facts, scores, out));
  }
}

}  // namespace weighbridge
