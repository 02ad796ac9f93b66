#include <catch2/catch.hpp>

#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/score_flips.h"
#include "tests/support/decision_builder.h"

namespace weighbridge {
namespace {

CriteriaTree JudgedLeaves() {
  Criterion j1;
  j1.id = "j1";
  j1.parent = kRootId;
  j1.assess = Assess::kJudgement;
  Criterion j2 = j1;
  j2.id = "j2";
  return CriteriaTree({j1, j2});
}

// Scale 0-5, so a mark x scores 20 x. Weights j1 0.6, j2 0.4.
//   a: 4, 4     -> 80, 80 -> 80
//   b: 3.5, 4.5 -> 70, 90 -> 78
//   c: 2, 2     -> 40
DecisionBuilder Marks() {
  DecisionBuilder b;
  b.Node("j1", "root", 0.6)
      .Node("j2", "root", 0.4)
      .Candidate("a", {{"j1", 80}, {"j2", 80}})
      .ScaleValue("a", "j1", 4)
      .ScaleValue("a", "j2", 4)
      .Candidate("b", {{"j1", 70}, {"j2", 90}})
      .ScaleValue("b", "j1", 3.5)
      .ScaleValue("b", "j2", 4.5)
      .Candidate("c", {{"j1", 40}, {"j2", 40}})
      .ScaleValue("c", "j1", 2)
      .ScaleValue("c", "j2", 2);
  return b;
}

std::vector<ScoreFlip> Flips(const Decision& d) {
  const FlatModel model(d);
  return ScoreFlips(model, d, JudgedLeaves(), Scale{}, 0, 1, 1e-9);
}

void CheckFlip(const ScoreFlip& f, const std::string& candidate, const std::string& criterion,
               double from, double to, const std::string& kind) {
  CHECK(f.candidate == candidate);
  CHECK(f.criterion == criterion);
  CHECK(f.from == Approx(from));
  CHECK(f.to == Approx(to));
  CHECK(f.new_winner == "b");
  CHECK(f.kind == kind);
}

TEST_CASE("Score flips: smallest changes and one-point changes, worked by hand", "[flips]") {
  const std::vector<ScoreFlip> flips = Flips(Marks().Build());
  REQUIRE(flips.size() == 5);
  // a on j1: 0.6 x 20x + 32 < 78 needs x < 3.83, so 3.8 (77.6); on j2,
  // 48 + 0.4 x 20x < 78 needs x < 3.75, so 3.7: j1 is the smaller change.
  CheckFlip(flips[0], "a", "j1", 4, 3.8, "smallest");
  // b on j1: 0.6 x 20x + 36 > 80 needs x > 3.67, so 3.7 (80.4); on j2,
  // 42 + 0.4 x 20x > 80 needs x > 4.75, so 4.8.
  CheckFlip(flips[1], "b", "j1", 3.5, 3.7, "smallest");
  // One point: a to 3 on j1 gives 68, on j2 72, both below 78; b to 4.5 on
  // j1 gives 90 > 80; b's j2 cannot rise by a point within the scale.
  CheckFlip(flips[2], "a", "j1", 4, 3, "one point");
  CheckFlip(flips[3], "a", "j2", 4, 3, "one point");
  CheckFlip(flips[4], "b", "j1", 3.5, 4.5, "one point");
}

TEST_CASE("Score flips: a cap that fired is re-applied to the changed score", "[flips]") {
  // b's j1 is capped at 70: raising it changes nothing, so b's smallest
  // change moves to j2 (4.8) and its one-point change on j1 no longer flips.
  const std::vector<ScoreFlip> flips = Flips(Marks().Cap("b", "j1", 70).Build());
  REQUIRE(flips.size() == 4);
  CheckFlip(flips[0], "a", "j1", 4, 3.8, "smallest");
  CheckFlip(flips[1], "b", "j2", 4.5, 4.8, "smallest");
  CheckFlip(flips[2], "a", "j1", 4, 3, "one point");
  CheckFlip(flips[3], "a", "j2", 4, 3, "one point");
}

TEST_CASE("Score flips: none with a single eligible product", "[flips]") {
  const Decision d = DecisionBuilder()
                         .Node("j1", "root", 0.6)
                         .Node("j2", "root", 0.4)
                         .Candidate("a", {{"j1", 80}, {"j2", 80}})
                         .ScaleValue("a", "j1", 4)
                         .Candidate("b", {{"j1", 100}, {"j2", 100}}, false)
                         .Build();
  const FlatModel model(d);
  CHECK(ScoreFlips(model, d, JudgedLeaves(), Scale{}, 0, 0, 1e-9).empty());
}

TEST_CASE("Score flips: evidence criteria are never changed", "[flips]") {
  Criterion j1;
  j1.id = "j1";
  j1.parent = kRootId;
  j1.assess = Assess::kEvidence;
  Criterion j2 = j1;
  j2.id = "j2";
  const Decision d = Marks().Build();
  const FlatModel model(d);
  CHECK(ScoreFlips(model, d, CriteriaTree({j1, j2}), Scale{}, 0, 1, 1e-9).empty());
}

}  // namespace
}  // namespace weighbridge
