// Combining a group's judgements: mean, geometric, judgements; leaving out
// inconsistent comparisons; and what the review reports. Every expected
// value is worked by hand in the comment above it.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/weigh/ahp.h"
#include "engine/weigh/panel_review.h"
#include "engine/weigh/panel_weights.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

// root ─ a, b with one group g.
ProcurementBuilder TwoLeaves() {
  return std::move(ProcurementBuilder().JudgedLeaf("a").JudgedLeaf("b").AddGroup("g"));
}

// A pairwise judgement by `member` on root.
Judgement Pairs(const std::string& member, std::vector<Comparison> pairs) {
  Judgement j;
  j.member = member;
  j.parent = kRootId;
  j.method = WeighMethod::kPairwise;
  j.pairs = std::move(pairs);
  return j;
}

PanelWeights Weigh(const Procurement& p) { return WeighPanel(p.framework.tree, p.panel); }

TEST_CASE("Within a group: the geometric mean of weights, renormalised", "[weigh][options]") {
  Procurement p = TwoLeaves()
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .Weigh("m1", kRootId, {{"a", 60}, {"b", 40}})
                      .Weigh("m2", kRootId, {{"a", 90}, {"b", 10}})
                      .Build();
  p.panel.options.within_group = WithinGroup::kGeometric;
  const PanelWeights w = Weigh(p);
  // a: sqrt(0.6 x 0.9) = sqrt(0.54) = 0.734847; b: sqrt(0.4 x 0.1) = 0.2.
  // Sum 0.934847: a = 0.786063, b = 0.213937. (The mean would give 0.75.)
  CHECK(w.local.at("a") == Approx(std::sqrt(0.54) / (std::sqrt(0.54) + 0.2)));
  CHECK(w.local.at("a") == Approx(0.786063).margin(1e-6));
  CHECK(w.local.at("b") == Approx(0.213937).margin(1e-6));
  CHECK(w.notes.empty());
}

TEST_CASE("Within a group: one member's 0 removes a criterion under the geometric mean",
          "[weigh][options]") {
  Procurement p = ProcurementBuilder()
                      .JudgedLeaf("a")
                      .JudgedLeaf("b")
                      .JudgedLeaf("c")
                      .AddGroup("g")
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .Weigh("m1", kRootId, {{"a", 50}, {"b", 50}})  // c left out: 0
                      .Weigh("m2", kRootId, {{"a", 20}, {"b", 20}, {"c", 60}})
                      .Build();
  p.panel.options.within_group = WithinGroup::kGeometric;
  const PanelWeights w = Weigh(p);
  // a: sqrt(0.5 x 0.2) = sqrt(0.1); b the same; c: sqrt(0 x 0.6) = 0.
  // Renormalised: a = b = 1/2, c = 0, although m2 gave c 60%.
  CHECK(w.local.at("a") == Approx(0.5));
  CHECK(w.local.at("b") == Approx(0.5));
  CHECK(w.local.at("c") == 0);
}

TEST_CASE("Within a group: when zeros leave nothing, the geometric mean falls back to the mean",
          "[weigh][options]") {
  Procurement p = TwoLeaves()
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .Weigh("m1", kRootId, {{"a", 1}})
                      .Weigh("m2", kRootId, {{"b", 1}})
                      .Build();
  p.panel.options.within_group = WithinGroup::kGeometric;
  const PanelWeights w = Weigh(p);
  // a: sqrt(1 x 0) = 0, b: sqrt(0 x 1) = 0: nothing to share. The mean:
  // a (1 + 0) / 2 = 0.5, b 0.5, with a note saying so.
  CHECK(w.local.at("a") == Approx(0.5));
  CHECK(w.local.at("b") == Approx(0.5));
  REQUIRE(w.notes.size() == 1);
  CHECK(w.notes[0].group == "g");
  CHECK(w.notes[0].node == kRootId);
}

TEST_CASE("Within a group: judgements combine comparisons before the weights",
          "[weigh][options]") {
  Procurement p = TwoLeaves().AddMember("m1", "g").AddMember("m2", "g").Build();
  p.panel.judgements.push_back(Pairs("m1", {{"a", "b", 4, {}}}));
  p.panel.judgements.push_back(Pairs("m2", {{"b", "a", 1, {}}}));
  p.panel.options.within_group = WithinGroup::kJudgements;
  const PanelWeights w = Weigh(p);
  // a/b: geometric mean of 4 and 1 = 2, so a = 2/3, b = 1/3. (Averaging the
  // weights instead: m1 (0.8, 0.2), m2 (0.5, 0.5) gives a = 0.65.)
  CHECK(w.local.at("a") == Approx(2.0 / 3));
  CHECK(w.local.at("b") == Approx(1.0 / 3));
  CHECK(w.notes.empty());
  p.panel.options.within_group = WithinGroup::kMean;
  CHECK(Weigh(p).local.at("a") == Approx(0.65));
}

