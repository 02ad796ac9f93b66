#include <algorithm>
#include <functional>
#include <map>

#include <catch2/catch.hpp>

#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/stability.h"
#include "tests/support/decision_builder.h"

namespace weighbridge {
namespace {

constexpr double kTol = 1e-9;

// The tests' own reweighing, from the words: the node takes w, its
// siblings share 1 - w in proportion to today's weights (equally when all 0).
std::map<std::string, double> Moved(const Decision& d, const std::string& node, double w) {
  std::map<std::string, double> local;
  std::string parent;
  for (const NodeWeight& n : d.weights) {
    local[n.criterion] = n.local;
    if (n.criterion == node) parent = n.parent;
  }
  double others = 0;
  int count = 0;
  for (const NodeWeight& n : d.weights) {
    if (n.parent == parent && n.criterion != node) {
      others += n.local;
      ++count;
    }
  }
  for (const NodeWeight& n : d.weights) {
    if (n.parent != parent || n.criterion == node) continue;
    local[n.criterion] = others > 0 ? n.local / others * (1 - w) : (1 - w) / count;
  }
  local[node] = w;
  return local;
}

std::vector<double> Totals(const Decision& d, const std::map<std::string, double>& local) {
  std::vector<double> out;
  for (const CandidateResult& c : d.candidates) {
    if (c.eligible) out.push_back(ReferenceTotal(d.weights, local, c));
  }
  return out;
}

// -1, 0, 1: behind, tied (within the tolerance), ahead.
int Relation(double a, double b) { return a - b > kTol ? 1 : (b - a > kTol ? -1 : 0); }

// The brute-force interval: walk a grid of step 1e-3 out from today until
// `holds` fails, then halve the last step sixty times.
std::pair<double, double> Scan(const std::function<bool(double)>& holds, double today) {
  auto edge = [&](double dir) {
    double inside = today;
    for (int k = 1;; ++k) {
      const double w = std::clamp(today + dir * k * 1e-3, 0.0, 1.0);
      if (!holds(w)) {
        double in = inside;
        double out = w;
        for (int i = 0; i < 60; ++i) {
          const double mid = (in + out) / 2;
          (holds(mid) ? in : out) = mid;
        }
        return in;
      }
      inside = w;
      if (w == 0.0 || w == 1.0) return w;
    }
  };
  return {edge(-1), edge(1)};
}

// Every interval the engine gives agrees with the brute-force scan.
void CheckAgainstScan(const Decision& d, double tolerance = 1e-9) {
  const FlatModel model(d);
  std::size_t winner = 0;
  std::vector<std::string> ids;
  for (const CandidateResult& c : d.candidates) {
    if (c.eligible) ids.push_back(c.id);
  }
  winner = std::find(ids.begin(), ids.end(), d.ranking[0]) - ids.begin();
  const std::vector<StabilityInterval> intervals = StabilityIntervals(model, winner, kTol);
  REQUIRE_FALSE(intervals.empty());
  for (const StabilityInterval& s : intervals) {
    INFO("criterion " << s.criterion);
    const std::vector<double> today = Totals(d, Moved(d, s.criterion, s.weight));
    auto first = [&](double w) {
      const std::vector<double> t = Totals(d, Moved(d, s.criterion, w));
      for (std::size_t j = 0; j < t.size(); ++j) {
        if (j != winner && t[j] - t[winner] > kTol) return false;
      }
      return true;
    };
    auto same = [&](double w) {
      const std::vector<double> t = Totals(d, Moved(d, s.criterion, w));
      for (std::size_t i = 0; i < t.size(); ++i) {
        for (std::size_t j = i + 1; j < t.size(); ++j) {
          if (Relation(t[i], t[j]) != Relation(today[i], today[j])) return false;
        }
      }
      return true;
    };
    const auto [wl, wu] = Scan(first, s.weight);
    const auto [rl, ru] = Scan(same, s.weight);
    CHECK(s.winner_lower == Approx(wl).margin(tolerance));
    CHECK(s.winner_upper == Approx(wu).margin(tolerance));
    CHECK(s.ranking_lower == Approx(rl).margin(tolerance));
    CHECK(s.ranking_upper == Approx(ru).margin(tolerance));
  }
}

// Two leaves; a = (80, 40), b = (50, 70), weights 0.6 / 0.4.
// Moving x's weight w: a = 40 + 40 w, b = 70 - 20 w; they meet at w = 0.5.
Decision TwoLeaves() {
  return DecisionBuilder()
      .Node("x", "root", 0.6)
      .Node("y", "root", 0.4)
      .Candidate("a", {{"x", 80}, {"y", 40}})
      .Candidate("b", {{"x", 50}, {"y", 70}})
      .Build();
}

TEST_CASE("Stability: two leaves, worked by hand", "[stability]") {
  const Decision d = TwoLeaves();
  REQUIRE(d.ranking[0] == "a");
  const FlatModel model(d);
  const auto intervals = StabilityIntervals(model, 0, kTol);
  REQUIRE(intervals.size() == 2);
  // x: a stays first while 40 + 40 w >= 70 - 20 w - 1e-9, i.e. w >= 0.5 - 1e-9 / 60.
  CHECK(intervals[0].criterion == "x");
  CHECK(intervals[0].weight == 0.6);
  CHECK(intervals[0].winner_lower == Approx(0.5 - 1e-9 / 60).margin(1e-13));
  CHECK(intervals[0].winner_upper == 1.0);
  CHECK(intervals[0].overtaker_below == "b");
  CHECK(intervals[0].overtaker_above.empty());
  CHECK(intervals[0].ranking_lower == Approx(0.5 + 1e-9 / 60).margin(1e-13));
  CHECK(intervals[0].ranking_upper == 1.0);
  // y mirrors x: a stays first while y's weight is at most 0.5.
  CHECK(intervals[1].winner_lower == 0.0);
  CHECK(intervals[1].winner_upper == Approx(0.5 + 1e-9 / 60).margin(1e-13));
  CHECK(intervals[1].overtaker_above == "b");
  // Both are 0.1 of global weight away; x comes first in the tree.
  const auto tipping = SmallestTipping(model, intervals);
  REQUIRE(tipping);
  CHECK(tipping->criterion == "x");
  CHECK(tipping->below);
  CHECK(tipping->overtaker == "b");
  CHECK(tipping->global_change == Approx(0.1).margin(1e-9));
}

TEST_CASE("Stability: three criteria, four products, matches a brute-force scan", "[stability]") {
  CheckAgainstScan(DecisionBuilder()
                       .Node("p", "root", 0.5)
                       .Node("q", "root", 0.3)
                       .Node("r", "root", 0.2)
                       .Candidate("a", {{"p", 70}, {"q", 60}, {"r", 20}})
                       .Candidate("b", {{"p", 55}, {"q", 80}, {"r", 40}})
                       .Candidate("c", {{"p", 40}, {"q", 50}, {"r", 95}})
                       .Candidate("d", {{"p", 90}, {"q", 10}, {"r", 30}})
                       .Candidate("e", {{"p", 100}, {"q", 100}, {"r", 100}}, false)
                       .Build());
}

// Caps that start and stop biting as weights move: a's care is capped at 50
// (its care score moves with care's inner weights), b's total at 62.
Decision Capped() {
  return DecisionBuilder()
      .Node("care", "root", 0.55)
      .Node("care.safety", "care", 0.7)
      .Node("care.dignity", "care", 0.3)
      .Node("tech", "root", 0.3)
      .Node("tech.api", "tech", 0.5)
      .Node("tech.uptime", "tech", 0.5)
      .Node("value", "root", 0.15)
      .Candidate("a", {{"care.safety", 80}, {"care.dignity", 30}, {"tech.api", 90},
                       {"tech.uptime", 70}, {"value", 60}})
      .Cap("a", "care", 50)
      .Candidate("b", {{"care.safety", 60}, {"care.dignity", 85}, {"tech.api", 40},
                       {"tech.uptime", 75}, {"value", 90}})
      .Cap("b", "total", 62)
      .Candidate("c", {{"care.safety", 45}, {"care.dignity", 60}, {"tech.api", 100},
                       {"tech.uptime", 20}, {"value", 70}})
      .Build();
}

TEST_CASE("Stability: caps re-applied, crossing points match a brute-force scan to 1e-9",
          "[stability]") {
  const Decision d = Capped();
  CheckAgainstScan(d);
  const FlatModel model(d);
  for (const StabilityInterval& s : StabilityIntervals(model, 0, kTol)) CHECK(s.exact);
}

TEST_CASE("Stability: a cap inside an earlier cap bends the totals; bisection still finds the "
          "crossings",
          "[stability]") {
  // a's care is capped at 60, then its safety (inside care) at 55. Moving
  // safety's weight w inside care, a's care is w x 55 + (1 - w) x 50 x 60 /
  // (50 + 40 w) once the first cap bites (w > 0.25): a curve, not a line.
  Decision d = DecisionBuilder()
                   .Node("care", "root", 0.6)
                   .Node("care.safety", "care", 0.3)
                   .Node("care.dignity", "care", 0.7)
                   .Node("tech", "root", 0.4)
                   .Candidate("a", {{"care.safety", 90}, {"care.dignity", 50}, {"tech", 66}})
                   .Cap("a", "care", 60)
                   .Cap("a", "care.safety", 55)
                   .Candidate("b", {{"care.safety", 50}, {"care.dignity", 56}, {"tech", 60}})
                   .Build();
  REQUIRE(d.ranking[0] == "a");
  CheckAgainstScan(d, 1e-8);
  const FlatModel model(d);
  bool bent = false;
  for (const StabilityInterval& s : StabilityIntervals(model, 0, kTol)) bent = bent || !s.exact;
  CHECK(bent);
}

TEST_CASE("Stability: an only child has no interval; price and quality are never varied",
          "[stability]") {
  const Decision d = DecisionBuilder()
                         .Node("quality", "root", 0.7)
                         .Node("care", "quality", 0.6)
                         .Node("care.safety", "care", 1.0)
                         .Node("tech", "quality", 0.4)
                         .Node("price", "root", 0.3)
                         .Candidate("a", {{"care.safety", 80}, {"tech", 40}, {"price", 100}})
                         .Candidate("b", {{"care.safety", 50}, {"tech", 70}, {"price", 90}})
                         .Build();
  const FlatModel model(d);
  std::vector<std::string> listed;
  for (const StabilityInterval& s : StabilityIntervals(model, 0, kTol)) {
    listed.push_back(s.criterion);
  }
  CHECK(listed == std::vector<std::string>{"care", "tech"});
  CheckAgainstScan(d);
}

TEST_CASE("Stability: siblings whose weights are all 0 share the rest equally", "[stability]") {
  const Decision d = DecisionBuilder()
                         .Node("x", "root", 1.0)
                         .Node("y", "root", 0.0)
                         .Node("z", "root", 0.0)
                         .Candidate("a", {{"x", 80}})
                         .Build();
  const FlatModel model(d);
  const std::vector<double> local = Reweighed(model.tree(), 0, 0.4);
  CHECK(local == std::vector<double>{0.4, 0.3, 0.3});
  // Today's weights come back exactly.
  CHECK(Reweighed(model.tree(), 0, 1.0) == std::vector<double>{1.0, 0.0, 0.0});
}

TEST_CASE("Stability: with one eligible product nothing can change the winner", "[stability]") {
  const Decision d = DecisionBuilder()
                         .Node("x", "root", 0.6)
                         .Node("y", "root", 0.4)
                         .Candidate("a", {{"x", 80}, {"y", 40}})
                         .Candidate("b", {{"x", 90}, {"y", 90}}, false)
                         .Build();
  const FlatModel model(d);
  const auto intervals = StabilityIntervals(model, 0, kTol);
  REQUIRE(intervals.size() == 2);
  for (const StabilityInterval& s : intervals) {
    CHECK(s.winner_lower == 0.0);
    CHECK(s.winner_upper == 1.0);
    CHECK(s.ranking_lower == 0.0);
    CHECK(s.ranking_upper == 1.0);
  }
  CHECK_FALSE(SmallestTipping(model, intervals));
}

TEST_CASE("Stability: the flattened totals are the builder's totals", "[stability]") {
  const Decision d = Capped();
  const FlatModel model(d);
  const FlatTree& tree = model.tree();
  for (const FlatCandidate& c : model.eligible()) {
    CHECK(model.Total(c, tree.local, tree.global) == Approx(c.total).margin(1e-12));
  }
}

}  // namespace
}  // namespace weighbridge
