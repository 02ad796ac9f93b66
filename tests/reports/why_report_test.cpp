// `weighbridge why`, checked against sentences worked out by hand from a
// procurement and decision built here, not from the engine.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Criterion MakeCriterion(std::string id, std::string parent, std::string title, Assess assess) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = std::move(title);
  c.assess = assess;
  return c;
}

// Rights and dignity (Consent and choice; Access to own record) and Ease of
// maintenance, weighing 0.3, 0.3 and 0.4 of the whole.
Procurement MakeProcurement() {
  Procurement p;
  p.framework.tree = CriteriaTree(
      {MakeCriterion("rights", kRootId, "Rights and dignity", Assess::kBranch),
       MakeCriterion("rights.consent", "rights", "Consent and choice", Assess::kJudgement),
       MakeCriterion("rights.access", "rights", "Access to own record", Assess::kEvidence),
       MakeCriterion("maintenance", kRootId, "Ease of maintenance", Assess::kJudgement)});
  return p;
}

CriterionResult Line(std::string criterion, double score, double weight, double contribution) {
  CriterionResult r;
  r.criterion = std::move(criterion);
  r.score = score;
  r.weight = weight;
  r.contribution = contribution;
  return r;
}

// Contributions are weight x score:
//   CareLink 0.3x80 + 0.3x100 + 0.4x60 = 24 + 30 + 24 = 78, ranked 1
//   Birch    0.3x70 + 0.3x0   + 0.4x95 = 21 +  0 + 38 = 59, ranked 2
//   Oak      0.3x0  + 0.3x100 + 0.4x50 =  0 + 30 + 20 = 50, not eligible
CandidateResult Result(std::string id, std::string name, std::optional<int> rank,
                       std::vector<double> contributions, std::vector<double> scores) {
  CandidateResult r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.rank = rank;
  r.eligible = rank.has_value();
  const std::vector<std::string> leaves = {"rights.consent", "rights.access", "maintenance"};
  const std::vector<double> weights = {0.3, 0.3, 0.4};
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    r.criteria.push_back(Line(leaves[i], scores[i], weights[i], contributions[i]));
    r.total += contributions[i];
  }
  return r;
}

Decision MakeDecision() {
  Decision d;
  d.candidates = {Result("carelink", "CareLink Case Manager", 1, {24, 30, 24}, {80, 100, 60}),
                  Result("birch", "Birch Care Record", 2, {21, 0, 38}, {70, 0, 95}),
                  Result("oak", "Oak Notes", std::nullopt, {0, 30, 20}, {0, 100, 50})};
  d.ranking = {"carelink", "birch"};
  return d;
}

RuleOutcome Outcome(std::string id, std::string outcome, std::string reason) {
  RuleOutcome r;
  r.rule = std::move(id);
  r.kind = "gate";
  r.outcome = std::move(outcome);
  r.reason = std::move(reason);
  return r;
}

const std::string kPointsAre =
    "Each criterion gives a product its weight times its score, in points out of 100. ";

}  // namespace

// CareLink minus Birch: Consent 24 - 21 = 3, Access 30 - 0 = 30, Maintenance
// 24 - 38 = -14. In CareLink's favour 30 + 3 = 33, largest (Access) first
// though Consent comes first in the tree; in Birch's 14; 33 - 14 = 19 =
// 78 - 59.
TEST_CASE("Why: A above B lists A's criteria largest first, then B's, adding up to the gap",
          "[reports]") {
  WhyText why = RenderWhy(MakeProcurement(), MakeDecision(), "carelink", "birch");
  REQUIRE(why.found);
  CHECK(why.text ==
        "# Why CareLink Case Manager ranks above Birch Care Record\n\n"
        "CareLink Case Manager ranks above Birch Care Record: they are ranked 1 and 2.\n\n"
        "CareLink Case Manager scored 78.0 out of 100 and Birch Care Record scored 59.0: "
        "CareLink Case Manager is 19.0 points ahead, and the differences on the criteria below "
        "add up to that.\n\n" +
            kPointsAre +
            "Below, the points are given as CareLink Case Manager's against Birch Care "
            "Record's.\n\n"
            "## In CareLink Case Manager's favour\n\n"
            "- Access to own record: 30.0 points (30.0 against 0.0)\n"
            "- Consent and choice: 3.0 points (24.0 against 21.0)\n\n"
            "## In Birch Care Record's favour\n\n"
            "- Ease of maintenance: 14.0 points (24.0 against 38.0)\n\n"
            "In all, 33.0 points in CareLink Case Manager's favour less 14.0 in Birch Care "
            "Record's leaves 19.0 in CareLink Case Manager's favour: the difference between "
            "their totals.\n");
}

