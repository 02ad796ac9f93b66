#include "engine/weigh/panel_review.h"

#include <algorithm>

#include "engine/weigh/ahp.h"
#include "engine/weigh/coproduction.h"
#include "engine/weigh/divergence.h"

namespace weighbridge {
namespace {

MemberNodeWeights OwnWeights(const AnalysedJudgement& a) {
  MemberNodeWeights out;
  out.member = a.judgement->member;
  out.group = a.group;
  out.node = a.judgement->parent;
  out.method = WeighMethodName(a.judgement->method);
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    out.weights.emplace_back(a.children[i], a.result.weights[i]);
  }
  out.consistency_ratio = a.result.consistency_ratio;
  out.excluded = a.excluded;
  return out;
}

// Above Saaty's threshold for its size, with the answer most at odds.
std::optional<InconsistentJudgement> Flag(const AnalysedJudgement& a) {
  const auto& cr = a.result.consistency_ratio;
  const int n = static_cast<int>(a.children.size());
  if (!cr || !a.result.furthest || *cr <= ConsistencyThreshold(n)) return std::nullopt;
  const FurthestPair& f = *a.result.furthest;
  return InconsistentJudgement{a.judgement->member, a.group,      a.judgement->parent,
                               *cr,                 ConsistencyThreshold(n), a.excluded,
                               a.children[f.i],     a.children[f.j], f.given,
                               f.implied,           f.suggested};
}

}  // namespace

PanelReview ReviewPanel(const CriteriaTree& tree, const Panel& panel, const PanelWeights& weights) {
  PanelReview out;
  out.within_group = WithinGroupName(panel.options.within_group);
  out.exclude_cr_above = panel.options.exclude_cr_above;
  for (const AnalysedJudgement& a : weights.judgements) {
    out.member_weights.push_back(OwnWeights(a));
    if (auto flag = Flag(a)) out.inconsistent.push_back(std::move(*flag));
  }
  out.divergence = Divergence(tree, panel, weights);
  out.differ_most = DifferMost(out.divergence);
  out.agreement = Agreement(tree, panel, weights);
  out.turnout = Turnout(panel);
  for (const CombineNote& note : weights.notes) out.notes.push_back({note.group, note.node, note.note});
  out.warnings = CoproductionWarnings(tree, panel, weights);
  return out;
}

void SetConsistencyRatios(const PanelWeights& weights, std::vector<MemberSummary>& members) {
  for (MemberSummary& member : members) {
    for (const AnalysedJudgement& a : weights.judgements) {
      const auto& cr = a.result.consistency_ratio;
      if (a.judgement->member != member.id || !cr) continue;
      member.consistency_ratio = std::max(member.consistency_ratio.value_or(*cr), *cr);
    }
  }
}

}  // namespace weighbridge
