// CappedScores: branch scores, caps on a branch, a leaf and the total, with
// every expected value worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "engine/aggregate/capped_scores.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

using Catch::Matchers::WithinAbs;
constexpr double kTolerance = 1e-9;

// The tree used throughout:
//
//   b (local 0.6)  ── b.x (local 0.25, global 0.6 × 0.25 = 0.15)
//                  └─ b.y (local 0.75, global 0.6 × 0.75 = 0.45)
//   c (local 0.4, global 0.4)
//
// Measured scores: b.x 80, b.y 40, c 50.
//   score(b) = 0.25 × 80 + 0.75 × 40 = 20 + 30 = 50
//   total    = 0.15 × 80 + 0.45 × 40 + 0.4 × 50 = 12 + 18 + 20 = 50
struct Fixture {
  Procurement procurement = ProcurementBuilder()
                                .Branch("b")
                                .JudgedLeaf("b.x", "b")
                                .JudgedLeaf("b.y", "b")
                                .JudgedLeaf("c")
                                .Build();
  LocalWeights local{{"b", 0.6}, {"b.x", 0.25}, {"b.y", 0.75}, {"c", 0.4}};
  GlobalWeights global{{"b", 0.6}, {"b.x", 0.15}, {"b.y", 0.45}, {"c", 0.4}};
  CandidateResult result;

  Fixture() {
    for (auto [id, score] : {std::pair{"b.x", 80.0}, {"b.y", 40.0}, {"c", 50.0}}) {
      CriterionResult leaf;
      leaf.criterion = id;
      leaf.score = score;
      result.criteria.push_back(leaf);
    }
  }
  const CriteriaTree& tree() const { return procurement.framework.tree; }
};

double Contribution(const CandidateResult& result, const std::string& criterion) {
  for (const CriterionResult& r : result.criteria) {
    if (r.criterion == criterion) return r.contribution;
  }
  FAIL("no line for " << criterion);
  return 0;
}

