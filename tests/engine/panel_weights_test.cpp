#include <catch2/catch.hpp>

#include "engine/weigh/panel_weights.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

// root ─ a, b (two judged leaves)
ProcurementBuilder TwoLeaves() {
  return std::move(ProcurementBuilder().JudgedLeaf("a").JudgedLeaf("b"));
}

PanelWeights Weigh(const Procurement& p) { return WeighPanel(p.framework.tree, p.panel); }

TEST_CASE("Panel weights: a group's weights are the mean of its members'", "[weigh]") {
  const Procurement p = TwoLeaves()
                            .AddGroup("g")
                            .AddMember("m1", "g")
                            .AddMember("m2", "g")
                            .Weigh("m1", kRootId, {{"a", 60}, {"b", 40}})
                            .Weigh("m2", kRootId, {{"a", 20}, {"b", 80}})
                            .Build();
  const PanelWeights w = Weigh(p);
  // m1 (0.6, 0.4), m2 (0.2, 0.8): a (0.6 + 0.2) / 2 = 0.4, b (0.4 + 0.8) / 2 = 0.6.
  CHECK(w.local.at("a") == Approx(0.4));
  CHECK(w.local.at("b") == Approx(0.6));
  CHECK(w.groups.at("g").at("a") == Approx(0.4));
  CHECK(w.unjudged.empty());
}

TEST_CASE("Panel weights: a group of one weighs as much as a group of three", "[weigh]") {
  const Procurement p = TwoLeaves()
                            .AddGroup("ebe")
                            .AddGroup("staff")
                            .AddMember("e1", "ebe")
                            .AddMember("s1", "staff")
                            .AddMember("s2", "staff")
                            .AddMember("s3", "staff")
                            .Weigh("e1", kRootId, {{"a", 100}})
                            .Weigh("s1", kRootId, {{"b", 100}})
                            .Weigh("s2", kRootId, {{"b", 100}})
                            .Weigh("s3", kRootId, {{"b", 100}})
                            .Build();
  const PanelWeights w = Weigh(p);
  // ebe mean (1, 0); staff mean (0, 1) from three identical members.
  // Equal group weights: a (1 + 0) / 2 = 0.5, b (0 + 1) / 2 = 0.5.
  // (Pooling the four members would have given a 1/4.)
  CHECK(w.local.at("a") == Approx(0.5));
  CHECK(w.local.at("b") == Approx(0.5));
}

TEST_CASE("Panel weights: unequal group weights weigh the groups' means", "[weigh]") {
  const Procurement p = TwoLeaves()
                            .AddGroup("g1", 3)
                            .AddGroup("g2", 1)
                            .AddMember("m1", "g1")
                            .AddMember("m2", "g2")
                            .Weigh("m1", kRootId, {{"a", 80}, {"b", 20}})
                            .Weigh("m2", kRootId, {{"a", 40}, {"b", 60}})
                            .Build();
  const PanelWeights w = Weigh(p);
  // a (3 x 0.8 + 1 x 0.4) / (3 + 1) = (2.4 + 0.4) / 4 = 0.7
  // b (3 x 0.2 + 1 x 0.6) / 4 = (0.6 + 0.6) / 4 = 0.3
  CHECK(w.local.at("a") == Approx(0.7));
  CHECK(w.local.at("b") == Approx(0.3));
}

TEST_CASE("Panel weights: a group that did not weigh a node takes no part there", "[weigh]") {
  // root ─ a ─ a.x, a.y
  //      ─ b
  const Procurement p = ProcurementBuilder()
                            .Branch("a")
                            .JudgedLeaf("a.x", "a")
                            .JudgedLeaf("a.y", "a")
                            .JudgedLeaf("b")
                            .AddGroup("g1")
                            .AddGroup("g2")
                            .AddMember("m1", "g1")
                            .AddMember("m2", "g2")
                            .Weigh("m1", kRootId, {{"a", 50}, {"b", 50}})
                            .Weigh("m1", "a", {{"a.x", 30}, {"a.y", 70}})
                            .Weigh("m2", kRootId, {{"a", 90}, {"b", 10}})
                            .Build();
  const PanelWeights w = Weigh(p);
  // root: a (0.5 + 0.9) / 2 = 0.7, b (0.5 + 0.1) / 2 = 0.3.
  CHECK(w.local.at("a") == Approx(0.7));
  CHECK(w.local.at("b") == Approx(0.3));
  // a: only g1 weighed it, so the panel's are g1's: 30/100 = 0.3, 70/100 = 0.7.
  CHECK(w.local.at("a.x") == Approx(0.3));
  CHECK(w.local.at("a.y") == Approx(0.7));
  CHECK(w.unjudged.empty());
  // g2's own weights: its own at root (0.9, 0.1), the panel's at a (0.3, 0.7).
  const LocalWeights& g2 = w.groups.at("g2");
  CHECK(g2.at("a") == Approx(0.9));
  CHECK(g2.at("b") == Approx(0.1));
  CHECK(g2.at("a.x") == Approx(0.3));
  CHECK(g2.at("a.y") == Approx(0.7));
}

