#include "engine/weigh/panel_weights.h"

#include <cassert>
#include <optional>

#include "engine/weigh/judgement_weights.h"

namespace weighbridge {
namespace {

// Everything the loop over nodes needs to read, gathered once.
struct PanelIndex {
  std::map<std::string, std::string> group_of;  // member id -> group id
  // node id -> the judgements on it, in panel.toml order.
  std::map<std::string, std::vector<const Judgement*>> by_node;
};

PanelIndex IndexPanel(const Panel& panel) {
  PanelIndex index;
  for (const Member& member : panel.members) index.group_of[member.id] = member.group;
  for (const Judgement& judgement : panel.judgements) {
    index.by_node[judgement.parent].push_back(&judgement);
  }
  return index;
}

std::vector<double> EqualWeights(std::size_t n) {
  return std::vector<double>(n, 1.0 / static_cast<double>(n));
}

// The arithmetic mean of the normalised judgements that members of `group`
// made on `node`; null when none of them weighed it. A member with two
// judgements on a node would count twice; the loader rejects that.
std::optional<std::vector<double>> GroupMean(const std::string& group, const std::string& node,
                                             const std::vector<std::string>& children,
                                             const PanelIndex& index) {
  auto it = index.by_node.find(node);
  if (it == index.by_node.end()) return std::nullopt;
  std::vector<double> sum(children.size(), 0.0);
  int count = 0;
  for (const Judgement* judgement : it->second) {
    if (index.group_of.at(judgement->member) != group) continue;
    std::vector<double> weights = JudgementWeights(*judgement, children);
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += weights[i];
    ++count;
  }
  if (count == 0) return std::nullopt;
  for (double& value : sum) value /= count;
  return sum;
}

// The group-weighted mean of the groups' means on one node (groups in file
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
               const Panel& panel, const PanelIndex& index, PanelWeights& out) {
  if (children.empty()) return;
  if (children.size() == 1) {
    // An only child carries all of its parent's weight; nobody need judge.
    out.local[children[0]] = 1.0;
    for (const Group& group : panel.groups) out.groups[group.id][children[0]] = 1.0;
    return;
  }
  std::vector<std::optional<std::vector<double>>> means;
  for (const Group& group : panel.groups) {
    means.push_back(GroupMean(group.id, node, children, index));
  }
  std::string reason;
  const std::vector<double> panel_mean = PanelMean(means, panel, children.size(), reason);
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
  const PanelIndex index = IndexPanel(panel);
  PanelWeights out;
  for (const Group& group : panel.groups) out.groups[group.id];  // present even if empty
  for (const std::string& node : tree.WeighedNodes()) {
    WeighNode(node, tree.Children(node), panel, index, out);
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
