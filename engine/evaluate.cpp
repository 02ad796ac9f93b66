// Evaluate(): weigh, measure, total and rank, then summarise the panel. Each
// step lives in its own folder; this file only wires them together in a
// fixed order (file order for candidates, members and groups; tree order for
// criteria) so the same procurement always gives the same decision.
#include "weighbridge/evaluate.h"

#include <algorithm>
#include <set>

#include "engine/aggregate/capped_scores.h"
#include "engine/aggregate/ranking.h"
#include "engine/aggregate/tie_break.h"
#include "engine/cost/cost_flags.h"
#include "engine/cost/cost_model.h"
#include "engine/cost/price_checks.h"
#include "engine/cost/price_round.h"
#include "engine/cost/price_share.h"
#include "engine/measure/judgement_score.h"
#include "engine/measure/value_function.h"
#include "engine/rules/expression.h"
#include "engine/sensitivity/analyse.h"
#include "engine/weigh/panel_review.h"
#include "engine/weigh/panel_weights.h"
#include "engine/weigh/published_weights.h"

namespace weighbridge {
namespace {

const ScoreSheet& SheetFor(const ScoreSheets& sheets, const std::string& candidate,
                           const std::string& criterion) {
  static const ScoreSheet kEmpty;
  auto it = sheets.find({candidate, criterion});
  return it == sheets.end() ? kEmpty : it->second;
}

// Scores one leaf for one candidate (weight and contribution come later),
// noting on `out` what is missing.
CriterionResult MeasureLeaf(const Procurement& procurement, const ScoreSheets& sheets,
                            const Criterion& leaf, const Candidate& candidate,
                            CandidateResult& out) {
  CriterionResult result;
  result.criterion = leaf.id;
  if (leaf.assess == Assess::kPrice) return result;  // scored with the price pool (ScoreRound)
  if (leaf.assess == Assess::kEvidence) {
    std::optional<double> score = ScoreEvidence(leaf, candidate);
    result.score = score.value_or(0.0);
    result.basis = score ? "evidence" : "no evidence";
    if (!score) out.missing_evidence.push_back(leaf.id);
    return result;
  }
  // Without allow_incomplete the loader refuses an unscored criterion, so a
  // "not scored" here always comes from a procurement that allowed it.
  const JudgementScore judged =
      ScoreJudgement(SheetFor(sheets, candidate.id, leaf.id), procurement.framework.scale);
  result.score = judged.score;
  result.scale_value = judged.scale_value;
  result.basis = judged.basis;
  if (!judged.scale_value) {
    out.unscored.push_back(leaf.id);
    out.complete = false;
  }
  return result;
}

CandidateResult MeasureCandidate(const Procurement& procurement, const ScoreSheets& sheets,
                                 const Candidate& candidate) {
  const CriteriaTree& tree = procurement.framework.tree;
  CandidateResult out;
  out.id = candidate.id;
  out.name = candidate.name;
  // Eligible until a gate, require, exclusion or minimum fails (RunRules).
  out.eligible = true;
  for (const std::string& id : tree.leaves()) {
    out.criteria.push_back(MeasureLeaf(procurement, sheets, *tree.Find(id), candidate, out));
  }
  if (candidate.costs) {
    out.cost = WholeLifeCost(*candidate.costs, procurement.costs, procurement.info.term_years);
  }
  return out;
}

// The total `c` would have under other weights, with the caps that fired for
// it applied again in the same order (which caps fire is held as decided).
double TotalUnder(const CriteriaTree& tree, const LocalWeights& local, const GlobalWeights& global,
                  const CandidateResult& c) {
  std::vector<CriterionResult> leaves;
  for (const CriterionResult& r : c.criteria) {
    if (r.criterion != "total") leaves.push_back(r);
  }
  CappedScores scores(tree, local, global, leaves);
  for (const AppliedCap& cap : c.caps) scores.Apply(cap.target, cap.max, cap.rule);
  return scores.Total();
}

// The candidates as ranking sees them, on their totals.
std::vector<Standing> Standings(const std::vector<CandidateResult>& candidates) {
  std::vector<Standing> out;
  for (const CandidateResult& c : candidates) out.push_back({c.id, c.total, c.eligible});
  return out;
}

std::vector<NodeWeight> NodeWeights(const CriteriaTree& tree, const LocalWeights& local,
                                    const GlobalWeights& global) {
  std::vector<NodeWeight> out;
  for (const Criterion& c : tree.nodes()) {
    out.push_back({c.id, c.parent, local.at(c.id), global.at(c.id)});
  }
  return out;
}

std::vector<ModerationNeed> Moderation(const Procurement& procurement, const ScoreSheets& sheets) {
  const CriteriaTree& tree = procurement.framework.tree;
  std::vector<ModerationNeed> out;
  for (const Candidate& candidate : procurement.candidates) {
    for (const std::string& id : tree.leaves()) {
      if (tree.Find(id)->assess != Assess::kJudgement) continue;
      auto need = FindModerationNeed(candidate.id, id, SheetFor(sheets, candidate.id, id),
                                     procurement.framework.scale);
      if (need) out.push_back(std::move(*need));
    }
  }
  return out;
}

MemberSummary SummariseMember(const Member& member, const Panel& panel) {
  MemberSummary out{member.id, member.group, "none", std::nullopt, 0};
  std::set<std::string> methods;
  for (const Judgement& judgement : panel.judgements) {
    if (judgement.member != member.id) continue;
    ++out.judgements;
    methods.insert(WeighMethodName(judgement.method));
  }
  if (methods.size() == 1) out.method = *methods.begin();
  if (methods.size() > 1) out.method = "mixed";
  // consistency_ratio is set afterwards by SetConsistencyRatios, from the
  // pairwise analyses WeighPanel made; null for a member with none.
  return out;
}

std::vector<GroupSummary> SummariseGroups(const Procurement& procurement,
                                          const PanelWeights& weights,
                                          const std::vector<CandidateResult>& candidates,
                                          const EvaluateOptions& options) {
  const Panel& panel = procurement.panel;
  const std::vector<double> shares = GroupShares(panel);
  std::vector<GroupSummary> out;
  for (std::size_t g = 0; g < panel.groups.size(); ++g) {
    const Group& group = panel.groups[g];
    GroupSummary summary{group.id, group.title, shares[g], 0, weights.groups.at(group.id), {}};
    for (const Member& member : panel.members) summary.members += member.group == group.id;
    const GlobalWeights global = GlobalFromLocal(procurement.framework.tree, summary.weights);
    std::vector<Standing> standings = Standings(candidates);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      standings[i].total = TotalUnder(procurement.framework.tree, summary.weights, global, candidates[i]);
    }
    summary.ranking = RankStandings(standings, options.tie_tolerance).ranking;
    out.push_back(std::move(summary));
  }
  return out;
}

// Whether a failed rule could pass once scores change: a minimum, or a rule
// whose condition reads a score, the total or another rule's outcome.
bool DependsOnScores(const Procurement& procurement, const std::string& rule_id) {
  if (rule_id.starts_with("minimum:")) return true;
  for (const Rule& rule : procurement.rules) {
    if (rule.id != rule_id || !rule.program) continue;
    const rules::Program& program = *rule.program;
    return !program.reads_scores().empty() || program.reads_total() ||
           !program.reads_rules().empty();
  }
  return false;  // exclusion, budget, require: none reads a score
}

// Whether `candidate`'s place could move once its open scores are settled:
// an eligible candidate's total would move; an ineligible one could become
// eligible only when every rule it failed depends on scores.
bool PlaceDependsOnScores(const Procurement& procurement, const CandidateResult& candidate) {
  if (candidate.eligible) return true;
  return std::all_of(candidate.rules.begin(), candidate.rules.end(), [&](const RuleOutcome& o) {
    return o.outcome != "fail" || DependsOnScores(procurement, o.rule);
  });
}

bool UnsettledMatters(const Procurement& procurement, const Decision& decision) {
  std::set<std::string> open;
  for (const ModerationNeed& need : decision.moderation) open.insert(need.candidate);
  for (const CandidateResult& c : decision.candidates) {
    if (!c.unscored.empty()) open.insert(c.id);
  }
  for (const CandidateResult& c : decision.candidates) {
    if (open.count(c.id) && PlaceDependsOnScores(procurement, c)) return true;
  }
  return false;
}

}  // namespace

