// The criteria tree's checks, on criteria built in the test (no files).
#include <catch2/catch.hpp>

#include "engine/load/tree_check.h"

namespace weighbridge {
namespace {

Criterion Make(std::string id, std::string parent, Assess assess, int line) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.assess = assess;
  c.pos = {"f.toml", line, 1};
  c.parent_pos = {"f.toml", line + 1, 10};
  return c;
}

std::string Check(const std::vector<Criterion>& criteria, bool* ok = nullptr) {
  Diagnostics diagnostics;
  auto tree = CheckTree(criteria, {}, diagnostics);
  if (ok) *ok = tree.has_value();
  return diagnostics.ToString();
}

TEST_CASE("Tree check: a proper tree passes and keeps declaration order", "[tree]") {
  bool ok = false;
  std::string out = Check({Make("a", "root", Assess::kBranch, 1),
                           Make("a.x", "a", Assess::kJudgement, 5),
                           Make("b", "root", Assess::kEvidence, 9)},
                          &ok);
  CHECK(ok);
  CHECK(out.empty());
}

TEST_CASE("Tree check: a loop of criteria is shown as a -> b -> a", "[tree]") {
  // access sits under access.easy-read, which sits under access: neither can
  // reach the top. The search closes the loop at 'access'.
  bool ok = true;
  std::string out = Check({Make("access", "access.easy-read", Assess::kBranch, 1),
                           Make("access.easy-read", "access", Assess::kBranch, 5),
                           Make("other", "root", Assess::kJudgement, 9)},
                          &ok);
  CHECK_FALSE(ok);
  CHECK(out ==
        "f.toml:2:10: error: criteria form a loop, so none of them belongs under the top: "
        "access -> access.easy-read -> access\n");
}

TEST_CASE("Tree check: a criterion that is its own parent is a loop of one", "[tree]") {
  std::string out = Check({Make("a", "a", Assess::kJudgement, 3)});
  CHECK(out == "f.toml:4:10: error: criteria form a loop, so none of them belongs under the top: "
               "a -> a\n");
}

TEST_CASE("Tree check: an unknown parent is named with a suggestion", "[tree]") {
  std::string out = Check({Make("rights", "root", Assess::kBranch, 1),
                           Make("rights.consent", "rihgts", Assess::kJudgement, 4)});
  // 'rights' now has no children, so it is also a leaf without 'assess'.
  CHECK(out ==
        "f.toml:5:10: error: parent 'rihgts' of criterion 'rights.consent' is not a criterion, "
        "did you mean 'rights'?\n"
        "f.toml:1:1: error: criterion 'rights' has no sub-criteria, so it needs assess = "
        "\"judgement\" or assess = \"evidence\"\n");
}

TEST_CASE("Tree check: duplicate ids are reported at the second", "[tree]") {
  std::string out = Check({Make("a", "root", Assess::kJudgement, 1),
                           Make("a", "root", Assess::kJudgement, 7)});
  CHECK(out == "f.toml:7:1: error: criterion 'a' is declared twice (first at f.toml:1)\n");
}

TEST_CASE("Tree check: a branch may not say how it is assessed", "[tree]") {
  std::string out = Check({Make("a", "root", Assess::kJudgement, 1),
                           Make("a.x", "a", Assess::kJudgement, 4)});
  CHECK(out == "f.toml:1:1: error: criterion 'a' has sub-criteria, so it is assessed through "
               "them and takes no 'assess'\n");
}

}  // namespace
}  // namespace weighbridge
