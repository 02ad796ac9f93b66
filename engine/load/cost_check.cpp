#include "engine/load/cost_check.h"

#include <fmt/core.h>

#include "engine/cost/cost_model.h"
#include "engine/load/suggest.h"

namespace weighbridge {
namespace {

// Why every candidate must give costs, or "" when none need to.
std::string WhyEveryBidNeedsCosts(const Procurement& p) {
  if (p.price.share > 0) {
    return fmt::format("price has a share of {:g}% and is scored from every bid's costs",
                       p.price.share * 100);
  }
  if (p.budget) return "the budget is checked against every bid's whole-life cost";
  for (const TieBreakStep& step : p.tie_break) {
    if (step.kind == TieBreakStep::Kind::kPrice) {
      return "tie_break \"price\" compares every bid's present value";
    }
  }
  return "";
}

// Where to point when the term is missing: the first costs given, or the
// setting that needs them.
SourcePos TermNeededAt(const Procurement& p) {
  for (const Candidate& c : p.candidates) {
    if (c.costs) return c.costs->pos;
  }
  if (p.price.share > 0) return p.price.share_pos;
  if (p.budget) return p.budget_pos;
  for (const TieBreakStep& step : p.tie_break) {
    if (step.kind == TieBreakStep::Kind::kPrice) return step.pos;
  }
  return {};
}

void CheckTieBreak(const Procurement& p, Reporter& report) {
  const CriteriaTree& tree = p.framework.tree;
  std::vector<std::string> ids;
  for (const Criterion& c : tree.nodes()) ids.push_back(c.id);
  for (const TieBreakStep& step : p.tie_break) {
    if (step.kind != TieBreakStep::Kind::kCriterion || tree.Find(step.criterion)) continue;
    report.Error(step.pos, "tie-break criterion '" + step.criterion + "' is not a criterion" +
                               DidYouMean(step.criterion, ids));
  }
}

void CheckReservedEvidence(const Procurement& p, Reporter& report) {
  for (const Candidate& c : p.candidates) {
    for (const auto& [key, pos] : c.evidence_pos) {
      if (key.rfind("cost.", 0) != 0) continue;
      report.Error(pos, "evidence keys starting 'cost.' are kept for the figures weighbridge works "
                        "out from [candidate.costs]; rename '" + key + "'");
    }
  }
}

void AddFacts(Candidate& candidate, const CostResult& cost) {
  const SourcePos pos = candidate.costs->pos;
  auto add = [&](const std::string& key, double value) {
    candidate.evidence[key] = value;
    candidate.evidence_pos[key] = pos;
  };
  add("cost.whole_life", cost.whole_life);
  add("cost.present_value", cost.present_value);
  if (cost.maintenance_share) add("cost.maintenance_share", *cost.maintenance_share);
  add("cost.annual_mean", cost.annual_mean);
}

}  // namespace

const std::vector<std::string>& CostFactKeys() {
  static const std::vector<std::string> kKeys{"cost.whole_life", "cost.present_value",
                                              "cost.maintenance_share", "cost.annual_mean"};
  return kKeys;
}

void CheckCosts(Procurement& p, bool term_refused, const std::vector<const SourceFile*>& files,
                Diagnostics& diagnostics) {
  Reporter report(files, diagnostics);
  const std::size_t before = diagnostics.all().size();
  CheckTieBreak(p, report);
  CheckReservedEvidence(p, report);
  const std::string why_all = WhyEveryBidNeedsCosts(p);
  bool any_costs = false;
  for (const Candidate& c : p.candidates) {
    any_costs = any_costs || c.costs.has_value();
    if (!c.costs && !why_all.empty()) {
      report.Error(c.pos, "candidate '" + c.id + "' gives no [candidate.costs], but " + why_all);
    }
  }
  if ((any_costs || !why_all.empty()) && p.info.term_years <= 0 && !term_refused) {
    report.Error(TermNeededAt(p), "whole-life costs need term_years in [procurement]: the number "
                                  "of years the contract runs for");
  }
  if (!p.costs.users) {
    for (const Candidate& c : p.candidates) {
      if (!c.costs || c.costs->per_user_annual.empty()) continue;
      report.Error(c.costs->pos, "candidate '" + c.id + "' prices per user, so [costs] in "
                                 "procurement.toml needs 'users': how many there are in year 1");
      break;  // one missing setting, one message
    }
  }
  if (diagnostics.all().size() != before || p.info.term_years <= 0) return;

  const bool scored_by_ratio = p.price.share > 0;
  for (Candidate& c : p.candidates) {
    if (!c.costs) continue;
    const CostResult cost = WholeLifeCost(*c.costs, p.costs, p.info.term_years);
    // A schedule with refused lines was reported already; its total means nothing.
    if (scored_by_ratio && cost.present_value <= 0 && !c.costs->refused_lines) {
      report.Error(c.costs->pos,
                   "the costs of candidate '" + c.id + "' come to 0, and a present value of 0 "
                   "cannot be scored: every price formula divides by the lowest present value");
      continue;
    }
    AddFacts(c, cost);
  }
}

}  // namespace weighbridge