TEST_CASE("CappedScores: uncapped, a branch is the weighted mean of its children", "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  CHECK_THAT(scores.Score("b.x"), WithinAbs(80, kTolerance));
  CHECK_THAT(scores.Score("b"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Score("c"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(50, kTolerance));
  scores.Write(f.result);
  // 12 + 18 + 20 = 50, weights filled in, nothing capped, no total line.
  REQUIRE(f.result.criteria.size() == 3);
  CHECK_THAT(f.result.criteria[0].weight, WithinAbs(0.15, kTolerance));
  CHECK_THAT(Contribution(f.result, "b.x"), WithinAbs(12, kTolerance));
  CHECK_THAT(Contribution(f.result, "b.y"), WithinAbs(18, kTolerance));
  CHECK_THAT(Contribution(f.result, "c"), WithinAbs(20, kTolerance));
  CHECK(f.result.criteria[0].capped_by.empty());
  CHECK_THAT(f.result.total, WithinAbs(50, kTolerance));
}

TEST_CASE("CappedScores: a cap on a branch scales every leaf under it by max / score",
          "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // b is 50 > 30: b.x and b.y × 30 / 50 = 0.6 → 48 and 24; b = 0.25 × 48 + 0.75 × 24 = 30.
  CHECK_THAT(scores.Apply("b", 30, "cap-b"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Score("b.x"), WithinAbs(48, kTolerance));
  CHECK_THAT(scores.Score("b.y"), WithinAbs(24, kTolerance));
  CHECK_THAT(scores.Score("b"), WithinAbs(30, kTolerance));
  CHECK_THAT(scores.Score("c"), WithinAbs(50, kTolerance));
  // total = 0.15 × 48 + 0.45 × 24 + 0.4 × 50 = 7.2 + 10.8 + 20 = 38 (= 0.6 × 30 + 0.4 × 50).
  CHECK_THAT(scores.Total(), WithinAbs(38, kTolerance));
  scores.Write(f.result);
  CHECK_THAT(Contribution(f.result, "b.x"), WithinAbs(7.2, kTolerance));
  CHECK_THAT(Contribution(f.result, "b.y"), WithinAbs(10.8, kTolerance));
  CHECK_THAT(Contribution(f.result, "c"), WithinAbs(20, kTolerance));
  CHECK(f.result.criteria[0].capped_by == std::vector<std::string>{"cap-b"});
  CHECK(f.result.criteria[1].capped_by == std::vector<std::string>{"cap-b"});
  CHECK(f.result.criteria[2].capped_by.empty());
  // The measured score stays as measured; only the contribution is scaled.
  CHECK_THAT(f.result.criteria[0].score, WithinAbs(80, kTolerance));
  CHECK_THAT(f.result.total, WithinAbs(38, kTolerance));
}

TEST_CASE("CappedScores: a cap on a leaf changes that leaf and the branches above it",
          "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // b.x 80 > 20 → 20; b = 0.25 × 20 + 0.75 × 40 = 35; total = 3 + 18 + 20 = 41.
  CHECK_THAT(scores.Apply("b.x", 20, "cap-x"), WithinAbs(80, kTolerance));
  CHECK_THAT(scores.Score("b.x"), WithinAbs(20, kTolerance));
  CHECK_THAT(scores.Score("b.y"), WithinAbs(40, kTolerance));
  CHECK_THAT(scores.Score("b"), WithinAbs(35, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(41, kTolerance));
}

TEST_CASE("CappedScores: a cap at or above the score changes nothing", "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // c is 50: a cap at 60, and one at exactly 50, lower nothing; both report 50 before.
  CHECK_THAT(scores.Apply("c", 60, "high"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Apply("c", 50, "equal"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Score("c"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(50, kTolerance));
  scores.Write(f.result);
  CHECK(f.result.criteria[2].capped_by.empty());
  CHECK(f.result.criteria.size() == 3);
}

TEST_CASE("CappedScores: a cap on the total adds a negative line; contributions still sum",
          "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // total 50 > 40 → a line of 40 - 50 = -10.
  CHECK_THAT(scores.Apply("total", 40, "cap-total"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(40, kTolerance));
  // Leaves are untouched by a total cap.
  CHECK_THAT(scores.Score("b"), WithinAbs(50, kTolerance));
  scores.Write(f.result);
  REQUIRE(f.result.criteria.size() == 4);
  const CriterionResult& line = f.result.criteria[3];
  CHECK(line.criterion == "total");
  CHECK_THAT(line.contribution, WithinAbs(-10, kTolerance));
  CHECK(line.capped_by == std::vector<std::string>{"cap-total"});
  CHECK_THAT(f.result.total, WithinAbs(40, kTolerance));
  double sum = 0;
  for (const CriterionResult& r : f.result.criteria) sum += r.contribution;
  CHECK_THAT(sum, WithinAbs(40, kTolerance));
}

TEST_CASE("CappedScores: a total cap that lowers nothing adds no line", "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  CHECK_THAT(scores.Apply("total", 50, "cap-total"), WithinAbs(50, kTolerance));
  scores.Write(f.result);
  CHECK(f.result.criteria.size() == 3);
  CHECK_THAT(f.result.total, WithinAbs(50, kTolerance));
}

TEST_CASE("CappedScores: the order of a branch cap and a leaf cap under it matters",
          "[rules]") {
  SECTION("leaf first, then branch") {
    Fixture f;
    CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
    // b.x 80 → 20: b = 5 + 30 = 35 > 30 → both × 30/35 = 6/7: b.x 120/7, b.y 240/7.
    scores.Apply("b.x", 20, "cap-x");
    CHECK_THAT(scores.Apply("b", 30, "cap-b"), WithinAbs(35, kTolerance));
    CHECK_THAT(scores.Score("b.x"), WithinAbs(120.0 / 7, kTolerance));
    CHECK_THAT(scores.Score("b.y"), WithinAbs(240.0 / 7, kTolerance));
    CHECK_THAT(scores.Score("b"), WithinAbs(30, kTolerance));
    // total = 0.6 × 30 + 0.4 × 50 = 38.
    CHECK_THAT(scores.Total(), WithinAbs(38, kTolerance));
    scores.Write(f.result);
    CHECK(f.result.criteria[0].capped_by == std::vector<std::string>{"cap-x", "cap-b"});
    CHECK(f.result.criteria[1].capped_by == std::vector<std::string>{"cap-b"});
  }
  SECTION("branch first, then leaf") {
    Fixture f;
    CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
    // b 50 → 30: b.x 48, b.y 24; then b.x 48 → 20: b = 5 + 18 = 23.
    scores.Apply("b", 30, "cap-b");
    CHECK_THAT(scores.Apply("b.x", 20, "cap-x"), WithinAbs(48, kTolerance));
    CHECK_THAT(scores.Score("b.x"), WithinAbs(20, kTolerance));
    CHECK_THAT(scores.Score("b.y"), WithinAbs(24, kTolerance));
    CHECK_THAT(scores.Score("b"), WithinAbs(23, kTolerance));
    // total = 0.15 × 20 + 0.45 × 24 + 20 = 3 + 10.8 + 20 = 33.8.
    CHECK_THAT(scores.Total(), WithinAbs(33.8, kTolerance));
  }
}

TEST_CASE("CappedScores: a total cap reads the total after earlier caps", "[rules]") {
  Fixture f;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // c 50 → 0: total = 12 + 18 + 0 = 30; a total cap at 40 then lowers nothing.
  CHECK_THAT(scores.Apply("c", 0, "cap-c"), WithinAbs(50, kTolerance));
  CHECK_THAT(scores.Apply("total", 40, "cap-total"), WithinAbs(30, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(30, kTolerance));
  // A second total cap at 25 takes 30 - 25 = 5 off.
  CHECK_THAT(scores.Apply("total", 25, "cap-total-2"), WithinAbs(30, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(25, kTolerance));
  scores.Write(f.result);
  REQUIRE(f.result.criteria.size() == 4);
  CHECK(f.result.criteria[3].capped_by == std::vector<std::string>{"cap-total-2"});
  CHECK_THAT(f.result.criteria[3].contribution, WithinAbs(-5, kTolerance));
  CHECK_THAT(f.result.total, WithinAbs(25, kTolerance));
}

TEST_CASE("CappedScores: a branch scoring 0 is not scaled by a cap at 0", "[rules]") {
  Fixture f;
  for (CriterionResult& r : f.result.criteria) r.score = 0;
  CappedScores scores(f.tree(), f.local, f.global, f.result.criteria);
  // 0 is not above 0: nothing to lower, and no division by zero.
  CHECK_THAT(scores.Apply("b", 0, "cap-b"), WithinAbs(0, kTolerance));
  CHECK_THAT(scores.Score("b"), WithinAbs(0, kTolerance));
  CHECK_THAT(scores.Total(), WithinAbs(0, kTolerance));
  scores.Write(f.result);
  CHECK(f.result.criteria[0].capped_by.empty());
}

}  // namespace
}  // namespace weighbridge
