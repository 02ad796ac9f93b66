#include "engine/sensitivity/flat_model.h"

#include <map>

namespace weighbridge {

int FlatTree::Find(const std::string& id) const {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

void CollectLeaves(const FlatTree& tree, int node, std::vector<int>& out) {
  if (tree.children[node].empty()) {
    out.push_back(tree.slot[node]);
    return;
  }
  for (int child : tree.children[node]) CollectLeaves(tree, child, out);
}

FlatTree BuildTree(const std::vector<NodeWeight>& weights) {
  FlatTree tree;
  std::map<std::string, int> index;
  for (const NodeWeight& w : weights) {
    index[w.criterion] = static_cast<int>(tree.ids.size());
    tree.ids.push_back(w.criterion);
    tree.local.push_back(w.local);
    tree.global.push_back(w.global);
  }
  tree.children.resize(tree.ids.size());
  for (const NodeWeight& w : weights) {
    auto it = index.find(w.parent);
    const int parent = it == index.end() ? -1 : it->second;
    tree.parent.push_back(parent);
    (parent < 0 ? tree.top : tree.children[parent]).push_back(index[w.criterion]);
  }
  tree.slot.assign(tree.ids.size(), -1);
  for (std::size_t i = 0; i < tree.ids.size(); ++i) {
    if (tree.children[i].empty()) {
      tree.slot[i] = static_cast<int>(tree.leaves.size());
      tree.leaves.push_back(static_cast<int>(i));
    }
  }
  tree.leaves_under.resize(tree.ids.size());
  for (std::size_t i = 0; i < tree.ids.size(); ++i) {
    CollectLeaves(tree, static_cast<int>(i), tree.leaves_under[i]);
  }
  return tree;
}

}  // namespace

FlatModel::FlatModel(const Decision& decision) : tree_(BuildTree(decision.weights)) {
  for (std::size_t i = 0; i < decision.candidates.size(); ++i) {
    const CandidateResult& result = decision.candidates[i];
    if (!result.eligible) continue;
    FlatCandidate c;
    c.index = i;
    c.id = result.id;
    c.total = result.total;
    c.score.assign(tree_.leaves.size(), 0.0);
    for (const CriterionResult& r : result.criteria) {
      const int node = tree_.Find(r.criterion);
      if (node >= 0 && tree_.slot[node] >= 0) c.score[tree_.slot[node]] = r.score;
    }
    for (const AppliedCap& cap : result.caps) {
      c.caps.push_back({cap.target == "total" ? -1 : tree_.Find(cap.target), cap.max});
    }
    eligible_.push_back(std::move(c));
  }
}

std::vector<double> FlatModel::Globals(const std::vector<double>& local) const {
  std::vector<double> global(local.size(), 0.0);
  // Parents come before their children, as in GlobalFromLocal.
  for (std::size_t i = 0; i < local.size(); ++i) {
    const int p = tree_.parent[i];
    global[i] = (p < 0 ? 1.0 : global[p]) * local[i];
  }
  return global;
}

double FlatModel::NodeScore(int node, const std::vector<double>& score,
                            const std::vector<double>& factor,
                            const std::vector<double>& local) const {
  const int slot = tree_.slot[node];
  if (slot >= 0) return score[slot] * factor[slot];
  double sum = 0;
  for (int child : tree_.children[node]) sum += local[child] * NodeScore(child, score, factor, local);
  return sum;
}

double FlatModel::Total(const FlatCandidate& c, const std::vector<double>& score,
                        const std::vector<double>& local, const std::vector<double>& global,
                        std::vector<double>* margins, std::vector<double>* factor_out) const {
  std::vector<double> factor(tree_.leaves.size(), 1.0);
  std::vector<double> lines;  // what each cap on the total took off, in order
  // Summed as CappedScores::Total sums: the leaves in order, then each line.
  auto total_now = [&] {
    double total = 0;
    for (std::size_t s = 0; s < tree_.leaves.size(); ++s) {
      total += global[tree_.leaves[s]] * score[s] * factor[s];
    }
    for (double line : lines) total += line;
    return total;
  };
  if (margins) margins->clear();
  // The same steps as CappedScores::Apply, in the order the caps applied.
  for (const FlatCap& cap : c.caps) {
    if (cap.target < 0) {
      const double before = total_now();
      if (before > cap.max) lines.push_back(cap.max - before);
      if (margins) margins->push_back(before - cap.max);
      continue;
    }
    const double before = NodeScore(cap.target, score, factor, local);
    if (before > cap.max && before > 0) {
      for (int s : tree_.leaves_under[cap.target]) factor[s] *= cap.max / before;
    }
    if (margins) margins->push_back(before - cap.max);
  }
  if (factor_out) *factor_out = factor;
  return total_now();
}

}  // namespace weighbridge