TEST_CASE("Panel weights: a node nobody weighed gives its children equal weights", "[weigh]") {
  const Procurement p = ProcurementBuilder()
                            .JudgedLeaf("a")
                            .JudgedLeaf("b")
                            .JudgedLeaf("c")
                            .AddGroup("g")
                            .AddMember("m1", "g")
                            .Build();
  const PanelWeights w = Weigh(p);
  // Three children, nobody's judgement: 1/3 each.
  CHECK(w.local.at("a") == Approx(1.0 / 3));
  CHECK(w.local.at("b") == Approx(1.0 / 3));
  CHECK(w.local.at("c") == Approx(1.0 / 3));
  REQUIRE(w.unjudged.size() == 1);
  CHECK(w.unjudged[0].node == kRootId);
  CHECK(w.unjudged[0].reason == "nobody on the panel weighed it");
}

TEST_CASE("Panel weights: a node weighed only by groups of weight 0 gets equal weights",
          "[weigh]") {
  const Procurement p = TwoLeaves()
                            .AddGroup("observers", 0)
                            .AddGroup("staff", 1)
                            .AddMember("o1", "observers")
                            .AddMember("s1", "staff")
                            .Weigh("o1", kRootId, {{"a", 100}})
                            .Build();
  const PanelWeights w = Weigh(p);
  // Only observers (weight 0) weighed root: the weighted mean has no weight
  // to divide by, so a and b get 1/2 each.
  CHECK(w.local.at("a") == Approx(0.5));
  CHECK(w.local.at("b") == Approx(0.5));
  REQUIRE(w.unjudged.size() == 1);
  CHECK(w.unjudged[0].reason == "only groups with no weight weighed it");
  // The observers' own view is still theirs: (1, 0).
  CHECK(w.groups.at("observers").at("a") == Approx(1.0));
  CHECK(w.groups.at("observers").at("b") == Approx(0.0));
}

TEST_CASE("Panel weights: an only child gets 1 without being weighed", "[weigh]") {
  // root ─ a ─ a.x
  //      ─ b
  const Procurement p = ProcurementBuilder()
                            .Branch("a")
                            .JudgedLeaf("a.x", "a")
                            .JudgedLeaf("b")
                            .AddGroup("g")
                            .AddMember("m1", "g")
                            .Weigh("m1", kRootId, {{"a", 1}, {"b", 1}})
                            .Build();
  const PanelWeights w = Weigh(p);
  CHECK(w.local.at("a.x") == 1.0);
  CHECK(w.groups.at("g").at("a.x") == 1.0);
  CHECK(w.unjudged.empty());  // nobody weighed a, and that is no gap
}

TEST_CASE("Panel weights: a global weight is the product of local weights down its path",
          "[weigh]") {
  // root ─ a ─ a.x ─ a.x.p, a.x.q
  //          ─ a.y
  //      ─ b
  const Procurement p = ProcurementBuilder()
                            .Branch("a")
                            .Branch("a.x", "a")
                            .JudgedLeaf("a.x.p", "a.x")
                            .JudgedLeaf("a.x.q", "a.x")
                            .JudgedLeaf("a.y", "a")
                            .JudgedLeaf("b")
                            .AddGroup("g")
                            .AddMember("m1", "g")
                            .Weigh("m1", kRootId, {{"a", 60}, {"b", 40}})
                            .Weigh("m1", "a", {{"a.x", 25}, {"a.y", 75}})
                            .Weigh("m1", "a.x", {{"a.x.p", 20}, {"a.x.q", 80}})
                            .Build();
  const GlobalWeights g = GlobalFromLocal(p.framework.tree, Weigh(p).local);
  CHECK(g.at("a") == Approx(0.6));
  CHECK(g.at("b") == Approx(0.4));
  CHECK(g.at("a.x") == Approx(0.15));   // 0.6 x 0.25
  CHECK(g.at("a.y") == Approx(0.45));   // 0.6 x 0.75
  CHECK(g.at("a.x.p") == Approx(0.03)); // 0.6 x 0.25 x 0.2
  CHECK(g.at("a.x.q") == Approx(0.12)); // 0.6 x 0.25 x 0.8
  // Leaves: 0.03 + 0.12 + 0.45 + 0.4 = 1.
  CHECK(g.at("a.x.p") + g.at("a.x.q") + g.at("a.y") + g.at("b") == Approx(1.0));
}

TEST_CASE("Panel weights: a group's share is its weight over the sum of weights", "[weigh]") {
  const Procurement p =
      TwoLeaves().AddGroup("g1", 3).AddGroup("g2", 0).AddGroup("g3", 1).Build();
  // Sum 3 + 0 + 1 = 4: 3/4, 0/4, 1/4.
  const std::vector<double> shares = GroupShares(p.panel);
  REQUIRE(shares.size() == 3);
  CHECK(shares[0] == Approx(0.75));
  CHECK(shares[1] == 0.0);
  CHECK(shares[2] == Approx(0.25));
}

}  // namespace
}  // namespace weighbridge
