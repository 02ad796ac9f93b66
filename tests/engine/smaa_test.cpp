#include <cmath>

#include <catch2/catch.hpp>

#include "engine/sensitivity/smaa.h"

namespace weighbridge {
namespace {

// Fixed scores (0-100), one row per candidate; every leaf's weight drawn
// uniformly on the simplex.
SmaaProblem Problem(const std::vector<std::vector<double>>& scores) {
  SmaaProblem p;
  p.candidates = static_cast<int>(scores.size());
  p.leaves = static_cast<int>(scores[0].size());
  for (const auto& row : scores) p.lo.insert(p.lo.end(), row.begin(), row.end());
  p.span.assign(p.lo.size(), 0.0);
  p.caps.resize(p.candidates);
  for (int l = 0; l < p.leaves; ++l) p.free.push_back(l);
  p.fixed.assign(p.leaves, 0.0);
  return p;
}

SmaaResult Run(const SmaaProblem& p, int samples = 10000, std::uint64_t seed = 42, int threads = 2) {
  SmaaRunOptions options;
  options.samples = samples;
  options.seed = seed;
  options.threads = threads;
  return RunSmaa(p, options);
}

// Within `k` of the run's own standard errors of the exact value.
void CheckNear(double got, double exact, double se, double k = 3) {
  INFO("got " << got << ", exact " << exact << ", standard error " << se);
  CHECK(se > 0);
  CHECK(std::abs(got - exact) <= k * se);
}

// Two criteria: weights (u, 1 - u) with u uniform on [0, 1] (the simplex of
// two). a = 100u + 20(1 - u) = 20 + 80u, b = 40u + 60(1 - u) = 60 - 20u;
// a is first when u > 0.4: with probability 0.6. a's central weight is
// E[u | u > 0.4] = 0.7 (and 0.3), b's E[u | u < 0.4] = 0.2 (and 0.8).
TEST_CASE("SMAA: two products, two criteria: acceptability is a length on the simplex",
          "[smaa]") {
  const SmaaResult r = Run(Problem({{100, 20}, {40, 60}}));
  REQUIRE(r.ran);
  CHECK(r.samples == 10000);
  CheckNear(r.acceptability[0][0], 0.6, r.acceptability_se[0][0]);
  CheckNear(r.acceptability[1][0], 0.4, r.acceptability_se[1][0]);
  CHECK(r.acceptability_se[0][0] == Approx(std::sqrt(0.6 * 0.4 / 10000)).epsilon(0.05));
  CHECK(r.acceptability[0][0] + r.acceptability[0][1] == Approx(1.0));
  CHECK(r.acceptability[0][1] == r.acceptability[1][0]);
  REQUIRE(r.central_weights[0]);
  REQUIRE(r.central_weights[1]);
  CheckNear((*r.central_weights[0])[0], 0.7, (*r.central_weights_se[0])[0], 4);
  CheckNear((*r.central_weights[0])[1], 0.3, (*r.central_weights_se[0])[1], 4);
  CheckNear((*r.central_weights[1])[0], 0.2, (*r.central_weights_se[1])[0], 4);
  // With no score uncertainty each is surely first under its central weights:
  // a at (0.7, 0.3) scores 76 against b's 46; b at (0.2, 0.8) 56 against 36.
  CHECK(r.confidence_samples == 1);
  CHECK(r.confidence[0] == 1.0);
  CHECK(r.confidence[1] == 1.0);
  CHECK(r.confidence_se[0] == 0.0);
}

// Three products each best on one criterion: by symmetry each is first a
// third of the time, and its central weight on its own criterion is the
// expected largest of three uniform spacings, (1/3)(1 + 1/2 + 1/3) = 11/18.
TEST_CASE("SMAA: three symmetric products: a third each, central weight 11/18", "[smaa]") {
  const SmaaResult r = Run(Problem({{100, 0, 0}, {0, 100, 0}, {0, 0, 100}}), 30000);
  for (int i = 0; i < 3; ++i) {
    CheckNear(r.acceptability[i][0], 1.0 / 3, r.acceptability_se[i][0]);
    REQUIRE(r.central_weights[i]);
    CheckNear((*r.central_weights[i])[i], 11.0 / 18, (*r.central_weights_se[i])[i], 4);
    CheckNear((*r.central_weights[i])[(i + 1) % 3], 7.0 / 36,
              (*r.central_weights_se[i])[(i + 1) % 3], 4);
  }
}

// One criterion: a scores 60, b anywhere from 40 to 90 (evaluators' range):
// b is first with probability (90 - 60) / 50 = 0.6.
TEST_CASE("SMAA: a disputed score drawn between the evaluators' lowest and highest", "[smaa]") {
  SmaaProblem p = Problem({{60}, {40}});
  p.span[1] = 50;
  const SmaaResult r = Run(p);
  CheckNear(r.acceptability[1][0], 0.6, r.acceptability_se[1][0]);
  // Under its central weight (all on the one criterion) b's confidence is
  // the same 0.6, from draws of its own.
  REQUIRE(r.confidence[1]);
  CHECK(r.confidence_samples == 10000);
  CheckNear(*r.confidence[1], 0.6, *r.confidence_se[1]);
  CheckNear(*r.confidence[0], 0.4, *r.confidence_se[0]);
}

// a = (100, 100) with its total capped at 50; b = (0, 80) scores 80(1 - u):
// b is first when u < 3/8.
TEST_CASE("SMAA: a cap on the total is re-applied in every draw", "[smaa]") {
  SmaaProblem p = Problem({{100, 100}, {0, 80}});
  p.caps[0].push_back({true, {}, 50});
  const SmaaResult r = Run(p);
  CheckNear(r.acceptability[1][0], 0.375, r.acceptability_se[1][0]);
}

// a = (100, 30) with its first criterion capped at 50 scores 50u + 30(1 - u)
// = 30 + 20u; b = (40, 40) scores 40: a is first when u > 0.5 (without the
// cap it would be when u > 1/7).
TEST_CASE("SMAA: a cap on a criterion is re-applied in every draw", "[smaa]") {
  SmaaProblem p = Problem({{100, 30}, {40, 40}});
  p.caps[0].push_back({false, {0}, 50});
  const SmaaResult r = Run(p);
  CheckNear(r.acceptability[0][0], 0.5, r.acceptability_se[0][0]);
}

// The first weight within [0.3, 0.5]: uniform there (the second takes the
// rest). a = 20 + 80u is first when u > 0.4: half the time; its central
// weight is 0.45.
TEST_CASE("SMAA: weights within bounds", "[smaa]") {
  SmaaProblem p = Problem({{100, 20}, {40, 60}});
  p.mode = SmaaWeights::kBounds;
  p.low = {0.3, 0.0};
  p.high = {0.5, 1.0};
  CHECK(BoundsAcceptance(p, 1) > 0.2);
  const SmaaResult r = Run(p);
  CheckNear(r.acceptability[0][0], 0.5, r.acceptability_se[0][0]);
  CheckNear((*r.central_weights[0])[0], 0.45, (*r.central_weights_se[0])[0], 4);
}

// Price keeps 0.3; the quality criteria share 0.7 as (0.7u, 0.7(1 - u)).
// a = 0.7(20 + 80u) = 14 + 56u; b = 0.7(60 - 20u) + 30 = 72 - 14u.
// a is first when u > 58/70.
TEST_CASE("SMAA: price keeps its share in every draw", "[smaa]") {
  SmaaProblem p = Problem({{100, 20, 0}, {40, 60, 100}});
  p.free = {0, 1};
  p.fixed = {0, 0, 0.3};
  p.free_mass = 0.7;
  const SmaaResult r = Run(p);
  CheckNear(r.acceptability[0][0], 12.0 / 70, r.acceptability_se[0][0]);
  CHECK((*r.central_weights[0])[2] == Approx(0.3).margin(1e-12));
  CHECK((*r.central_weights[1])[2] == Approx(0.3).margin(1e-12));
}

SmaaProblem Busy() {
  SmaaProblem p = Problem({{70, 60, 20, 90, 50},
                           {55, 80, 40, 60, 65},
                           {40, 50, 95, 30, 70},
                           {90, 10, 30, 80, 60}});
  for (std::size_t k = 0; k < p.span.size(); k += 3) p.span[k] = 25;
  p.caps[2].push_back({false, {2, 3}, 60});
  return p;
}

TEST_CASE("SMAA: results do not depend on the number of threads", "[smaa]") {
  const SmaaProblem p = Busy();
  const SmaaResult one = Run(p, 5000, 9, 1);
  const SmaaResult two = Run(p, 5000, 9, 2);
  const SmaaResult three = Run(p, 5000, 9, 3);
  CHECK(one.acceptability == two.acceptability);
  CHECK(one.acceptability == three.acceptability);
  CHECK(one.central_weights == two.central_weights);
  CHECK(one.central_weights_se == two.central_weights_se);
  CHECK(one.confidence == two.confidence);
  CHECK(one.confidence == three.confidence);
}

TEST_CASE("SMAA: the same seed gives the same output, another seed other draws", "[smaa]") {
  const SmaaProblem p = Busy();
  CHECK(Run(p, 3000, 5).acceptability == Run(p, 3000, 5).acceptability);
  CHECK(Run(p, 3000, 5).acceptability != Run(p, 3000, 6).acceptability);
}

TEST_CASE("SMAA: any number of draws, counted exactly", "[smaa]") {
  const SmaaResult r = Run(Busy(), 1001);
  for (const auto& row : r.acceptability) {
    double count = 0;
    for (double b : row) count += b * 1001;
    CHECK(count == Approx(1001).margin(1e-9));
  }
  // Every rank is taken by someone in every draw.
  double firsts = 0;
  for (const auto& row : r.acceptability) firsts += row[0];
  CHECK(firsts == Approx(1.0));
}

TEST_CASE("SMAA: one product takes first place in every draw", "[smaa]") {
  const SmaaResult r = Run(Problem({{50, 60}}), 100);
  CHECK(r.acceptability == std::vector<std::vector<double>>{{1.0}});
  CHECK(r.confidence[0] == 1.0);
}

}  // namespace
}  // namespace weighbridge
