#include "reports/published_shares.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

Criterion Node(std::string id, std::string parent, Assess assess) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.assess = assess;
  return c;
}

TEST_CASE("Published shares: thirds round to 33.4, 33.3 and 33.3, and a heading adds its leaves",
          "[reports]") {
  Procurement p;
  p.framework.tree =
      CriteriaTree({Node("a", kRootId, Assess::kJudgement), Node("h", kRootId, Assess::kBranch),
                    Node("h.b", "h", Assess::kJudgement), Node("h.c", "h", Assess::kJudgement)});
  Decision d;
  const double third = 1.0 / 3;
  d.weights = {{"a", kRootId, third, third},
               {"h", kRootId, 2 * third, 2 * third},
               {"h.b", "h", 0.5, third},
               {"h.c", "h", 0.5, third}};
  // 333.33... tenths each: 999 given by the floors, the one missing goes to
  // the first of three equal remainders, a. h = 333 + 333.
  const std::map<std::string, long long> tenths = PublishedTenths(p, d);
  CHECK(tenths.at("a") == 334);
  CHECK(tenths.at("h.b") == 333);
  CHECK(tenths.at("h.c") == 333);
  CHECK(tenths.at("h") == 666);
  CHECK(TenthsPercent(tenths.at("a")) == "33.4%");
}

}  // namespace
}  // namespace weighbridge
