#include <catch2/catch.hpp>

#include "engine/aggregate/ranking.h"

namespace weighbridge {
namespace {

constexpr double kTolerance = 1e-9;

TEST_CASE("Ranking: tied totals share a rank and the next rank is skipped", "[aggregate]") {
  // File order p 70, q 80, r 60, s 70. Ahead of p: q (80) -> rank 2;
  // of q: nobody -> 1; of r: q, p, s -> 4; of s: q -> 2.
  const Ranks r = RankStandings({{"p", 70}, {"q", 80}, {"r", 60}, {"s", 70}}, kTolerance);
  CHECK(r.rank == std::vector<std::optional<int>>{2, 1, 4, 2});
  // By rank; the tied p and s keep the file's order.
  CHECK(r.ranking == std::vector<std::string>{"q", "p", "s", "r"});
}

TEST_CASE("Ranking: totals within the tolerance tie; beyond it they do not", "[aggregate]") {
  // 70 + 1e-12 is less than 1e-9 above 70: tied.
  CHECK(RankStandings({{"a", 70}, {"b", 70 + 1e-12}}, kTolerance).rank ==
        std::vector<std::optional<int>>{1, 1});
  // 70 + 1e-6 is more than 1e-9 above 70: b is ahead.
  CHECK(RankStandings({{"a", 70}, {"b", 70 + 1e-6}}, kTolerance).rank ==
        std::vector<std::optional<int>>{2, 1});
}

TEST_CASE("Ranking: a single candidate ranks first", "[aggregate]") {
  const Ranks r = RankStandings({{"only", 12.5}}, kTolerance);
  CHECK(r.rank == std::vector<std::optional<int>>{1});
  CHECK(r.ranking == std::vector<std::string>{"only"});
}

TEST_CASE("Ranking: an ineligible candidate has no rank and pushes nobody down", "[aggregate]") {
  // x (90) is ineligible: b's 80 has nobody eligible above it -> 1; c -> 2.
  const Ranks r = RankStandings({{"x", 90, false}, {"b", 80}, {"c", 70}}, kTolerance);
  CHECK(r.rank == std::vector<std::optional<int>>{std::nullopt, 1, 2});
  CHECK(r.ranking == std::vector<std::string>{"b", "c"});
}

}  // namespace
}  // namespace weighbridge
