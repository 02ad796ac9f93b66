#include "engine/cost/price_round.h"

#include <algorithm>

#include "engine/aggregate/capped_scores.h"
#include "engine/apply/rule_runner.h"
#include "weighbridge/costs.h"
#include "engine/rules/expression.h"

namespace weighbridge {
namespace {

const Candidate& CandidateOf(const Procurement& p, const std::string& id) {
  for (const Candidate& c : p.candidates) {
    if (c.id == id) return c;
  }
  return p.candidates.front();  // unreachable: results come from the candidates
}

// True when `a` and `b` lie on one path from the root: a cap on either then
// changes the score of the other (a branch's score is the weighted mean of
// its leaves, and a cap on a branch scales the leaves under it).
bool OnOnePath(const CriteriaTree& tree, const std::string& a, const std::string& b) {
  auto above = [&](std::string from, const std::string& target) {
    while (!from.empty() && from != kRootId) {
      if (from == target) return true;
      const Criterion* c = tree.Find(from);
      from = c ? c->parent : "";
    }
    return false;
  };
  return above(a, b) || above(b, a);
}

bool ReadsDependent(const Rule& rule, const std::set<std::string>& dependent,
                    const Procurement& p) {
  const rules::Program* program = rule.program.get();
  if (!program) return false;  // a require reads evidence only
  if (program->reads_total() || program->reads_scores().count(kPriceId)) return true;
  for (const std::string& id : program->reads_rules()) {
    if (dependent.count(id)) return true;
  }
  for (const Rule& cap : p.rules) {
    if (cap.kind != RuleKind::kCap || !dependent.count(cap.id)) continue;
    for (const std::string& read : program->reads_scores()) {
      if (cap.target == "total" || OnOnePath(p.framework.tree, cap.target, read)) return true;
    }
  }
  return false;
}

// Runs the rules and totals of one candidate; the result's rules, caps and
// eligibility start afresh.
CandidateResult Run(const Procurement& p, const LocalWeights& local, const GlobalWeights& global,
                    CandidateResult result, TieKeys* keys) {
  result.rules.clear();
  result.caps.clear();
  result.eligible = true;
  const CriteriaTree& tree = p.framework.tree;
  CappedScores scores(tree, local, global, result.criteria);
  RunRules(p, CandidateOf(p, result.id), scores, result);
  scores.Write(result);
  if (tree.Find(kQualityId)) {
    result.quality = scores.Score(kQualityId);
  } else {
    // Without price the quality criteria are all the criteria: the total,
    // less any cap on the total.
    result.quality = 0;
    for (const CriterionResult& r : result.criteria) {
      if (r.criterion != "total") result.quality += r.contribution;
    }
  }
  if (keys) {
    keys->quality = result.quality;
    if (result.cost) keys->present_value = result.cost->present_value;
    for (const TieBreakStep& step : p.tie_break) {
      if (step.kind == TieBreakStep::Kind::kCriterion && tree.Find(step.criterion)) {
        keys->scores[step.criterion] = scores.Score(step.criterion);
      }
    }
  }
  return result;
}

CriterionResult* PriceLine(CandidateResult& result) {
  for (CriterionResult& r : result.criteria) {
    if (r.criterion == kPriceId) return &r;
  }
  return nullptr;
}

// Finds the pool and sets every candidate's price score and basis.
void ScorePrice(const Procurement& p, const LocalWeights& local, const GlobalWeights& global,
                std::vector<CandidateResult>& candidates, const std::set<std::string>& left_out,
                ScoredRound& round) {
  const std::set<std::string> dependent = PriceDependentRules(p);
  for (const CandidateResult& measured : candidates) {
    if (left_out.count(measured.id) || !measured.cost) continue;
    const CandidateResult first = Run(p, local, global, measured, nullptr);
    const bool passes = std::none_of(first.rules.begin(), first.rules.end(), [&](const RuleOutcome& o) {
      return o.outcome == "fail" && !dependent.count(o.rule);
    });
    if (!passes) continue;
    round.pool.push_back(measured.id);
    const double pv = measured.cost->present_value;
    round.lowest = round.lowest ? std::min(*round.lowest, pv) : pv;
  }
  round.price_scored = round.lowest.has_value();
  if (!round.price_scored) {
    round.unscored_reason =
        "no bid passed every must-have that does not depend on price, so there is no lowest "
        "price to score against";
  }
  const std::string& currency = p.info.currency;
  for (CandidateResult& c : candidates) {
    CriterionResult* line = PriceLine(c);
    if (!line) continue;
    if (!round.price_scored || !c.cost) {
      line->score = 0;
      line->basis = "not scored: " + (c.cost ? round.unscored_reason : std::string("no costs given"));
      continue;
    }
    line->score = PriceScore(p.price, c.cost->present_value, *round.lowest);
    line->basis = "present value " + FormatMoney(c.cost->present_value, currency) +
                  " against the lowest, " + FormatMoney(*round.lowest, currency) + " (" +
                  PriceMethodName(p.price.method) + ")";
  }
}

}  // namespace

std::set<std::string> PriceDependentRules(const Procurement& procurement) {
  std::set<std::string> dependent;
  // Grows until nothing changes: each pass may add rules reading the ones
  // just added. At most one pass per rule.
  for (bool grew = true; grew;) {
    grew = false;
    for (const Rule& rule : procurement.rules) {
      if (dependent.count(rule.id) || !ReadsDependent(rule, dependent, procurement)) continue;
      dependent.insert(rule.id);
      grew = true;
    }
  }
  return dependent;
}

ScoredRound ScoreRound(const Procurement& procurement, const LocalWeights& local,
                       const GlobalWeights& global, const std::vector<CandidateResult>& measured,
                       const std::set<std::string>& left_out) {
  ScoredRound round;
  std::vector<CandidateResult> candidates = measured;
  if (procurement.framework.tree.Find(kPriceId)) {
    ScorePrice(procurement, local, global, candidates, left_out, round);
  }
  for (const CandidateResult& c : candidates) {
    round.keys.emplace_back();
    round.candidates.push_back(Run(procurement, local, global, c, &round.keys.back()));
  }
  return round;
}

}  // namespace weighbridge
