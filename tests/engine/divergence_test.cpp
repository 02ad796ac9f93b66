// Divergence between and within groups, and Kendall's W, worked by hand.
#include <catch2/catch.hpp>

#include "engine/weigh/divergence.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

TEST_CASE("Kendall's W: three members, three criteria, by hand", "[divergence]") {
  // Orders a > b > c, a > b > c and b > a > c.
  // Rank sums: a 1 + 1 + 2 = 4, b 2 + 2 + 1 = 5, c 3 + 3 + 3 = 9.
  // Mean rank sum m (n + 1) / 2 = 3 x 4 / 2 = 6.
  // S = (4 - 6)^2 + (5 - 6)^2 + (9 - 6)^2 = 4 + 1 + 9 = 14.
  // W = 12 S / (m^2 (n^3 - n)) = 168 / (9 x 24) = 168 / 216 = 0.777778.
  const auto w = KendallW({{0.5, 0.3, 0.2}, {0.6, 0.3, 0.1}, {0.4, 0.5, 0.1}});
  REQUIRE(w);
  CHECK(*w == Approx(168.0 / 216));
}

TEST_CASE("Kendall's W: ties are corrected for", "[divergence]") {
  // m1: a > b = c, ranks 1, 2.5, 2.5 (one tie of 2: T = 2^3 - 2 = 6).
  // m2: a > b > c, ranks 1, 2, 3.
  // Rank sums: a 2, b 4.5, c 5.5; mean 2 x 4 / 2 = 4.
  // S = 4 + 0.25 + 2.25 = 6.5. Denominator 4 x 24 - 2 x 6 = 84.
  // W = 12 x 6.5 / 84 = 78 / 84 = 0.928571.
  const auto w = KendallW({{0.6, 0.2, 0.2}, {0.5, 0.3, 0.2}});
  REQUIRE(w);
  CHECK(*w == Approx(78.0 / 84));
}

TEST_CASE("Kendall's W: identical and reversed orders", "[divergence]") {
  // Two members, same order: W = 1. Two members, opposite orders: rank
  // sums all 4 = the mean, S = 0, W = 0.
  CHECK(*KendallW({{0.5, 0.3, 0.2}, {0.6, 0.3, 0.1}}) == Approx(1));
  CHECK(*KendallW({{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}}) == Approx(0).margin(1e-12));
}

TEST_CASE("Kendall's W: null with fewer than two members or criteria, or all tied",
          "[divergence]") {
  CHECK_FALSE(KendallW({{0.5, 0.5}}));
  CHECK_FALSE(KendallW({{1.0}, {1.0}}));
  CHECK_FALSE(KendallW({}));
  // Everyone gives equal weights: the denominator m^2 (n^3 - n) - m sum T is
  // 4 x 6 - 2 x 12 = 0; there is no order to agree on.
  CHECK_FALSE(KendallW({{0.5, 0.5}, {0.5, 0.5}}));
}

TEST_CASE("Mid-ranks: largest first, ties share their positions", "[divergence]") {
  CHECK(MidRanks({0.5, 0.2, 0.2, 0.1}) == std::vector<double>{1, 2.5, 2.5, 4});
  // 1/3 reached two ways is still a tie.
  CHECK(MidRanks({1.0 / 3, 25.0 / 75, 1.0 / 3}) == std::vector<double>{2, 2, 2});
}

TEST_CASE("Divergence: each group's weight, its members' range and the gap between groups",
          "[divergence]") {
  const Procurement p = ProcurementBuilder()
                            .JudgedLeaf("a")
                            .JudgedLeaf("b")
                            .AddGroup("g1")
                            .AddGroup("g2")
                            .AddMember("m1", "g1")
                            .AddMember("m2", "g1")
                            .AddMember("n1", "g2")
                            .Weigh("m1", kRootId, {{"a", 60}, {"b", 40}})
                            .Weigh("m2", kRootId, {{"a", 80}, {"b", 20}})
                            .Weigh("n1", kRootId, {{"a", 30}, {"b", 70}})
                            .Build();
  const PanelWeights w = WeighPanel(p.framework.tree, p.panel);
  const std::vector<CriterionDivergence> d = Divergence(p.framework.tree, p.panel, w);
  REQUIRE(d.size() == 2);
  // a: g1 mean (0.6 + 0.8) / 2 = 0.7, range 0.6 to 0.8; g2 0.3.
  // Between: 0.7 - 0.3 = 0.4, g1 highest, g2 lowest.
  CHECK(d[0].criterion == "a");
  REQUIRE(d[0].groups.size() == 2);
  CHECK(d[0].groups[0].weight == Approx(0.7));
  CHECK(d[0].groups[0].lowest == Approx(0.6));
  CHECK(d[0].groups[0].highest == Approx(0.8));
  CHECK(d[0].groups[0].members == 2);
  CHECK(d[0].groups[1].weight == Approx(0.3));
  CHECK(d[0].between == Approx(0.4));
  CHECK(d[0].highest_group == "g1");
  CHECK(d[0].lowest_group == "g2");
  // b: g1 0.3, g2 0.7: also 0.4 apart, the other way round.
  CHECK(d[1].highest_group == "g2");
  // Both differ by 0.4; a tie keeps tree order.
  CHECK(DifferMost(d) == std::vector<std::string>{"a", "b"});
  // g1's members agree on the order (a first both times): W = 1; g2 has one
  // member: null.
  const std::vector<GroupAgreement> agreement = Agreement(p.framework.tree, p.panel, w);
  REQUIRE(agreement.size() == 2);
  CHECK(*agreement[0].kendall_w == Approx(1));
  CHECK_FALSE(agreement[1].kendall_w);
}

TEST_CASE("Divergence: differences under 5 points are not called out", "[divergence]") {
  std::vector<CriterionDivergence> d(2);
  d[0].criterion = "a";
  d[0].between = 0.049;
  d[1].criterion = "b";
  d[1].between = 0.05;
  CHECK(DifferMost(d) == std::vector<std::string>{"b"});
}

}  // namespace
}  // namespace weighbridge
