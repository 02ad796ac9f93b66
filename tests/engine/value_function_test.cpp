#include <catch2/catch.hpp>

#include "engine/measure/value_function.h"

namespace weighbridge {
namespace {

ValueFunction Linear(double worst, double best) {
  ValueFunction f;
  f.kind = ValueKind::kLinear;
  f.worst = worst;
  f.best = best;
  return f;
}

ValueFunction Piecewise(std::vector<std::pair<double, double>> points) {
  ValueFunction f;
  f.kind = ValueKind::kPiecewise;
  f.points = std::move(points);
  return f;
}

TEST_CASE("Value function: boolean scores true 100 and false 0", "[measure]") {
  const ValueFunction f;  // boolean by default
  CHECK(ApplyValueFunction(f, EvidenceValue(true)) == 100.0);
  CHECK(ApplyValueFunction(f, EvidenceValue(false)) == 0.0);
}

TEST_CASE("Value function: linear scales between worst and best", "[measure]") {
  // (4 - 0) / (10 - 0) x 100 = 40
  CHECK(ApplyValueFunction(Linear(0, 10), EvidenceValue(4.0)) == Approx(40.0));
}

TEST_CASE("Value function: linear is clamped to 0-100", "[measure]") {
  // (12 - 0) / 10 x 100 = 120, clamped to 100; (-5 - 0) / 10 x 100 = -50, clamped to 0.
  CHECK(ApplyValueFunction(Linear(0, 10), EvidenceValue(12.0)) == 100.0);
  CHECK(ApplyValueFunction(Linear(0, 10), EvidenceValue(-5.0)) == 0.0);
}

TEST_CASE("Value function: linear with worst above best rewards less", "[measure]") {
  // Days to respond: 30 is worst, 10 best.
  const ValueFunction f = Linear(30, 10);
  // (15 - 30) / (10 - 30) x 100 = -15 / -20 x 100 = 75
  CHECK(ApplyValueFunction(f, EvidenceValue(15.0)) == Approx(75.0));
  // (40 - 30) / -20 x 100 = -50 -> 0; (5 - 30) / -20 x 100 = 125 -> 100
  CHECK(ApplyValueFunction(f, EvidenceValue(40.0)) == 0.0);
  CHECK(ApplyValueFunction(f, EvidenceValue(5.0)) == 100.0);
}

TEST_CASE("Value function: piecewise interpolates between points", "[measure]") {
  const ValueFunction f = Piecewise({{2, 10}, {4, 50}, {8, 90}});
  // 3 is half way from 2 to 4: 10 + (3 - 2) / (4 - 2) x (50 - 10) = 10 + 20 = 30
  CHECK(ApplyValueFunction(f, EvidenceValue(3.0)) == Approx(30.0));
  // 6 is half way from 4 to 8: 50 + (6 - 4) / (8 - 4) x (90 - 50) = 50 + 20 = 70
  CHECK(ApplyValueFunction(f, EvidenceValue(6.0)) == Approx(70.0));
  // On a point: its own value.
  CHECK(ApplyValueFunction(f, EvidenceValue(4.0)) == Approx(50.0));
}

TEST_CASE("Value function: piecewise is flat beyond its ends", "[measure]") {
  const ValueFunction f = Piecewise({{2, 10}, {4, 50}, {8, 90}});
  CHECK(ApplyValueFunction(f, EvidenceValue(1.0)) == 10.0);    // below x = 2: the first value
  CHECK(ApplyValueFunction(f, EvidenceValue(100.0)) == 90.0);  // above x = 8: the last value
}

TEST_CASE("Value function: levels score the text's mapped value", "[measure]") {
  ValueFunction f;
  f.kind = ValueKind::kLevels;
  f.levels = {{"standards-met", 100}, {"approaching", 40}, {"not-published", 0}};
  CHECK(ApplyValueFunction(f, EvidenceValue(std::string("approaching"))) == 40.0);
  CHECK(ApplyValueFunction(f, EvidenceValue(std::string("standards-met"))) == 100.0);
}

TEST_CASE("Value function: evidence a candidate did not give has no score", "[measure]") {
  Criterion criterion;
  criterion.id = "open-api";
  criterion.assess = Assess::kEvidence;
  criterion.evidence = "open_api";
  Candidate with;
  with.evidence["open_api"] = true;
  Candidate without;
  without.evidence["hosting_region"] = std::string("UK");
  CHECK(ScoreEvidence(criterion, with) == std::optional<double>(100.0));
  CHECK_FALSE(ScoreEvidence(criterion, without).has_value());
}

}  // namespace
}  // namespace weighbridge
