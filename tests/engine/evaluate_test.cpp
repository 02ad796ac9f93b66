#include <bit>
#include <cstdint>

#include <catch2/catch.hpp>

#include "tests/support/procurement_builder.h"
#include "weighbridge/evaluate.h"

namespace weighbridge {
namespace {

// root ─ care ─ care.safety  (judgement, 0-5)
//             ─ care.dignity (judgement)
//      ─ tech ─ tech.api     (evidence open_api, boolean)
//             ─ tech.uptime  (evidence uptime, linear 95 -> 100)
//
// Panel: ebe {m1}, staff {s1, s2, s3}, equal group weights.
//   root: m1 points 90/10 -> (0.9, 0.1); s1 points 60/40 -> (0.6, 0.4);
//         s2 direct 0.4/0.6 -> (0.4, 0.6); s3 made no judgement.
//         staff (0.6 + 0.4) / 2 = 0.5, (0.4 + 0.6) / 2 = 0.5
//         panel care (0.9 + 0.5) / 2 = 0.7, tech (0.1 + 0.5) / 2 = 0.3
//   care: m1 direct 0.75/0.25; staff did not weigh it -> (0.75, 0.25)
//   tech: nobody weighed it -> (0.5, 0.5), unjudged
// Global: safety 0.7 x 0.75 = 0.525, dignity 0.7 x 0.25 = 0.175,
//         api 0.3 x 0.5 = 0.15, uptime 0.3 x 0.5 = 0.15 (sum 1).
//
// alpha: safety e1 4, e2 5 -> 4.5 -> 4.5 / 5 x 100 = 90
//        dignity e1 1, e2 5, consensus 3 -> 3 / 5 x 100 = 60
//        open_api true -> 100; uptime 99 -> (99 - 95) / (100 - 95) x 100 = 80
// beta:  safety e1 5 -> 100; dignity e1 2, e2 5 -> 3.5 -> 70 (spread 3 > 2)
//        open_api false -> 0; uptime 99.5 -> 4.5 / 5 x 100 = 90
ProcurementBuilder TwoLevelBuilder() {
  ValueFunction uptime;
  uptime.kind = ValueKind::kLinear;
  uptime.worst = 95;
  uptime.best = 100;
  return ProcurementBuilder()
      .Branch("care")
      .JudgedLeaf("care.safety", "care")
      .JudgedLeaf("care.dignity", "care")
      .Branch("tech")
      .EvidenceLeaf("tech.api", "open_api", ValueFunction{}, "tech")
      .EvidenceLeaf("tech.uptime", "uptime", uptime, "tech")
      .AddCandidate("alpha", {{"open_api", true}, {"uptime", 99.0}})
      .AddCandidate("beta", {{"open_api", false}, {"uptime", 99.5}})
      .AddGroup("ebe")
      .AddGroup("staff")
      .AddMember("m1", "ebe")
      .AddMember("s1", "staff")
      .AddMember("s2", "staff")
      .AddMember("s3", "staff")
      .Weigh("m1", kRootId, {{"care", 90}, {"tech", 10}})
      .Weigh("m1", "care", {{"care.safety", 0.75}, {"care.dignity", 0.25}}, WeighMethod::kDirect)
      .Weigh("s1", kRootId, {{"care", 60}, {"tech", 40}})
      .Weigh("s2", kRootId, {{"care", 0.4}, {"tech", 0.6}}, WeighMethod::kDirect)
      .AddScore("e1", "alpha", "care.safety", 4)
      .AddScore("e2", "alpha", "care.safety", 5)
      .AddScore("e1", "alpha", "care.dignity", 1)
      .AddScore("e2", "alpha", "care.dignity", 5)
      .AddConsensus("alpha", "care.dignity", 3)
      .AddScore("e1", "beta", "care.safety", 5)
      .AddScore("e1", "beta", "care.dignity", 2)
      .AddScore("e2", "beta", "care.dignity", 5);
}

Procurement TwoLevel() { return TwoLevelBuilder().Build(); }

TEST_CASE("Evaluate: weighs every node, parents first, with local and global weights",
          "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  REQUIRE(d.weights.size() == 6);
  const std::vector<std::string> order{"care",        "care.safety", "care.dignity",
                                       "tech",        "tech.api",    "tech.uptime"};
  const std::vector<std::string> parents{kRootId, "care", "care", kRootId, "tech", "tech"};
  const std::vector<double> local{0.7, 0.75, 0.25, 0.3, 0.5, 0.5};
  const std::vector<double> global{0.7, 0.525, 0.175, 0.3, 0.15, 0.15};  // see TwoLevel()
  for (std::size_t i = 0; i < order.size(); ++i) {
    CHECK(d.weights[i].criterion == order[i]);
    CHECK(d.weights[i].parent == parents[i]);
    CHECK(d.weights[i].local == Approx(local[i]));
    CHECK(d.weights[i].global == Approx(global[i]));
  }
  REQUIRE(d.unjudged.size() == 1);
  CHECK(d.unjudged[0].node == "tech");
  CHECK(d.unjudged[0].reason == "nobody on the panel weighed it");
}

TEST_CASE("Evaluate: scores, contributions and totals of each candidate", "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  REQUIRE(d.candidates.size() == 2);
  const CandidateResult& alpha = d.candidates[0];
  REQUIRE(alpha.criteria.size() == 4);
  CHECK(alpha.criteria[0].criterion == "care.safety");
  CHECK(alpha.criteria[0].score == Approx(90.0));
  CHECK(alpha.criteria[0].basis == "mean of 2 evaluators");
  CHECK(*alpha.criteria[0].scale_value == Approx(4.5));
  CHECK(alpha.criteria[0].contribution == Approx(47.25));  // 0.525 x 90
  CHECK(alpha.criteria[1].basis == "consensus");
  CHECK(alpha.criteria[1].contribution == Approx(10.5));   // 0.175 x 60
  CHECK(alpha.criteria[2].basis == "evidence");
  CHECK(alpha.criteria[2].contribution == Approx(15.0));   // 0.15 x 100
  CHECK(alpha.criteria[3].contribution == Approx(12.0));   // 0.15 x 80
  CHECK(alpha.total == Approx(84.75));  // 47.25 + 10.5 + 15 + 12

  const CandidateResult& beta = d.candidates[1];
  CHECK(beta.criteria[0].basis == "1 evaluator");
  CHECK(beta.criteria[0].contribution == Approx(52.5));   // 0.525 x 100
  CHECK(beta.criteria[1].contribution == Approx(12.25));  // 0.175 x 70
  CHECK(beta.criteria[2].contribution == 0.0);            // 0.15 x 0
  CHECK(beta.criteria[3].contribution == Approx(13.5));   // 0.15 x 90
  CHECK(beta.total == Approx(78.25));  // 52.5 + 12.25 + 0 + 13.5
}

TEST_CASE("Evaluate: contributions sum to the total exactly", "[evaluate]") {
  for (const CandidateResult& c : Evaluate(TwoLevel()).candidates) {
    double sum = 0;
    for (const CriterionResult& r : c.criteria) sum += r.contribution;
    CHECK(sum == c.total);  // same additions in the same order
  }
}

TEST_CASE("Evaluate: ranks the candidates by total", "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  CHECK(d.candidates[0].rank == std::optional<int>(1));  // alpha 84.75
  CHECK(d.candidates[1].rank == std::optional<int>(2));  // beta 78.25
  CHECK(d.ranking == std::vector<std::string>{"alpha", "beta"});
}

TEST_CASE("Evaluate: lists scores that need moderation", "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  // beta's dignity 2 and 5 are 3 apart (> 2) with no consensus; alpha's 1 and
  // 5 have a consensus; alpha's safety 4 and 5 are 1 apart.
  REQUIRE(d.moderation.size() == 1);
  CHECK(d.moderation[0].candidate == "beta");
  CHECK(d.moderation[0].criterion == "care.dignity");
  CHECK(d.moderation[0].spread == Approx(3.0));
  CHECK(d.moderation[0].scores == std::vector<std::pair<std::string, double>>{{"e1", 2}, {"e2", 5}});
}

TEST_CASE("Evaluate: summarises each member's method and judgements", "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  REQUIRE(d.members.size() == 4);
  CHECK(d.members[0].method == "mixed");  // m1: points at root, direct at care
  CHECK(d.members[0].judgements == 2);
  CHECK(d.members[1].method == "points");
  CHECK(d.members[2].method == "direct");
  CHECK(d.members[3].method == "none");  // s3 weighed nothing
  CHECK(d.members[3].judgements == 0);
  CHECK(d.members[3].group == "staff");
  CHECK_FALSE(d.members[0].consistency_ratio.has_value());
}

TEST_CASE("Evaluate: each group's share, weights and own ranking", "[evaluate]") {
  const Decision d = Evaluate(TwoLevel());
  REQUIRE(d.groups.size() == 2);
  const GroupSummary& ebe = d.groups[0];
  CHECK(ebe.weight == Approx(0.5));  // 1 / (1 + 1)
  CHECK(ebe.members == 1);
  CHECK(ebe.weights.size() == 6);  // every node but root
  CHECK(ebe.weights.at("care") == Approx(0.9));
  CHECK(ebe.weights.at("care.safety") == Approx(0.75));
  CHECK(ebe.weights.at("tech.api") == Approx(0.5));  // the panel's: ebe did not weigh tech
  // ebe global: safety 0.9 x 0.75 = 0.675, dignity 0.9 x 0.25 = 0.225, api and
  // uptime 0.1 x 0.5 = 0.05.
  // alpha 0.675 x 90 + 0.225 x 60 + 0.05 x 100 + 0.05 x 80 = 60.75 + 13.5 + 5 + 4 = 83.25
  // beta 0.675 x 100 + 0.225 x 70 + 0.05 x 0 + 0.05 x 90 = 67.5 + 15.75 + 0 + 4.5 = 87.75
  CHECK(ebe.ranking == std::vector<std::string>{"beta", "alpha"});

  const GroupSummary& staff = d.groups[1];
  CHECK(staff.members == 3);
  CHECK(staff.weights.at("care") == Approx(0.5));
  CHECK(staff.weights.at("care.safety") == Approx(0.75));  // the panel's at care
  // staff global: safety 0.5 x 0.75 = 0.375, dignity 0.125, api and uptime 0.25.
  // alpha 33.75 + 7.5 + 25 + 20 = 86.25; beta 37.5 + 8.75 + 0 + 22.5 = 68.75
  CHECK(staff.ranking == std::vector<std::string>{"alpha", "beta"});
}

TEST_CASE("Evaluate: an unscored criterion and missing evidence score 0", "[evaluate]") {
  // root ─ q (judgement), r (evidence cert, boolean); nobody weighed root: 0.5 each.
  const Procurement p = ProcurementBuilder()
                            .JudgedLeaf("q")
                            .EvidenceLeaf("r", "cert", ValueFunction{})
                            .AddCandidate("gamma")
                            .AddCandidate("delta", {{"cert", true}})
                            .AddGroup("g")
                            .AddScore("e1", "delta", "q", 5)
                            .AllowIncomplete()
                            .Build();
  const Decision d = Evaluate(p);
  const CandidateResult& gamma = d.candidates[0];
  CHECK_FALSE(gamma.complete);
  CHECK(gamma.unscored == std::vector<std::string>{"q"});
  CHECK(gamma.missing_evidence == std::vector<std::string>{"r"});
  CHECK(gamma.criteria[0].basis == "not scored");
  CHECK_FALSE(gamma.criteria[0].scale_value.has_value());
  CHECK(gamma.criteria[1].basis == "no evidence");
  CHECK(gamma.total == 0.0);  // 0.5 x 0 + 0.5 x 0
  CHECK(d.candidates[1].complete);
  CHECK(d.candidates[1].total == Approx(100.0));  // 0.5 x 100 + 0.5 x 100
  CHECK(d.ranking == std::vector<std::string>{"delta", "gamma"});
}

TEST_CASE("Evaluate: a single candidate ranks first", "[evaluate]") {
  const Procurement p = ProcurementBuilder()
                            .JudgedLeaf("q")
                            .AddCandidate("solo")
                            .AddGroup("g")
                            .AddScore("e1", "solo", "q", 1)
                            .Build();
  const Decision d = Evaluate(p);
  // Only child q: weight 1; score 1 / 5 x 100 = 20; total 1 x 20 = 20.
  CHECK(d.candidates[0].total == Approx(20.0));
  CHECK(d.candidates[0].rank == std::optional<int>(1));
  CHECK(d.ranking == std::vector<std::string>{"solo"});
  CHECK(d.unjudged.empty());
}

TEST_CASE("Evaluate: the same procurement gives bit-identical totals", "[evaluate]") {
  const Procurement p = TwoLevel();
  const Decision first = Evaluate(p);
  const Decision second = Evaluate(p);
  REQUIRE(first.candidates.size() == second.candidates.size());
  for (std::size_t i = 0; i < first.candidates.size(); ++i) {
    CHECK(std::bit_cast<std::uint64_t>(first.candidates[i].total) ==
          std::bit_cast<std::uint64_t>(second.candidates[i].total));
  }
  CHECK(first.ranking == second.ranking);
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("Evaluate: an unsettled score matters only where it could move a place",
          "[evaluate]") {
  // TwoLevel: beta's dignity needs moderation (2 and 5, no consensus).
  // Eligible beta: settling it moves beta's total, so it matters.
  CHECK(Evaluate(TwoLevel()).unsettled_matters);
  // beta excluded by the authority: no score can bring it back, so the open
  // score cannot change the result.
  CHECK_FALSE(Evaluate(TwoLevelBuilder()
                           .Exclude("beta", "Late submission", "Arrived after the deadline")
                           .Build())
                  .unsettled_matters);
  // beta below a minimum on dignity (3.5 < 4): settling the score could lift it
  // over the minimum, so it matters even though beta is not eligible today.
  const Procurement below = TwoLevelBuilder().SetMinimum("care.dignity", 4).Build();
  const Decision d = Evaluate(below);
  REQUIRE_FALSE(d.candidates[1].eligible);
  CHECK(d.unsettled_matters);
}

}  // namespace
}  // namespace weighbridge