// Birch minus CareLink: Maintenance 38 - 24 = 14 in Birch's favour; Access
// 0 - 30 and Consent 21 - 24 in CareLink's (30 then 3). 14 - 33 = -19.
TEST_CASE("Why: when B ranks above A it says so and still explains the gap", "[reports]") {
  WhyText why = RenderWhy(MakeProcurement(), MakeDecision(), "birch", "carelink");
  REQUIRE(why.found);
  CHECK(why.text.starts_with(
      "# CareLink Case Manager ranks above Birch Care Record\n\n"
      "CareLink Case Manager ranks above Birch Care Record: they are ranked 1 and 2.\n\n"
      "Birch Care Record scored 59.0 out of 100 and CareLink Case Manager scored 78.0: "
      "CareLink Case Manager is 19.0 points ahead"));
  CHECK(why.text.find("## In Birch Care Record's favour\n\n"
                      "- Ease of maintenance: 14.0 points (38.0 against 24.0)\n\n"
                      "## In CareLink Case Manager's favour\n\n"
                      "- Access to own record: 30.0 points (0.0 against 30.0)\n"
                      "- Consent and choice: 3.0 points (21.0 against 24.0)\n\n") !=
        std::string::npos);
  CHECK(why.text.ends_with(
      "In all, 14.0 points in Birch Care Record's favour less 33.0 in CareLink Case "
      "Manager's leaves 19.0 in CareLink Case Manager's favour: the difference between their "
      "totals.\n"));
}

// CareLink minus Oak: Consent 24 - 0 = 24, Maintenance 24 - 20 = 4, Access
// 30 - 30 = 0; 24 + 4 = 28 = 78 - 50. Only Oak's failed rules give reasons.
TEST_CASE("Why: a candidate that is not eligible is said to be, with its failed rules' reasons",
          "[reports]") {
  Decision d = MakeDecision();
  d.candidates[2].rules = {Outcome("exclusion", "pass", "Not excluded."),
                           Outcome("uk-hosting", "fail", "Data must be hosted in the UK."),
                           Outcome("minimum:rights.consent", "fail",
                                   "Consent and choice scored 0, below the minimum of 2")};
  WhyText why = RenderWhy(MakeProcurement(), d, "carelink", "oak");
  REQUIRE(why.found);
  CHECK(why.text.starts_with(
      "# CareLink Case Manager and Oak Notes\n\n"
      "CareLink Case Manager is ranked 1.\n\n"
      "Oak Notes is not eligible, so it is not ranked: Data must be hosted in the UK; Consent "
      "and choice scored 0, below the minimum of 2.\n\n"
      "CareLink Case Manager scored 78.0 out of 100 and Oak Notes scored 50.0: CareLink Case "
      "Manager is 28.0 points ahead"));
  CHECK(why.text.find("## In CareLink Case Manager's favour\n\n"
                      "- Consent and choice: 24.0 points (24.0 against 0.0)\n"
                      "- Ease of maintenance: 4.0 points (24.0 against 20.0)\n\n"
                      "## No difference\n\n"
                      "Access to own record: the same points for both.\n\n"
                      "In all, 28.0 points in CareLink Case Manager's favour less 0.0 in Oak") !=
        std::string::npos);
}

