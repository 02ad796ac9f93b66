#include "engine/weigh/published_weights.h"

namespace weighbridge {
namespace {

// Criterion id -> tenths of a percent, for every node: leaves as published,
// headings the sum of their leaves; kRootId holds the whole.
std::map<std::string, long long> NodeTenths(const CriteriaTree& tree,
                                            const PublishedTenthsMap& tenths) {
  std::map<std::string, long long> out;
  for (const std::string& leaf : tree.leaves()) {
    auto it = tenths.find(leaf);
    out[leaf] = it == tenths.end() ? 0 : it->second;
  }
  // Children come after their parents in nodes(): walking backwards adds each
  // node to its parent once all of its own children were added to it.
  for (auto it = tree.nodes().rbegin(); it != tree.nodes().rend(); ++it) {
    out[it->parent] += out[it->id];
  }
  return out;
}

}  // namespace

void UsePublishedWeights(const CriteriaTree& tree, const PublishedTenthsMap& tenths,
                         PanelWeights& weights) {
  const std::map<std::string, long long> node = NodeTenths(tree, tenths);
  for (const Criterion& criterion : tree.nodes()) {
    const long long above = node.at(criterion.parent);
    if (above == 0) continue;
    weights.local[criterion.id] =
        static_cast<double>(node.at(criterion.id)) / static_cast<double>(above);
  }
}

GlobalWeights PublishedGlobal(const CriteriaTree& tree, const PublishedTenthsMap& tenths) {
  const std::map<std::string, long long> node = NodeTenths(tree, tenths);
  GlobalWeights global;
  for (const Criterion& criterion : tree.nodes()) {
    global[criterion.id] = static_cast<double>(node.at(criterion.id)) / 1000.0;
  }
  return global;
}

}  // namespace weighbridge
