#include "engine/sensitivity/panel_resample.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/weigh/judgement_weights.h"
#include "engine/weigh/panel_weights.h"

namespace weighbridge {
namespace {

// A uniform whole number in [0, n) from the top 32 random bits (the high
// word of their product with n; the bias, below n / 2^32, is immaterial for
// panels of people).
int Below(std::uint64_t x, int n) {
  return static_cast<int>(((x >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

}  // namespace

PanelResampler::PanelResampler(const Procurement& procurement, const FlatTree& tree)
    : p_(procurement), tree_(tree) {
  const Panel& panel = procurement.panel;
  fast_ = panel.options.within_group == WithinGroup::kMean;
  std::map<std::string, int> member_index;
  std::map<std::string, int> group_index;
  for (std::size_t g = 0; g < panel.groups.size(); ++g) group_index[panel.groups[g].id] = g;
  for (std::size_t k = 0; k < panel.members.size(); ++k) member_index[panel.members[k].id] = k;

  // Nodes whose children include price keep the procurement's split.
  fixed_.assign(tree.ids.size(), false);
  for (std::size_t i = 0; i < tree.ids.size(); ++i) {
    for (int s : tree.ChildrenOf(tree.parent[i])) fixed_[i] = fixed_[i] || tree.ids[s] == "price";
  }

  std::set<int> judged;
  const CriteriaTree& criteria = procurement.framework.tree;
  for (const Judgement& j : panel.judgements) {
    const int member = member_index.at(j.member);
    judged.insert(member);
    const int node = j.parent == kRootId ? -1 : tree.Find(j.parent);
    if (j.parent != kRootId && node < 0) continue;
    const std::vector<int>& children = tree.ChildrenOf(node);
    if (children.size() < 2 || fixed_[children[0]]) continue;
    const std::vector<std::string>& ids = criteria.Children(j.parent);
    JudgementResult result = AnalyseJudgement(j, ids);
    const auto& limit = panel.options.exclude_cr_above;
    if (limit && result.consistency_ratio && *result.consistency_ratio > *limit) continue;
    // The judgement's weights in the flat tree's order of the children.
    std::vector<double> w(children.size(), 0.0);
    for (std::size_t c = 0; c < children.size(); ++c) {
      for (std::size_t k = 0; k < ids.size(); ++k) {
        if (ids[k] == tree.ids[children[c]]) w[c] = result.weights[k];
      }
    }
    Node* slot = nullptr;
    for (Node& n : nodes_) {
      if (n.node == node) slot = &n;
    }
    if (!slot) {
      nodes_.push_back({node, children, {}});
      slot = &nodes_.back();
    }
    slot->entries.push_back({member, group_index.at(panel.members[member].group), w});
  }
  pools_.resize(panel.groups.size());
  for (int k : judged) pools_[group_index.at(panel.members[k].group)].push_back(k);
}

int PanelResampler::judging_members() const {
  int n = 0;
  for (const auto& pool : pools_) n += static_cast<int>(pool.size());
  return n;
}

int PanelResampler::largest_group() const {
  std::size_t most = 0;
  for (const auto& pool : pools_) most = std::max(most, pool.size());
  return static_cast<int>(most);
}

std::vector<double> PanelResampler::Local(const std::vector<int>& multiplicity) const {
  if (!fast_) return Exact(multiplicity);
  std::vector<double> local = tree_.local;
  const Panel& panel = p_.panel;
  for (const Node& node : nodes_) {
    const std::size_t n = node.children.size();
    std::vector<double> sum(n, 0.0);
    double total_weight = 0;
    bool anyone = false;
    // As WeighPanel: each group's arithmetic mean over its members who
    // judged the node, then the mean of the groups by their weights.
    for (std::size_t g = 0; g < panel.groups.size(); ++g) {
      std::vector<double> mean(n, 0.0);
      int count = 0;
      for (const Entry& e : node.entries) {
        const int times = multiplicity[e.member];
        if (e.group != static_cast<int>(g) || times == 0) continue;
        for (std::size_t i = 0; i < n; ++i) mean[i] += times * e.w[i];
        count += times;
      }
      if (count == 0) continue;
      anyone = true;
      for (double& value : mean) value /= count;
      const double w = panel.groups[g].weight;
      total_weight += w;
      for (std::size_t i = 0; i < n; ++i) sum[i] += w * mean[i];
    }
    for (std::size_t i = 0; i < n; ++i) {
      local[node.children[i]] =
          anyone && total_weight > 0 ? sum[i] / total_weight : 1.0 / static_cast<double>(n);
    }
  }
  return local;
}

// Other ways of combining members (geometric mean, combined judgements) are
// left to the engine itself: the panel is rebuilt with each member repeated
// as often as drawn and weighed again.
std::vector<double> PanelResampler::Exact(const std::vector<int>& multiplicity) const {
  const Panel& panel = p_.panel;
  Panel copy;
  copy.groups = panel.groups;
  copy.options = panel.options;
  for (std::size_t k = 0; k < panel.members.size(); ++k) {
    for (int t = 0; t < multiplicity[k]; ++t) {
      Member m = panel.members[k];
      m.id += "#" + std::to_string(t);
      copy.members.push_back(m);
      for (const Judgement& j : panel.judgements) {
        if (j.member != panel.members[k].id) continue;
        copy.judgements.push_back(j);
        copy.judgements.back().member = m.id;
      }
    }
  }
  const PanelWeights weights = WeighPanel(p_.framework.tree, copy);
  std::vector<double> local = tree_.local;
  for (std::size_t i = 0; i < tree_.ids.size(); ++i) {
    auto it = weights.local.find(tree_.ids[i]);
    if (!fixed_[i] && it != weights.local.end()) local[i] = it->second;
  }
  return local;
}

void PanelResampler::Draw(LaneStream& stream, double* g) const {
  std::vector<int> multiplicity(p_.panel.members.size(), 0);
  for (const std::vector<int>& pool : pools_) {
    const int n = static_cast<int>(pool.size());
    for (int t = 0; t < n; ++t) ++multiplicity[pool[Below(stream.Next(), n)]];
  }
  const std::vector<double> local = Local(multiplicity);
  std::vector<double> global(local.size());
  for (std::size_t i = 0; i < local.size(); ++i) {
    const int parent = tree_.parent[i];
    global[i] = (parent < 0 ? 1.0 : global[parent]) * local[i];
  }
  for (std::size_t s = 0; s < tree_.leaves.size(); ++s) g[s] = global[tree_.leaves[s]];
}

}  // namespace weighbridge
