#include <catch2/catch.hpp>

#include "engine/weigh/judgement_weights.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {
namespace {

Judgement Points(std::map<std::string, double> values,
                 WeighMethod method = WeighMethod::kPoints) {
  Judgement judgement;
  judgement.member = "m1";
  judgement.parent = kRootId;
  judgement.method = method;
  judgement.values = std::move(values);
  return judgement;
}

TEST_CASE("Judgement weights: points are divided by their sum", "[weigh]") {
  const auto weights = JudgementWeights(
      Points({{"rights", 40}, {"relationship", 30}, {"interop", 20}, {"maintenance", 10}}),
      {"rights", "relationship", "interop", "maintenance"});
  // Sum 40 + 30 + 20 + 10 = 100: 40/100, 30/100, 20/100, 10/100.
  REQUIRE(weights.size() == 4);
  CHECK(weights[0] == Approx(0.4));
  CHECK(weights[1] == Approx(0.3));
  CHECK(weights[2] == Approx(0.2));
  CHECK(weights[3] == Approx(0.1));
}

TEST_CASE("Judgement weights: a child left out gets 0", "[weigh]") {
  const auto weights = JudgementWeights(Points({{"a", 3}, {"c", 1}}), {"a", "b", "c"});
  // Sum 3 + 1 = 4: a 3/4 = 0.75, b left out 0, c 1/4 = 0.25.
  REQUIRE(weights.size() == 3);
  CHECK(weights[0] == Approx(0.75));
  CHECK(weights[1] == 0.0);
  CHECK(weights[2] == Approx(0.25));
}

TEST_CASE("Judgement weights: direct weights that do not sum to 1 are normalised", "[weigh]") {
  const auto weights =
      JudgementWeights(Points({{"a", 0.2}, {"b", 0.6}}, WeighMethod::kDirect), {"a", "b"});
  // Sum 0.2 + 0.6 = 0.8: a 0.2/0.8 = 0.25, b 0.6/0.8 = 0.75.
  CHECK(weights[0] == Approx(0.25));
  CHECK(weights[1] == Approx(0.75));
}

TEST_CASE("Judgement weights: follow the order of the children, not of the ids", "[weigh]") {
  const auto weights = JudgementWeights(Points({{"a", 1}, {"z", 3}}), {"z", "a"});
  // z first: 3/4 = 0.75, then a: 1/4 = 0.25.
  CHECK(weights[0] == Approx(0.75));
  CHECK(weights[1] == Approx(0.25));
}

}  // namespace
}  // namespace weighbridge