// CareLink's total capped at 70: a "total" line of 70 - 78 = -8, and its
// Maintenance line lowered by a cap too (kept at 24 here, the cap's note is
// what is checked). Against Birch's 59: Access +30, Consent +3; Maintenance
// -14, the cap -8. 33 - 22 = 11 = 70 - 59.
TEST_CASE("Why: a cap on the total is a line of its own, with the caps named", "[reports]") {
  Decision d = MakeDecision();
  CandidateResult& carelink = d.candidates[0];
  carelink.criteria[2].capped_by = {"slow-support"};
  CriterionResult cap = Line("total", 0, 0, -8);
  cap.capped_by = {"unsafe-hosting"};
  carelink.criteria.push_back(cap);
  carelink.total = 70;
  WhyText why = RenderWhy(MakeProcurement(), d, "carelink", "birch");
  REQUIRE(why.found);
  CHECK(why.text.find(
            "## In Birch Care Record's favour\n\n"
            "- Ease of maintenance: 14.0 points (24.0 against 38.0; CareLink Case Manager's "
            "lowered by the cap 'slow-support')\n"
            "- The cap on the total: 8.0 points (-8.0 against 0.0; CareLink Case Manager's "
            "lowered by the cap 'unsafe-hosting')\n\n"
            "In all, 33.0 points in CareLink Case Manager's favour less 22.0 in Birch Care "
            "Record's leaves 11.0 in CareLink Case Manager's favour") != std::string::npos);
}

// Ash 0.3x80 + 0.3x0 + 0.4x90 = 24 + 0 + 36 = 60; Elm 0.3x50 + 0.3x100 +
// 0.4x37.5 = 15 + 30 + 15 = 60. Ash minus Elm: Maintenance +21, Consent +9
// (30 in all) against Access -30.
TEST_CASE("Why: equal totals ranked apart by the tie-break, or sharing a rank, say so",
          "[reports]") {
  Decision d;
  d.candidates = {Result("ash", "Ash", 1, {24, 0, 36}, {80, 0, 90}),
                  Result("elm", "Elm", 2, {15, 30, 15}, {50, 100, 37.5})};
  WhyText why = RenderWhy(MakeProcurement(), d, "ash", "elm");
  CHECK(why.text.starts_with(
      "# Why Ash ranks above Elm\n\n"
      "Ash ranks above Elm: they are ranked 1 and 2, by the tie-break declared before scoring, "
      "as their totals are the same.\n\n"
      "Ash and Elm both scored 60.0 out of 100, so the differences on the criteria below "
      "balance out.\n\n"));
  CHECK(why.text.find("- Ease of maintenance: 21.0 points (36.0 against 15.0)\n"
                      "- Consent and choice: 9.0 points (24.0 against 15.0)\n") !=
        std::string::npos);
  CHECK(
      why.text.ends_with("In all, 30.0 points in Ash's favour and 30.0 in Elm's balance "
                         "out, as their totals do.\n"));
  d.candidates[1].rank = 1;
  CHECK(RenderWhy(MakeProcurement(), d, "ash", "elm")
            .text.starts_with("# Ash and Elm\n\nAsh and Elm share rank 1: their totals are the "
                              "same and the tie-break does not separate them.\n\n"));
}

TEST_CASE("Why: an unknown id is refused, naming the candidates there are", "[reports]") {
  WhyText one = RenderWhy(MakeProcurement(), MakeDecision(), "carelink", "ceder");
  CHECK_FALSE(one.found);
  CHECK(one.text.empty());
  CHECK(one.error == "no candidate 'ceder'; the candidates are 'carelink', 'birch' and 'oak'");
  WhyText two = RenderWhy(MakeProcurement(), MakeDecision(), "ash", "elm");
  CHECK(two.error ==
        "no candidates 'ash' and 'elm'; the candidates are 'carelink', 'birch' and "
        "'oak'");
  WhyText same = RenderWhy(MakeProcurement(), MakeDecision(), "birch", "birch");
  CHECK_FALSE(same.found);
  CHECK(same.error == "'birch' is given twice; name two different candidates");
}

TEST_CASE("Why: names are escaped for Markdown", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[1].name = "<b>Birch</b> *Care*";
  WhyText why = RenderWhy(MakeProcurement(), d, "carelink", "birch");
  CHECK(why.text.starts_with(
      "# Why CareLink Case Manager ranks above \\<b\\>Birch\\</b\\> \\*Care\\*\n\n"));
}

}  // namespace weighbridge