TEST_CASE("Within a group: judgements fall back to the mean when not everyone compared pairs",
          "[weigh][options]") {
  Procurement p = TwoLeaves()
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .Weigh("m2", kRootId, {{"a", 50}, {"b", 50}})
                      .Build();
  p.panel.judgements.push_back(Pairs("m1", {{"a", "b", 4, {}}}));
  p.panel.options.within_group = WithinGroup::kJudgements;
  const PanelWeights w = Weigh(p);
  // m1 (0.8, 0.2), m2 (0.5, 0.5): the mean, a = 0.65, and a note.
  CHECK(w.local.at("a") == Approx(0.65));
  REQUIRE(w.notes.size() == 1);
  CHECK(w.notes[0].note.find("not everyone") != std::string::npos);
}

// a/b = 2, b/c = 2, c/a = 2: a cycle. The matrix is circulant,
//   1   2  1/2
//  1/2  1   2
//   2  1/2  1
// so its eigenvector is (1, 1, 1) / 3 and lambda max a row sum, 3.5:
// CI = (3.5 - 3) / 2 = 0.25, CR = 0.25 / 0.58 = 0.431034.
Judgement Cycle(const std::string& member) {
  Judgement j = Pairs(member, {{"a", "b", 2, {}}, {"b", "c", 2, {}}, {"c", "a", 2, {}}});
  return j;
}

ProcurementBuilder ThreeLeaves() {
  return std::move(ProcurementBuilder().JudgedLeaf("a").JudgedLeaf("b").JudgedLeaf("c").AddGroup("g"));
}

TEST_CASE("Consistency: a cyclic judgement is flagged with the pair furthest from the rest",
          "[weigh][options]") {
  Procurement p = ThreeLeaves().AddMember("m1", "g").Build();
  p.panel.judgements.push_back(Cycle("m1"));
  const PanelWeights w = Weigh(p);
  REQUIRE(w.judgements[0].result.consistency_ratio);
  CHECK(*w.judgements[0].result.consistency_ratio == Approx(0.25 / 0.58));
  const PanelReview review = ReviewPanel(p.framework.tree, p.panel, w);
  REQUIRE(review.inconsistent.size() == 1);
  const InconsistentJudgement& f = review.inconsistent[0];
  CHECK(f.threshold == 0.05);
  CHECK_FALSE(f.excluded);
  // Every answer is ln 2 from the equal weights; the first given is named:
  // a is 2x b. Without it, b/c = 2 and c/a = 2 give a/b = (1/2)(1/2) = 1/4:
  // "their other answers suggest b matters more, about 4x".
  CHECK(f.more == "a");
  CHECK(f.less == "b");
  CHECK(f.given == 2);
  CHECK(f.implied == Approx(0.25));
  CHECK(f.suggested == Approx(0.25));
  // Kept by default: the weights are the eigenvector, 1/3 each.
  CHECK(w.local.at("a") == Approx(1.0 / 3));
}

TEST_CASE("Consistency: exclude_cr_above leaves out the inconsistent member only",
          "[weigh][options]") {
  Procurement p = ThreeLeaves()
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .Weigh("m2", kRootId, {{"a", 50}, {"b", 30}, {"c", 20}})
                      .Build();
  p.panel.judgements.push_back(Cycle("m1"));
  p.panel.options.exclude_cr_above = 0.2;
  PanelWeights w = Weigh(p);
  // m1's CR 0.431 > 0.2: left out; m2 alone: 0.5, 0.3, 0.2.
  CHECK(w.local.at("a") == Approx(0.5));
  CHECK(w.local.at("b") == Approx(0.3));
  CHECK(w.judgements[1].excluded);
  const PanelReview review = ReviewPanel(p.framework.tree, p.panel, w);
  REQUIRE(review.inconsistent.size() == 1);
  CHECK(review.inconsistent[0].excluded);
  // A limit above the ratio keeps it: mean of (1/3, 1/3, 1/3) and
  // (0.5, 0.3, 0.2) gives a = (1/3 + 0.5) / 2 = 0.416667.
  p.panel.options.exclude_cr_above = 0.5;
  CHECK(Weigh(p).local.at("a") == Approx((1.0 / 3 + 0.5) / 2));
}

