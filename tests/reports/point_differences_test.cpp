// The arithmetic behind `weighbridge why`: each criterion's difference in
// points between two candidates, and the order they are listed in.
#include "reports/point_differences.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace weighbridge {
namespace {

CandidateResult WithLines(std::vector<std::pair<std::string, double>> contributions) {
  CandidateResult c;
  for (auto& [criterion, points] : contributions) {
    CriterionResult r;
    r.criterion = criterion;
    r.contribution = points;
    c.criteria.push_back(r);
    c.total += points;
  }
  return c;
}

std::vector<std::string> Order(const std::vector<PointDifference>& lines) {
  std::vector<std::string> ids;
  for (const PointDifference& line : lines) ids.push_back(line.criterion);
  return ids;
}

}  // namespace

// A minus B: a 10 - 4 = 6, b 5 - 5 = 0, c 2 - 9 = -7, d 12 - 2 = 10,
// e 1 - 4 = -3, f 3 - 3 = 0. A's favour largest first: d (10), a (6); then
// B's: c (7), e (3); then the equal ones in tree order: b, f.
TEST_CASE("Point differences: A's favour largest first, then B's, then the equal ones",
          "[reports]") {
  CandidateResult a = WithLines({{"a", 10}, {"b", 5}, {"c", 2}, {"d", 12}, {"e", 1}, {"f", 3}});
  CandidateResult b = WithLines({{"a", 4}, {"b", 5}, {"c", 9}, {"d", 2}, {"e", 4}, {"f", 3}});
  std::vector<PointDifference> lines = PointDifferences(a, b);
  CHECK(Order(lines) == std::vector<std::string>{"d", "a", "c", "e", "b", "f"});
  CHECK(lines[0].a == 12);
  CHECK(lines[0].b == 2);
  CHECK(lines[0].difference == Approx(10));
  CHECK(lines[2].difference == Approx(-7));
}

// Two lines the same size keep the tree's order: x and y are both +5.
TEST_CASE("Point differences: lines of the same size keep the tree's order", "[reports]") {
  CandidateResult a = WithLines({{"x", 5}, {"y", 5}});
  CandidateResult b = WithLines({{"x", 0}, {"y", 0}});
  CHECK(Order(PointDifferences(a, b)) == std::vector<std::string>{"x", "y"});
}

// Only B's total was capped: its "total" line of -6 counts 0 for A, so
// A gains 0 - (-6) = 6 there. Totals: A 20 + 10 = 30, B 25 + 10 - 6 = 29;
// the differences -5 + 0 + 6 = 1 = 30 - 29.
TEST_CASE("Point differences: a cap on only one total is a line of its own that adds up",
          "[reports]") {
  CandidateResult a = WithLines({{"p", 20}, {"q", 10}});
  CandidateResult b = WithLines({{"p", 25}, {"q", 10}, {"total", -6}});
  b.criteria.back().capped_by = {"cap-1"};
  std::vector<PointDifference> lines = PointDifferences(a, b);
  REQUIRE(Order(lines) == std::vector<std::string>{"total", "p", "q"});
  CHECK(lines[0].a == 0);
  CHECK(lines[0].b == -6);
  CHECK(lines[0].difference == Approx(6));
  CHECK(lines[0].b_capped_by == std::vector<std::string>{"cap-1"});
  CHECK(lines[0].a_capped_by.empty());
  double sum = 0;
  for (const PointDifference& line : lines) sum += line.difference;
  CHECK(sum == Approx(1));
}

}  // namespace weighbridge
