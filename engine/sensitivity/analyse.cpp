#include "engine/sensitivity/analyse.h"

#include "engine/sensitivity/cross_check.h"
#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/score_flips.h"
#include "engine/sensitivity/smaa_setup.h"
#include "engine/sensitivity/stability.h"

namespace weighbridge {
namespace {

std::optional<std::size_t> EligibleIndex(const FlatModel& model, const std::string& id) {
  for (std::size_t i = 0; i < model.eligible().size(); ++i) {
    if (model.eligible()[i].id == id) return i;
  }
  return std::nullopt;
}

}  // namespace

const char* SmaaWeightsName(SmaaWeights weights) {
  switch (weights) {
    case SmaaWeights::kUniform:
      return "uniform";
    case SmaaWeights::kPanel:
      return "panel";
    case SmaaWeights::kBounds:
      return "bounds";
  }
  return "uniform";
}

std::optional<SmaaWeights> SmaaWeightsFromName(const std::string& name) {
  for (SmaaWeights w : {SmaaWeights::kUniform, SmaaWeights::kPanel, SmaaWeights::kBounds}) {
    if (name == SmaaWeightsName(w)) return w;
  }
  return std::nullopt;
}

Sensitivity AnalyseSensitivity(const Procurement& procurement, const Decision& decision,
                               const SensitivityOptions& options, double tie_tolerance) {
  Sensitivity out;
  if (!options.enabled) {
    out.skipped = true;
    return out;
  }
  const FlatModel model(decision);
  out.smaa = AnalyseSmaa(procurement, model, options, tie_tolerance);
  const std::size_t n = model.eligible().size();
  if (n == 0 || decision.ranking.empty()) {
    out.note = "no product was eligible";
    return out;
  }
  if (n == 1) out.note = "only one product was eligible";
  const std::optional<std::size_t> winner = EligibleIndex(model, decision.ranking[0]);
  if (!winner) return out;
  out.stability = StabilityIntervals(model, *winner, tie_tolerance);
  out.tipping = SmallestTipping(model, out.stability);
  if (decision.ranking.size() >= 2) {
    if (auto runner_up = EligibleIndex(model, decision.ranking[1])) {
      out.score_flips = ScoreFlips(model, decision, procurement.framework.tree,
                                   procurement.framework.scale, *winner, *runner_up,
                                   tie_tolerance);
    }
  }
  out.cross_checks = CrossChecks(model, decision, tie_tolerance);
  return out;
}

}  // namespace weighbridge
