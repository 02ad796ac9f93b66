#include <catch2/catch.hpp>

#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/panel_resample.h"
#include "tests/support/procurement_builder.h"
#include "weighbridge/evaluate.h"

namespace weighbridge {
namespace {

// root: care, tech. Groups ebe {m1}, staff {s1, s2, s3 (judged nothing)}.
//   m1: care 90, tech 10 -> (0.9, 0.1); inside care 3:1 -> (0.75, 0.25)
//   s1: (0.6, 0.4); s2: (0.4, 0.6)
Procurement Panelled() {
  return ProcurementBuilder()
      .Branch("care")
      .JudgedLeaf("care.safety", "care")
      .JudgedLeaf("care.dignity", "care")
      .JudgedLeaf("tech")
      .AddCandidate("a")
      .AddCandidate("b")
      .AddGroup("ebe")
      .AddGroup("staff")
      .AddMember("m1", "ebe")
      .AddMember("s1", "staff")
      .AddMember("s2", "staff")
      .AddMember("s3", "staff")
      .Weigh("m1", kRootId, {{"care", 90}, {"tech", 10}})
      .Weigh("m1", "care", {{"care.safety", 3}, {"care.dignity", 1}})
      .Weigh("s1", kRootId, {{"care", 60}, {"tech", 40}})
      .Weigh("s2", kRootId, {{"care", 40}, {"tech", 60}})
      .AddScore("e1", "a", "care.safety", 4)
      .AddScore("e1", "a", "care.dignity", 3)
      .AddScore("e1", "a", "tech", 2)
      .AddScore("e1", "b", "care.safety", 2)
      .AddScore("e1", "b", "care.dignity", 5)
      .AddScore("e1", "b", "tech", 4)
      .Build();
}

TEST_CASE("Panel resampling: every member once gives the engine's weights exactly",
          "[smaa][panel]") {
  const Procurement p = Panelled();
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  const Decision d = Evaluate(p, options);
  const FlatModel model(d);
  const PanelResampler resampler(p, model.tree());
  const std::vector<double> local = resampler.Local({1, 1, 1, 1});
  for (std::size_t i = 0; i < d.weights.size(); ++i) {
    INFO(d.weights[i].criterion);
    CHECK(local[i] == d.weights[i].local);
  }
  CHECK(resampler.judging_members() == 3);
}

TEST_CASE("Panel resampling: a member drawn twice counts twice within the group's share",
          "[smaa][panel]") {
  const Procurement p = Panelled();
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  const FlatModel model(Evaluate(p, options));
  const PanelResampler resampler(p, model.tree());
  // staff = s1 twice: (0.6, 0.4); ebe (0.9, 0.1); groups equal: (0.75, 0.25).
  const std::vector<double> local = resampler.Local({1, 2, 0, 0});
  const FlatTree& tree = model.tree();
  CHECK(local[tree.Find("care")] == Approx(0.75));
  CHECK(local[tree.Find("tech")] == Approx(0.25));
  // Nobody drawn who weighed inside care: its children share equally.
  const std::vector<double> none = resampler.Local({0, 1, 1, 0});
  CHECK(none[tree.Find("care.safety")] == Approx(0.5));
  CHECK(none[tree.Find("care")] == Approx(0.5));  // staff only: (0.6 + 0.4) / 2
}

TEST_CASE("SMAA: the default weights are the panel's when two or more members judged",
          "[smaa][panel]") {
  const Decision d = Evaluate(Panelled());
  CHECK(d.sensitivity.smaa.ran);
  CHECK(d.sensitivity.smaa.weights_mode == "panel");
  CHECK(d.sensitivity.smaa.samples == 10000);
  // No input hash: the seed derived from it is 0.
  CHECK(d.sensitivity.smaa.seed == 0u);
  EvaluateOptions options;
  options.sensitivity.weights = SmaaWeights::kUniform;
  options.sensitivity.samples = 2000;
  options.sensitivity.seed = 3;
  const Decision u = Evaluate(Panelled(), options);
  CHECK(u.sensitivity.smaa.weights_mode == "uniform");
  CHECK(u.sensitivity.smaa.samples == 2000);
  CHECK(u.sensitivity.smaa.seed == 3u);
}

TEST_CASE("SMAA: none eligible says why; samples 0 turns it off", "[smaa]") {
  EvaluateOptions options;
  options.sensitivity.samples = 0;
  const Decision d = Evaluate(Panelled(), options);
  CHECK_FALSE(d.sensitivity.smaa.ran);
  CHECK(d.sensitivity.smaa.note == "turned off: the number of draws is 0");
  Procurement p = Panelled();
  p.candidates.clear();
  p.scores.clear();
  const Decision none = Evaluate(p);
  CHECK(none.sensitivity.note == "no product was eligible");
  CHECK_FALSE(none.sensitivity.smaa.ran);
  CHECK(none.sensitivity.stability.empty());
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("SMAA: with one judging member per group the default is uniform; asked for, panel "
          "weights cannot vary and the note says so",
          "[smaa][panel]") {
  // Panelled() without s2's judgement: m1 judged in ebe and s1 in staff, one
  // each. Resampling within groups would always give today's weights.
  Procurement p = Panelled();
  std::erase_if(p.panel.judgements, [](const Judgement& j) { return j.member == "s2"; });
  EvaluateOptions options;
  options.sensitivity.samples = 500;
  CHECK(Evaluate(p, options).sensitivity.smaa.weights_mode == "uniform");
  options.sensitivity.weights = SmaaWeights::kPanel;
  const Decision d = Evaluate(p, options);
  CHECK(d.sensitivity.smaa.weights_mode == "panel");
  CHECK(d.sensitivity.smaa.note ==
        "no stakeholder group had two or more members who made judgements, so the weights did "
        "not vary");
}

}  // namespace
}  // namespace weighbridge
