#include <catch2/catch.hpp>

#include "tests/support/procurement_builder.h"
#include "weighbridge/evaluate.h"

namespace weighbridge {
namespace {

// root ─ care ─ care.safety, care.dignity ; tech (all judged, 0-5).
// m1 weighs root care 2 : tech 1 -> 2/3, 1/3, and care 1 : 1 -> 1/2 each, so
// every leaf weighs 1/3 of the whole.
// Published (largest remainder, tenths of a percent): 1000 / 3 = 333.33 each;
// whole tenths 333 x 3 = 999; the one tenth left goes to the largest
// remainder, all equal, so to the first leaf: safety 334, dignity 333, tech 333.
// alpha scores safety 5 (100 on 0-100) and 0 elsewhere.
Procurement Fixed(bool frozen) {
  Procurement p = ProcurementBuilder()
                      .Branch("care")
                      .JudgedLeaf("care.safety", "care")
                      .JudgedLeaf("care.dignity", "care")
                      .JudgedLeaf("tech")
                      .AddCandidate("alpha")
                      .AddGroup("staff")
                      .AddMember("m1", "staff")
                      .Weigh("m1", kRootId, {{"care", 2}, {"tech", 1}})
                      .Weigh("m1", "care", {{"care.safety", 1}, {"care.dignity", 1}})
                      .AddScore("e1", "alpha", "care.safety", 5)
                      .AddScore("e1", "alpha", "care.dignity", 0)
                      .AddScore("e1", "alpha", "tech", 0)
                      .Build();
  if (frozen) {
    MethodFreeze freeze;
    freeze.published_tenths = {{"care.safety", 334}, {"care.dignity", 333}, {"tech", 333}};
    p.freeze = freeze;
  }
  return p;
}

const NodeWeight& WeightOf(const Decision& d, const std::string& id) {
  for (const NodeWeight& w : d.weights) {
    if (w.criterion == id) return w;
  }
  FAIL("no weight for " << id);
  return d.weights.front();
}

Decision EvaluateQuickly(const Procurement& p) {
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  return Evaluate(p, options);
}

TEST_CASE("Evaluate: a fixed method's published weights are used exactly", "[evaluate][freeze]") {
  const Decision d = EvaluateQuickly(Fixed(true));
  // Global weights are the published tenths / 1000, headings their leaves' sum.
  CHECK(WeightOf(d, "care.safety").global == 334.0 / 1000.0);
  CHECK(WeightOf(d, "care.dignity").global == 333.0 / 1000.0);
  CHECK(WeightOf(d, "tech").global == 333.0 / 1000.0);
  CHECK(WeightOf(d, "care").global == 667.0 / 1000.0);
  // Local weights: a node's share over its parent's: care 667/1000, safety 334/667.
  CHECK(WeightOf(d, "care").local == Approx(0.667).margin(1e-15));
  CHECK(WeightOf(d, "care.safety").local == Approx(334.0 / 667.0).margin(1e-15));
  // alpha: 100 x 0.334 = 33.4, where the panel's own weights give 100 / 3.
  REQUIRE(d.candidates.size() == 1);
  CHECK(d.candidates[0].total == Approx(33.4).margin(1e-12));
}

TEST_CASE("Evaluate: without a fixed method the panel's weights are used", "[evaluate][freeze]") {
  const Decision d = EvaluateQuickly(Fixed(false));
  CHECK(WeightOf(d, "care.safety").global == Approx(1.0 / 3).margin(1e-15));
  REQUIRE(d.candidates.size() == 1);
  CHECK(d.candidates[0].total == Approx(100.0 / 3).margin(1e-12));
}

}  // namespace
}  // namespace weighbridge
