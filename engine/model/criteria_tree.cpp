#include "weighbridge/criteria_tree.h"

#include <functional>

namespace weighbridge {

CriteriaTree::CriteriaTree(std::vector<Criterion> criteria) {
  std::map<std::string, const Criterion*> by_id;
  for (const Criterion& c : criteria) {
    by_id[c.id] = &c;
    children_[c.parent].push_back(c.id);
  }
  // Depth-first from the root so that parents come before children and
  // siblings keep the order in which they were declared.
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    auto it = children_.find(id);
    if (it == children_.end()) return;
    for (const std::string& child : it->second) {
      index_[child] = nodes_.size();
      nodes_.push_back(*by_id.at(child));
      if (!children_.count(child)) leaves_.push_back(child);
      visit(child);
    }
  };
  visit(kRootId);
}

const Criterion* CriteriaTree::Find(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &nodes_[it->second];
}

const std::vector<std::string>& CriteriaTree::Children(const std::string& id) const {
  static const std::vector<std::string> kNone;
  auto it = children_.find(id);
  return it == children_.end() ? kNone : it->second;
}

bool CriteriaTree::IsLeaf(const std::string& id) const {
  return id != kRootId && !children_.count(id);
}

std::vector<std::string> CriteriaTree::WeighedNodes() const {
  std::vector<std::string> out{kRootId};
  for (const Criterion& c : nodes_) {
    if (!IsLeaf(c.id)) out.push_back(c.id);
  }
  return out;
}

}  // namespace weighbridge
