#include "engine/sensitivity/smaa_setup.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "engine/measure/judgement_score.h"
#include "engine/sensitivity/panel_resample.h"
#include "engine/sensitivity/random.h"

namespace weighbridge {
namespace {

bool IsPriceLeaf(const FlatTree& tree, int node) {
  return tree.parent[node] < 0 && tree.ids[node] == "price";
}

SmaaProblem BaseProblem(const FlatModel& model, double tie_tolerance) {
  const FlatTree& tree = model.tree();
  SmaaProblem p;
  p.candidates = static_cast<int>(model.eligible().size());
  p.leaves = static_cast<int>(tree.leaves.size());
  p.tie_tolerance = tie_tolerance;
  p.span.assign(p.candidates * p.leaves, 0.0);
  for (const FlatCandidate& c : model.eligible()) {
    p.lo.insert(p.lo.end(), c.score.begin(), c.score.end());
    std::vector<SmaaCap> caps;
    for (const FlatCap& cap : c.caps) {
      SmaaCap out;
      out.total = cap.target < 0;
      if (cap.target >= 0) out.leaves = tree.leaves_under[cap.target];
      out.max = cap.max;
      caps.push_back(std::move(out));
    }
    p.caps.push_back(std::move(caps));
  }
  // Weight draws apply to the quality criteria: price keeps its share.
  p.fixed.assign(p.leaves, 0.0);
  p.free_mass = 1;
  for (int s = 0; s < p.leaves; ++s) {
    const int node = tree.leaves[s];
    if (IsPriceLeaf(tree, node)) {
      p.fixed[s] = tree.global[node];
      p.free_mass -= tree.global[node];
    } else {
      p.free.push_back(s);
    }
  }
  return p;
}

// [smaa.bounds] as per-leaf ranges; leaves not named range over [0, 1].
// Returns a reason not to run, or "".
std::string SetBounds(const SmaaSettings& settings, const FlatTree& tree, std::uint64_t seed,
                      SmaaProblem& p) {
  p.low.assign(p.leaves, 0.0);
  p.high.assign(p.leaves, 1.0);
  double lows = 0;
  double highs = 0;
  for (int s = 0; s < p.leaves; ++s) {
    if (p.fixed[s] != 0 || std::find(p.free.begin(), p.free.end(), s) == p.free.end()) {
      p.low[s] = p.high[s] = p.fixed[s];
      continue;
    }
    auto it = settings.bounds.find(tree.ids[tree.leaves[s]]);
    if (it != settings.bounds.end()) {
      p.low[s] = it->second.first;
      p.high[s] = it->second.second;
    }
    lows += p.low[s];
    highs += std::min(p.high[s], p.free_mass);
  }
  if (lows > p.free_mass + 1e-12 || highs < p.free_mass - 1e-12) {
    return "the weight bounds cannot all hold at once: the lowest weights add up to more "
           "than the weight the criteria share (all of it, less price's share), or the "
           "highest to less";
  }
  if (BoundsAcceptance(p, seed) == 0) {
    return "the weight bounds leave too little room: none of 10,000 random weightings fitted "
           "them, so widen them";
  }
  return "";
}

}  // namespace

std::uint64_t SeedFromHash(const std::string& input_hash) {
  if (input_hash.size() < 13) return 0;
  std::uint64_t seed = 0;
  for (int k = 0; k < 13; ++k) {
    const char c = input_hash[k];
    int digit = 0;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return 0;
    seed = seed * 16 + static_cast<std::uint64_t>(digit);
  }
  return seed;
}

SmaaWeights DefaultSmaaWeights(const Procurement& procurement) {
  // Resampling varies the weights only within a group that has two or more
  // members who judged; without one, uniform weights are the honest default.
  std::set<std::string> judged;
  for (const Judgement& j : procurement.panel.judgements) judged.insert(j.member);
  std::map<std::string, int> per_group;
  for (const Member& m : procurement.panel.members) {
    if (judged.count(m.id) && ++per_group[m.group] >= 2) return SmaaWeights::kPanel;
  }
  return SmaaWeights::kUniform;
}

void SetScoreRanges(const Procurement& procurement, const FlatModel& model, SmaaProblem& p) {
  const FlatTree& tree = model.tree();
  const Scale& scale = procurement.framework.scale;
  const ScoreSheets sheets = IndexScores(procurement.scores, procurement.consensus);
  auto to_100 = [&](double x) { return (x - scale.min) / (scale.max - scale.min) * 100.0; };
  for (std::size_t i = 0; i < model.eligible().size(); ++i) {
    const FlatCandidate& c = model.eligible()[i];
    for (int s = 0; s < p.leaves; ++s) {
      const std::string& leaf = tree.ids[tree.leaves[s]];
      const Criterion* criterion = procurement.framework.tree.Find(leaf);
      if (!criterion || criterion->assess != Assess::kJudgement) continue;
      auto it = sheets.find({c.id, leaf});
      if (it == sheets.end() || it->second.consensus || it->second.scores.size() < 2) continue;
      double lowest = it->second.scores.front().second;
      double highest = lowest;
      for (const auto& [evaluator, value] : it->second.scores) {
        lowest = std::min(lowest, value);
        highest = std::max(highest, value);
      }
      if (highest <= lowest) continue;
      p.lo[i * p.leaves + s] = to_100(lowest);
      p.span[i * p.leaves + s] = to_100(highest) - to_100(lowest);
    }
  }
}

SmaaResult AnalyseSmaa(const Procurement& procurement, const FlatModel& model,
                       const SensitivityOptions& options, double tie_tolerance) {
  const SmaaSettings& settings = procurement.smaa;
  const SmaaWeights mode = options.weights   ? *options.weights
                           : settings.weights ? *settings.weights
                                              : DefaultSmaaWeights(procurement);
  const int samples = options.samples   ? *options.samples
                      : settings.samples ? *settings.samples
                                         : kDefaultSmaaSamples;
  const std::uint64_t seed = options.seed    ? *options.seed
                             : settings.seed ? *settings.seed
                                             : SeedFromHash(procurement.input_hash);
  const bool fixed = options.fixed_scores ? *options.fixed_scores : settings.fixed_scores;

  SmaaResult out;
  out.samples = samples;
  out.seed = seed;
  out.weights_mode = SmaaWeightsName(mode);
  out.scores_mode = fixed ? "fixed" : "evaluators' range";
  out.generator = kGeneratorName;
  const FlatTree& tree = model.tree();
  for (const FlatCandidate& c : model.eligible()) out.candidates.push_back(c.id);
  for (int node : tree.leaves) out.criteria.push_back(tree.ids[node]);
  if (model.eligible().empty()) {
    out.note = "no product was eligible, so there was nothing to rank";
    return out;
  }
  if (samples <= 0) {
    out.note = "turned off: the number of draws is 0";
    return out;
  }

  SmaaProblem problem = BaseProblem(model, tie_tolerance);
  problem.mode = mode;
  if (!fixed) SetScoreRanges(procurement, model, problem);
  std::shared_ptr<PanelResampler> panel;
  std::string note;
  if (mode == SmaaWeights::kBounds) {
    note = SetBounds(settings, tree, seed, problem);
    if (!note.empty()) {
      out.note = note;
      return out;
    }
    if (settings.bounds.empty()) note = "no [smaa.bounds] were given, so every weight ranged from 0 to 1";
  }
  if (mode == SmaaWeights::kPanel) {
    panel = std::make_shared<PanelResampler>(procurement, tree);
    problem.sampler = [panel](LaneStream& stream, double* g) { panel->Draw(stream, g); };
    if (panel->largest_group() < 2) {
      note = "no stakeholder group had two or more members who made judgements, so the "
             "weights did not vary";
    }
  }
  SmaaRunOptions run;
  run.samples = samples;
  run.seed = seed;
  run.threads = std::max(1, options.threads);
  SmaaResult result = RunSmaa(problem, run);
  result.note = note;
  result.weights_mode = out.weights_mode;
  result.scores_mode = out.scores_mode;
  result.candidates = out.candidates;
  result.criteria = out.criteria;
  for (double span : problem.span) result.uncertain_scores += span > 0;
  return result;
}

}  // namespace weighbridge