Decision Evaluate(const Procurement& procurement, const EvaluateOptions& options) {
  const CriteriaTree& tree = procurement.framework.tree;
  PanelWeights weights = WeighPanel(tree, procurement.panel);
  SetPriceShare(tree, procurement.price, weights);
  // Once the method is fixed, the weights are the published ones, exactly.
  if (procurement.freeze) UsePublishedWeights(tree, procurement.freeze->published_tenths, weights);
  const GlobalWeights global = procurement.freeze
                                   ? PublishedGlobal(tree, procurement.freeze->published_tenths)
                                   : GlobalFromLocal(tree, weights.local);
  const ScoreSheets sheets = IndexScores(procurement.scores, procurement.consensus);

  Decision decision;
  decision.weights = NodeWeights(tree, weights.local, global);
  decision.unjudged = weights.unjudged;
  std::vector<CandidateResult> measured;
  for (const Candidate& candidate : procurement.candidates) {
    measured.push_back(MeasureCandidate(procurement, sheets, candidate));
  }
  // Rules, caps and totals; with a price share, first the price pool and the
  // price scores (engine/cost/price_round.h).
  const ScoredRound round = ScoreRound(procurement, weights.local, global, measured);
  decision.candidates = round.candidates;
  const TieBreakRanks ranks = RankWithTieBreak(Standings(decision.candidates), round.keys,
                                               procurement.tie_break, options.tie_tolerance);
  for (std::size_t i = 0; i < decision.candidates.size(); ++i) {
    decision.candidates[i].rank = ranks.ranks.rank[i];
  }
  decision.ranking = ranks.ranks.ranking;
  decision.ties = ranks.ties;
  AddCostFlags(procurement, decision.candidates);
  if (tree.Find(kPriceId)) {
    decision.price = SummarisePrice(procurement, weights.local, global, measured, round, ranks,
                                    options.tie_tolerance);
  }
  for (const Member& member : procurement.panel.members) {
    decision.members.push_back(SummariseMember(member, procurement.panel));
  }
  decision.groups = SummariseGroups(procurement, weights, decision.candidates, options);
  decision.moderation = Moderation(procurement, sheets);
  decision.unsettled_matters = UnsettledMatters(procurement, decision);
  decision.panel_review = ReviewPanel(tree, procurement.panel, weights);
  SetConsistencyRatios(weights, decision.members);
  decision.sensitivity =
      AnalyseSensitivity(procurement, decision, options.sensitivity, options.tie_tolerance);
  return decision;
}

}  // namespace weighbridge
