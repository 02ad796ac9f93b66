#include <catch2/catch.hpp>

#include "weighbridge/criteria_tree.h"

namespace weighbridge {
namespace {

Criterion Make(const std::string& id, const std::string& parent, Assess assess) {
  Criterion criterion;
  criterion.id = id;
  criterion.parent = parent;
  criterion.assess = assess;
  return criterion;
}

// Declared children-before-parents on purpose:
//   root ─ b (leaf)
//        ─ a ─ a.x, a.y
//        ─ c ─ c.z
CriteriaTree SampleTree() {
  return CriteriaTree({Make("a.x", "a", Assess::kJudgement), Make("b", kRootId, Assess::kJudgement),
                       Make("a", kRootId, Assess::kBranch), Make("c.z", "c", Assess::kEvidence),
                       Make("c", kRootId, Assess::kBranch), Make("a.y", "a", Assess::kJudgement)});
}

std::vector<std::string> Ids(const CriteriaTree& tree) {
  std::vector<std::string> ids;
  for (const Criterion& c : tree.nodes()) ids.push_back(c.id);
  return ids;
}

TEST_CASE("Criteria tree: lists nodes parents first, siblings in declaration order", "[model]") {
  // Root's children in declaration order are b, a, c; a's are a.x, a.y.
  CHECK(Ids(SampleTree()) == std::vector<std::string>{"b", "a", "a.x", "a.y", "c", "c.z"});
}

TEST_CASE("Criteria tree: lists the leaves in the same order", "[model]") {
  CHECK(SampleTree().leaves() == std::vector<std::string>{"b", "a.x", "a.y", "c.z"});
}

TEST_CASE("Criteria tree: gives the children of root, a branch and a leaf", "[model]") {
  const CriteriaTree tree = SampleTree();
  CHECK(tree.Children(kRootId) == std::vector<std::string>{"b", "a", "c"});
  CHECK(tree.Children("a") == std::vector<std::string>{"a.x", "a.y"});
  CHECK(tree.Children("b").empty());
  CHECK(tree.Children("no-such").empty());
}

TEST_CASE("Criteria tree: tells leaves from branches; root is neither a leaf nor a criterion",
          "[model]") {
  const CriteriaTree tree = SampleTree();
  CHECK(tree.IsLeaf("b"));
  CHECK(tree.IsLeaf("c.z"));
  CHECK_FALSE(tree.IsLeaf("a"));
  CHECK_FALSE(tree.IsLeaf(kRootId));
  CHECK(tree.Find(kRootId) == nullptr);
  REQUIRE(tree.Find("a.y") != nullptr);
  CHECK(tree.Find("a.y")->parent == "a");
}

TEST_CASE("Criteria tree: the weighed nodes are root and every branch, in tree order", "[model]") {
  CHECK(SampleTree().WeighedNodes() == std::vector<std::string>{kRootId, "a", "c"});
}

}  // namespace
}  // namespace weighbridge