TEST_CASE("Consistency: a node whose every judgement is left out is weighted equally",
          "[weigh][options]") {
  Procurement p = ThreeLeaves().AddMember("m1", "g").Build();
  p.panel.judgements.push_back(Cycle("m1"));
  p.panel.options.exclude_cr_above = 0.1;
  const PanelWeights w = Weigh(p);
  CHECK(w.local.at("a") == Approx(1.0 / 3));
  REQUIRE(w.unjudged.size() == 1);
  CHECK(w.unjudged[0].reason == "every judgement on it was left out as too inconsistent");
}

TEST_CASE("Members: the consistency ratio is the largest over their pairwise nodes",
          "[weigh][options]") {
  Procurement p = ThreeLeaves().AddMember("m1", "g").AddMember("m2", "g").Build();
  p.panel.judgements.push_back(Cycle("m1"));
  p.panel.judgements.push_back(Pairs("m2", {{"a", "b", 2, {}}, {"b", "c", 3, {}}}));
  const PanelWeights w = Weigh(p);
  std::vector<MemberSummary> members = {{"m1", "g", "pairwise", std::nullopt, 1},
                                        {"m2", "g", "pairwise", std::nullopt, 1}};
  SetConsistencyRatios(w, members);
  REQUIRE(members[0].consistency_ratio);
  CHECK(*members[0].consistency_ratio == Approx(0.25 / 0.58));
  CHECK_FALSE(members[1].consistency_ratio);  // n - 1 comparisons: cannot be checked
}

TEST_CASE("Review: one person carrying more than half of a node is a warning", "[weigh][options]") {
  // Groups g (weight 1) and h (weight 1). At root g has m1, m2 and h has h1:
  // h1 carries 1/2 (not more than half), m1 and m2 1/4 each. No warning.
  Procurement p = TwoLeaves()
                      .AddGroup("h")
                      .AddMember("m1", "g")
                      .AddMember("m2", "g")
                      .AddMember("h1", "h")
                      .Weigh("m1", kRootId, {{"a", 1}})
                      .Weigh("m2", kRootId, {{"a", 1}})
                      .Weigh("h1", kRootId, {{"b", 1}})
                      .Build();
  auto one_voice = [](const PanelReview& r) {
    return std::count_if(r.warnings.begin(), r.warnings.end(),
                         [](const PanelWarning& w) { return w.kind == "one-voice"; });
  };
  CHECK(one_voice(ReviewPanel(p.framework.tree, p.panel, Weigh(p))) == 0);
  // Give h weight 2: h1 carries 2/3, more than half.
  p.panel.groups[1].weight = 2;
  const PanelReview review = ReviewPanel(p.framework.tree, p.panel, Weigh(p));
  REQUIRE(one_voice(review) == 1);
  const PanelWarning& w = *std::find_if(review.warnings.begin(), review.warnings.end(),
                                        [](const PanelWarning& x) { return x.kind == "one-voice"; });
  CHECK(w.message.find("h1") != std::string::npos);
  CHECK(w.message.find("67%") != std::string::npos);
}

TEST_CASE("Review: experts by experience and practitioners are looked for", "[weigh][options]") {
  // "ebe" is recognised by its id; "staff" by nothing; so the review says
  // no practitioners group is recognised; ebe gave no judgements.
  Procurement p = TwoLeaves()
                      .AddGroup("ebe")
                      .AddMember("m1", "g")
                      .AddMember("e1", "ebe")
                      .Weigh("m1", kRootId, {{"a", 1}, {"b", 1}})
                      .Build();
  const PanelReview review = ReviewPanel(p.framework.tree, p.panel, Weigh(p));
  std::vector<std::string> kinds;
  for (const PanelWarning& w : review.warnings) kinds.push_back(w.kind);
  CHECK(kinds == std::vector<std::string>{"experts-by-experience-silent", "no-practitioners",
                                          "one-voice"});
  // Marking g as practitioners explicitly takes that warning away.
  p.panel.groups[0].role = GroupRole::kPractitioners;
  const PanelReview marked = ReviewPanel(p.framework.tree, p.panel, Weigh(p));
  CHECK(marked.warnings.size() == 2);
  REQUIRE(marked.turnout.size() == 2);
  CHECK(marked.turnout[0].role == "practitioners");
  CHECK(marked.turnout[1].role == "experts by experience");
  CHECK(marked.turnout[1].members == 1);
  CHECK(marked.turnout[1].judged == 0);
}

TEST_CASE("Review: a group of weight 0 is a warning", "[weigh][options]") {
  Procurement p = TwoLeaves().AddGroup("observers", 0).Build();
  const PanelReview review = ReviewPanel(p.framework.tree, p.panel, Weigh(p));
  CHECK(std::any_of(review.warnings.begin(), review.warnings.end(),
                    [](const PanelWarning& w) { return w.kind == "group-weight-zero"; }));
}

}  // namespace
}  // namespace weighbridge
