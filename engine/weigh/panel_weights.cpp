#include "engine/weigh/panel_weights.h"

#include <cassert>
#include <cmath>
#include <optional>

#include "engine/weigh/ahp.h"

namespace weighbridge {
namespace {

std::vector<double> EqualWeights(std::size_t n) {
  return std::vector<double>(n, 1.0 / static_cast<double>(n));
}

// Every judgement analysed once, in panel order, with the groups' lookups.
std::vector<AnalysedJudgement> Analyse(const CriteriaTree& tree, const Panel& panel) {
  std::map<std::string, std::string> group_of;  // member id -> group id
  for (const Member& member : panel.members) group_of[member.id] = member.group;
  std::vector<AnalysedJudgement> out;
  for (const Judgement& judgement : panel.judgements) {
    AnalysedJudgement a;
    a.judgement = &judgement;
    a.group = group_of.at(judgement.member);
    a.children = tree.Children(judgement.parent);
    a.result = AnalyseJudgement(judgement, a.children);
    const auto& limit = panel.options.exclude_cr_above;
    a.excluded = limit && a.result.consistency_ratio && *a.result.consistency_ratio > *limit;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<double> Mean(const std::vector<const AnalysedJudgement*>& members, std::size_t n) {
  std::vector<double> sum(n, 0.0);
  for (const AnalysedJudgement* m : members) {
    for (std::size_t i = 0; i < n; ++i) sum[i] += m->result.weights[i];
  }
  for (double& value : sum) value /= static_cast<double>(members.size());
  return sum;
}

// The geometric mean of the members' weights, child by child, renormalised
// to sum 1. One member's 0 makes a child's product 0; when that leaves
// every child at 0 there is nothing to renormalise: nullopt.
std::optional<std::vector<double>> Geometric(const std::vector<const AnalysedJudgement*>& members,
                                             std::size_t n) {
  std::vector<double> out(n, 0.0);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double logs = 0;
    bool zero = false;
    for (const AnalysedJudgement* m : members) {
      const double w = m->result.weights[i];
      zero = zero || w <= 0;
      if (!zero) logs += std::log(w);
    }
    out[i] = zero ? 0.0 : std::exp(logs / static_cast<double>(members.size()));
    sum += out[i];
  }
  if (sum <= 0) return std::nullopt;
  for (double& value : out) value /= sum;
  return out;
}

// Aggregation of individual judgements (Forman and Peniwati 1998; Aczél and
// Saaty 1983): each pair's comparisons combined by their geometric mean over
// the members who gave that pair, then the weights of the combined matrix
// (its eigenvector when complete, least squares otherwise). nullopt when not
// every member compared the node's criteria two at a time.
std::optional<std::vector<double>> Judgements(
    const std::vector<const AnalysedJudgement*>& members, std::size_t n) {
  std::map<std::pair<int, int>, std::pair<double, int>> logs;  // (i < j) -> (sum of ln, count)
  for (const AnalysedJudgement* m : members) {
    if (m->judgement->method != WeighMethod::kPairwise) return std::nullopt;
    for (const PairEntry& e : PairEntries(*m->judgement, m->children)) {
      const bool forward = e.i < e.j;
      auto& [sum, count] = logs[forward ? std::pair{e.i, e.j} : std::pair{e.j, e.i}];
      sum += forward ? std::log(e.value) : -std::log(e.value);
      ++count;
    }
  }
  std::vector<PairEntry> combined;
  for (const auto& [pair, acc] : logs) {
    combined.push_back({pair.first, pair.second, std::exp(acc.first / acc.second)});
  }
  return AnalysePairwise(static_cast<int>(n), combined).weights;
}

// One group's weights on one node; nullopt when no member of it counts there.
std::optional<std::vector<double>> GroupWeights(const Group& group, const std::string& node,
                                                std::size_t n,
                                                const std::vector<AnalysedJudgement>& judgements,
                                                WithinGroup within, std::vector<CombineNote>& notes) {
  std::vector<const AnalysedJudgement*> members;
  for (const AnalysedJudgement& a : judgements) {
    if (a.group == group.id && a.judgement->parent == node && !a.excluded) members.push_back(&a);
  }
  if (members.empty()) return std::nullopt;
  if (within == WithinGroup::kGeometric) {
    if (auto out = Geometric(members, n)) return out;
    notes.push_back({group.id, node,
                     "every criterion was given 0 by someone in the group, so the geometric "
                     "mean left nothing to share out; the arithmetic mean was used instead"});
  }
  if (within == WithinGroup::kJudgements) {
    if (auto out = Judgements(members, n)) return out;
    notes.push_back({group.id, node,
                     "not everyone in the group compared these criteria two at a time, so "
                     "their weights were averaged (the arithmetic mean) instead"});
  }
  return Mean(members, n);
}

// The group-weighted mean of the groups' weights on one node (groups in file
// order, absent ones skipped); sets `reason` and returns equal weights when
// no group, or no group with weight, weighed it.
std::vector<double> PanelMean(const std::vector<std::optional<std::vector<double>>>& means,
                              const Panel& panel, std::size_t n, std::string& reason) {
  std::vector<double> sum(n, 0.0);
  double total_weight = 0;
  bool anyone = false;
  for (std::size_t g = 0; g < means.size(); ++g) {
    if (!means[g]) continue;
    anyone = true;
    const double w = panel.groups[g].weight;
    total_weight += w;
    for (std::size_t i = 0; i < n; ++i) sum[i] += w * (*means[g])[i];
  }
  if (!anyone) reason = "nobody on the panel weighed it";
  else if (total_weight <= 0) reason = "only groups with no weight weighed it";
  if (!reason.empty()) return EqualWeights(n);
  for (double& value : sum) value /= total_weight;
  return sum;
}

// Weighs the children of one node into `out`.
void WeighNode(const std::string& node, const std::vector<std::string>& children,
               const Panel& panel, PanelWeights& out) {
  if (children.empty()) return;
  if (children.size() == 1) {
    // An only child carries all of its parent's weight; nobody need judge.
    out.local[children[0]] = 1.0;
    for (const Group& group : panel.groups) out.groups[group.id][children[0]] = 1.0;
    return;
  }
  std::vector<std::optional<std::vector<double>>> means;
  for (const Group& group : panel.groups) {
    means.push_back(GroupWeights(group, node, children.size(), out.judgements,
                                 panel.options.within_group, out.notes));
    if (means.back()) out.group_nodes[node][group.id] = *means.back();
  }
  std::string reason;
  const std::vector<double> panel_mean = PanelMean(means, panel, children.size(), reason);
  if (reason == "nobody on the panel weighed it") {
    for (const AnalysedJudgement& a : out.judgements) {
      if (a.judgement->parent == node) {
        reason = "every judgement on it was left out as too inconsistent";
        break;
      }
    }
  }
  if (!reason.empty()) out.unjudged.push_back({node, reason});
  for (std::size_t i = 0; i < children.size(); ++i) {
    out.local[children[i]] = panel_mean[i];
    for (std::size_t g = 0; g < panel.groups.size(); ++g) {
      out.groups[panel.groups[g].id][children[i]] = means[g] ? (*means[g])[i] : panel_mean[i];
    }
  }
}

}  // namespace

PanelWeights WeighPanel(const CriteriaTree& tree, const Panel& panel) {
  PanelWeights out;
  out.judgements = Analyse(tree, panel);
  for (const Group& group : panel.groups) out.groups[group.id];  // present even if empty
  for (const std::string& node : tree.WeighedNodes()) {
    WeighNode(node, tree.Children(node), panel, out);
  }
  return out;
}

GlobalWeights GlobalFromLocal(const CriteriaTree& tree, const LocalWeights& local) {
  GlobalWeights global;
  // nodes() lists parents before children, so a parent's global is ready.
  for (const Criterion& criterion : tree.nodes()) {
    const double above = criterion.parent == kRootId ? 1.0 : global.at(criterion.parent);
    global[criterion.id] = above * local.at(criterion.id);
  }
  return global;
}

std::vector<double> GroupShares(const Panel& panel) {
  double total = 0;
  for (const Group& group : panel.groups) total += group.weight;
  assert((panel.groups.empty() || total > 0) && "the loader rejects all-zero group weights");
  std::vector<double> shares;
  for (const Group& group : panel.groups) shares.push_back(group.weight / total);
  return shares;
}

}  // namespace weighbridge
