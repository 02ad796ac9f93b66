// The declared tie-break in the ranking.
#include <catch2/catch.hpp>

#include "engine/aggregate/tie_break.h"

namespace weighbridge {
namespace {

using Ids = std::vector<std::string>;

TieBreakStep Step(TieBreakStep::Kind kind, std::string criterion = "") {
  TieBreakStep step;
  step.kind = kind;
  step.criterion = std::move(criterion);
  return step;
}

// a, b and d tie on 70; c trails; e ties too but is not eligible.
std::vector<Standing> Field() {
  return {{"a", 70, true}, {"b", 70, true}, {"c", 60, true}, {"d", 70, true}, {"e", 70, false}};
}

std::vector<TieKeys> Keys() {
  return {{50, 100.0, {{"k", 9}}},
          {60, 200.0, {{"k", 1}}},
          {99, 1.0, {{"k", 0}}},
          {60, 150.0, {{"k", 5}}},
          {99, 1.0, {{"k", 9}}}};
}

TEST_CASE("Tie-break: none declared leaves a tie shared and says so", "[tie]") {
  const TieBreakRanks r = RankWithTieBreak(Field(), Keys(), {}, 1e-9);
  CHECK(r.ranks.rank == std::vector<std::optional<int>>{1, 1, 4, 1, std::nullopt});
  CHECK(r.ranks.ranking == Ids{"a", "b", "d", "c"});
  REQUIRE(r.ties.size() == 1);
  CHECK(r.ties[0].candidates == Ids{"a", "b", "d"});
  CHECK(r.ties[0].decided_by.empty());
  CHECK(r.ties[0].order == std::vector<Ids>{{"a", "b", "d"}});
}

TEST_CASE("Tie-break: quality first, then the lower present value", "[tie]") {
  using K = TieBreakStep::Kind;
  const TieBreakRanks r =
      RankWithTieBreak(Field(), Keys(), {Step(K::kQuality), Step(K::kPrice)}, 1e-9);
  // b and d beat a on quality (60 > 50); d beats b on price (150 < 200).
  CHECK(r.ranks.rank == std::vector<std::optional<int>>{3, 2, 4, 1, std::nullopt});
  CHECK(r.ranks.ranking == Ids{"d", "b", "a", "c"});
  REQUIRE(r.ties.size() == 1);
  CHECK(r.ties[0].decided_by == Ids{"quality", "price"});
  CHECK(r.ties[0].order == std::vector<Ids>{{"d"}, {"b"}, {"a"}});
}

TEST_CASE("Tie-break: a criterion's higher score decides", "[tie]") {
  const TieBreakRanks r = RankWithTieBreak(
      Field(), Keys(), {Step(TieBreakStep::Kind::kCriterion, "k")}, 1e-9);
  CHECK(r.ranks.ranking == Ids{"a", "d", "b", "c"});  // k: 9, 5, 1
  CHECK(r.ties[0].decided_by == Ids{"criterion:k"});
}

TEST_CASE("Tie-break: what the steps cannot tell apart keeps a shared rank", "[tie]") {
  // Quality alone: b and d both 60, ahead of a.
  const TieBreakRanks r =
      RankWithTieBreak(Field(), Keys(), {Step(TieBreakStep::Kind::kQuality)}, 1e-9);
  CHECK(r.ranks.rank == std::vector<std::optional<int>>{3, 1, 4, 1, std::nullopt});
  CHECK(r.ranks.ranking == Ids{"b", "d", "a", "c"});
  CHECK(r.ties[0].order == std::vector<Ids>{{"b", "d"}, {"a"}});
}

TEST_CASE("Tie-break: totals that differ are never reordered by it", "[tie]") {
  std::vector<Standing> field{{"x", 80, true}, {"y", 79.9, true}};
  std::vector<TieKeys> keys{{10, 1000.0, {}}, {90, 1.0, {}}};
  const TieBreakRanks r = RankWithTieBreak(field, keys, {Step(TieBreakStep::Kind::kPrice)}, 1e-9);
  CHECK(r.ranks.ranking == Ids{"x", "y"});
  CHECK(r.ties.empty());
}

TEST_CASE("Tie-break: present values within a part in a billion do not differ", "[tie]") {
  std::vector<Standing> field{{"x", 50, true}, {"y", 50, true}};
  std::vector<TieKeys> keys{{0, 2000000.0, {}}, {0, 2000000.0 + 1e-4, {}}};
  const TieBreakRanks r = RankWithTieBreak(field, keys, {Step(TieBreakStep::Kind::kPrice)}, 1e-9);
  CHECK(r.ranks.rank == std::vector<std::optional<int>>{1, 1});
  keys[1].present_value = 2000000.0 + 1;
  CHECK(RankWithTieBreak(field, keys, {Step(TieBreakStep::Kind::kPrice)}, 1e-9).ranks.rank ==
        std::vector<std::optional<int>>{1, 2});
}

}  // namespace
}  // namespace weighbridge
