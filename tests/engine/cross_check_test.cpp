#include <catch2/catch.hpp>

#include "engine/sensitivity/cross_check.h"
#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/promethee.h"
#include "engine/sensitivity/topsis.h"
#include "tests/support/decision_builder.h"

namespace weighbridge {
namespace {

// Hwang and Yoon (1981), Multiple Attribute Decision Making, the fighter
// aircraft example (pp. 130-134): four aircraft on maximum speed, ferry
// range, maximum payload, cost (less is better), reliability and
// manoeuvrability, weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. The book gives the
// relative closeness as 0.643, 0.268, 0.613 and 0.312, to three places from
// intermediate steps rounded by hand: agreement to 0.001 is what it allows.
TEST_CASE("TOPSIS: the published fighter aircraft example", "[topsis]") {
  const std::vector<std::vector<double>> x = {{2.0, 1500, 20000, 5.5, 5, 9},
                                              {2.5, 2700, 18000, 6.5, 3, 5},
                                              {1.8, 2000, 21000, 4.5, 7, 7},
                                              {2.2, 1800, 20000, 5.0, 5, 5}};
  const std::vector<double> w = {0.2, 0.1, 0.1, 0.1, 0.2, 0.3};
  const std::vector<bool> benefit = {true, true, true, false, true, true};
  const std::vector<double> c = TopsisCloseness(x, w, benefit);
  REQUIRE(c.size() == 4);
  CHECK(c[0] == Approx(0.643).margin(0.001));
  CHECK(c[1] == Approx(0.268).margin(0.001));
  CHECK(c[2] == Approx(0.613).margin(0.001));
  CHECK(c[3] == Approx(0.312).margin(0.001));
}

TEST_CASE("TOPSIS: a constant column changes nothing; all alike are all 1", "[topsis]") {
  const std::vector<bool> benefit(2, true);
  const auto base = TopsisCloseness({{80, 10}, {60, 30}}, {0.5, 0.5}, benefit);
  const auto with_constant =
      TopsisCloseness({{80, 10, 50}, {60, 30, 50}}, {0.5, 0.5, 0.3}, {true, true, true});
  CHECK(with_constant[0] == Approx(base[0]));
  CHECK(with_constant[1] == Approx(base[1]));
  CHECK(TopsisCloseness({{0, 0}, {0, 0}}, {0.5, 0.5}, benefit) == std::vector<double>{1, 1});
  CHECK(TopsisCloseness({{70, 20}}, {0.5, 0.5}, benefit) == std::vector<double>{1});
}

// Papathanasiou and Ploskas (2018), Multiple Criteria Decision Aid: Methods,
// Examples and Python Implementations, Springer, chapter 3: four actions on
// ten criteria (the first three, and the seventh, less is better), the usual
// preference function on every one, weights as printed (they add up to
// 1.02). Net flows by hand, phi(a) = (1/3) sum_j w_j (wins_j - losses_j):
//   criterion: 1     2     3     4     5     6     7     8     9     10
//   weight:    .07   .03   .16   .03   .01   .01   .03   .09   .15   .44
//   a1:        -3    +3    +1    0     +1    +2    -2    -2    +1    +3  -> 1.30 / 3
//   a2:        +1    -1    -3    -3    -3    -1    +3    +3    -3    -1  -> -1.10 / 3
//   a3:        +3    -3    +3    +3    +3    -3    +1    +1    +3    -3  -> -0.06 / 3
//   a4:        -1    +1    -1    0     -1    +2    -2    -2    -1    +1  -> -0.14 / 3
TEST_CASE("PROMETHEE II: the published usual-criterion example, flows by hand", "[promethee]") {
  const std::vector<std::vector<double>> x = {
      {170000, 20000, 220000, 0.97, 10, 5, 12, 1, 180, 0.999},
      {120000, 40000, 250000, 0.95, 8, 3, 6, 5, 90, 0.995},
      {90000, 50000, 150000, 0.99, 15, 1, 10, 3, 250, 0.980},
      {150000, 30000, 240000, 0.97, 9, 5, 12, 1, 120, 0.998}};
  const std::vector<double> w = {0.07, 0.03, 0.16, 0.03, 0.01, 0.01, 0.03, 0.09, 0.15, 0.44};
  const std::vector<bool> benefit = {false, false, false, true, true,
                                     true,  false, true,  true, true};
  const std::vector<double> phi = PrometheeNetFlows(x, w, benefit);
  REQUIRE(phi.size() == 4);
  CHECK(phi[0] == Approx(1.30 / 3).margin(1e-12));
  CHECK(phi[1] == Approx(-1.10 / 3).margin(1e-12));
  CHECK(phi[2] == Approx(-0.06 / 3).margin(1e-12));
  CHECK(phi[3] == Approx(-0.14 / 3).margin(1e-12));
}

TEST_CASE("PROMETHEE II: one alternative has flow 0; a constant column changes nothing",
          "[promethee]") {
  CHECK(PrometheeNetFlows({{10, 20}}, {0.5, 0.5}, {true, true}) == std::vector<double>{0});
  const auto base = PrometheeNetFlows({{80, 10}, {60, 30}}, {0.5, 0.5}, {true, true});
  const auto flat = PrometheeNetFlows({{80, 10, 5}, {60, 30, 5}}, {0.5, 0.5, 0.2},
                                      {true, true, true});
  CHECK(flat == base);
}

TEST_CASE("Cross-check: both methods on the capped scores, compared with the weighted sum",
          "[cross-check]") {
  // a = (90, 40): 0.5 x 90 + 0.5 x 40 = 65, but its x is capped at 60, so
  // 50; b = (55, 55) = 55 wins. On the capped scores (60, 40) and (55, 55)
  // PROMETHEE II's flows are a: 0.5 - 0.5 = 0, b: 0, a tie that b shares;
  // TOPSIS prefers b (closeness above one half).
  const Decision d = DecisionBuilder()
                         .Node("x", "root", 0.5)
                         .Node("y", "root", 0.5)
                         .Candidate("a", {{"x", 90}, {"y", 40}})
                         .Cap("a", "x", 60)
                         .Candidate("b", {{"x", 55}, {"y", 55}})
                         .Build();
  REQUIRE(d.ranking[0] == "b");
  const std::vector<MethodCheck> checks = CrossChecks(FlatModel(d), d, 1e-9);
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].method == "topsis");
  CHECK(checks[0].first == std::vector<std::string>{"b"});
  CHECK(checks[0].agrees);
  CHECK(checks[1].method == "promethee-ii");
  CHECK(checks[1].first == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(checks[1].agrees);
}

}  // namespace
}  // namespace weighbridge
