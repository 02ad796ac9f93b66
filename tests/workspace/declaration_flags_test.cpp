// The conflict-of-interest flags (weighbridge/declarations.h) and the report
// section that states them, on a tiny procurement whose flags are counted by hand.
#include <catch2/catch.hpp>

#include "reports/markdown_declarations.h"
#include "tests/support/procurement_builder.h"
#include "weighbridge/declarations.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

// Two candidates from two suppliers; evaluators e1 (4 scores: 2 on each
// candidate), e2 (2 scores, beta only) and e3 (1 score on alpha); panel
// members m1, m2 and m3.
Procurement Tiny() {
  Procurement p = ProcurementBuilder()
                      .JudgedLeaf("care")
                      .JudgedLeaf("cost")
                      .AddCandidate("alpha")
                      .AddCandidate("beta")
                      .AddGroup("staff")
                      .AddMember("m1", "staff")
                      .AddMember("m2", "staff")
                      .AddMember("m3", "staff")
                      .AddScore("e1", "alpha", "care", 4)
                      .AddScore("e1", "alpha", "cost", 3)
                      .AddScore("e1", "beta", "care", 2)
                      .AddScore("e1", "beta", "cost", 5)
                      .AddScore("e2", "beta", "care", 3)
                      .AddScore("e2", "beta", "cost", 3)
                      .AddScore("e3", "alpha", "care", 1)
                      .Build();
  p.candidates[0].name = "Alpha Care";
  p.candidates[0].supplier = "Alpha Ltd";
  p.candidates[1].name = "Beta Care";
  p.candidates[1].supplier = "Beta Ltd";
  p.candidates[1].supplier_id = "GB-PPON-BETA";
  return p;
}

}  // namespace

TEST_CASE("Declarations: without a workspace nothing is flagged and no section is written",
          "[declarations]") {
  Procurement p = Tiny();
  CHECK_FALSE(FlagDeclarations(p).has_value());
  CHECK(DeclarationsSection(p).empty());
}

TEST_CASE("Declarations: an interest flags that evaluator's scores of that supplier's product",
          "[declarations]") {
  Procurement p = Tiny();
  // e1: an interest in "alpha ltd " (typed in another case, with a space) and
  // in Beta by its supplier id; e2: none; e3: nothing at all. m1: none;
  // m2: nothing; m3: an interest in Gamma Ltd, which did not bid.
  p.declarations = std::vector<PersonDeclarations>{
      {"e1", {"evaluator"}, {"GB-PPON-BETA", "alpha ltd "}},
      {"e2", {"evaluator"}, {}},
      {"m1", {"member"}, {}},
      {"m3", {"member"}, {"Gamma Ltd"}},
  };
  std::optional<DeclarationFlags> flags = FlagDeclarations(p);
  REQUIRE(flags.has_value());
  // e1 scored alpha twice and beta twice, and declared both suppliers: 2 + 2.
  REQUIRE(flags->interest_scores.size() == 2);
  CHECK(flags->interest_scores[0].evaluator == "e1");
  CHECK(flags->interest_scores[0].candidate == "alpha");
  CHECK(flags->interest_scores[0].supplier == "alpha ltd ");
  CHECK(flags->interest_scores[0].scores == 2);
  CHECK(flags->interest_scores[1].candidate == "beta");
  CHECK(flags->interest_scores[1].supplier == "GB-PPON-BETA");
  CHECK(flags->interest_scores[1].scores == 2);
  // e2 declared none: nothing. e3 declared nothing: its 1 score.
  REQUIRE(flags->undeclared_evaluators.size() == 1);
  CHECK(flags->undeclared_evaluators[0].evaluator == "e3");
  CHECK(flags->undeclared_evaluators[0].scores == 1);
  CHECK(flags->undeclared_members == std::vector<std::string>{"m2"});
  REQUIRE(flags->member_interests.size() == 1);
  CHECK(flags->member_interests[0].member == "m3");
  CHECK(flags->member_interests[0].candidates.empty());
}

TEST_CASE("Declarations: the report says who is flagged in plain words", "[declarations]") {
  Procurement p = Tiny();
  p.declarations = std::vector<PersonDeclarations>{
      {"e1", {"evaluator"}, {"Beta Ltd"}},
      {"m1", {"member"}, {"Alpha Ltd"}},
      {"m2", {"member"}, {}},
      {"m3", {"member"}, {}},
  };
  // e1 gave beta 2 scores; e2 (2 scores) and e3 (1 score) declared nothing.
  CHECK(DeclarationsSection(p) ==
        "## Conflicts of interest\n\n"
        "Everyone who influences the decision must declare any conflict of interest "
        "(Procurement Act 2023, section 81). These are for the approver's attention:\n\n"
        "- e1 declared an interest in Beta Ltd and scored Beta Care: their 2 scores are "
        "flagged for the approver's attention.\n"
        "- e2 scored the bids but has made no declaration of interests: their 2 scores are "
        "flagged for the approver's attention.\n"
        "- e3 scored the bids but has made no declaration of interests: their 1 score is "
        "flagged for the approver's attention.\n"
        "- Panel member m1 declared an interest in Alpha Ltd, the supplier of Alpha Care.\n\n");
}

TEST_CASE("Declarations: everyone declared and no interest in a bidder says so",
          "[declarations]") {
  Procurement p = Tiny();
  p.declarations = std::vector<PersonDeclarations>{
      {"e1", {"evaluator"}, {}}, {"e2", {"evaluator"}, {}}, {"e3", {"evaluator"}, {}},
      {"m1", {"member"}, {}},    {"m2", {"member"}, {}},    {"m3", {"member"}, {}},
  };
  CHECK_FALSE(FlagDeclarations(p)->any());
  CHECK(DeclarationsSection(p) ==
        "## Conflicts of interest\n\nEveryone who scored the bids or weighed the criteria "
        "declared their interests, and none declared an interest in a supplier that bid.\n\n");
}

TEST_CASE("Declarations: the JSON report has a declarations object only from a workspace",
          "[declarations]") {
  Procurement p = Tiny();
  Decision decision = Evaluate(p, {});
  CHECK(RenderJson(p, decision).find("\"declarations\"") == std::string::npos);
  p.declarations = std::vector<PersonDeclarations>{{"e1", {"evaluator"}, {"Alpha Ltd"}}};
  std::string json = RenderJson(p, decision);
  // e1's 2 scores of alpha; e2 (2) and e3 (1) undeclared; all three members undeclared.
  CHECK(json.find("\"interest_scores\": [\n      {\n        \"candidate\": \"alpha\",\n"
                  "        \"evaluator\": \"e1\",\n        \"scores\": 2,\n"
                  "        \"supplier\": \"Alpha Ltd\"") != std::string::npos);
  CHECK(json.find("\"undeclared_members\": [\n      \"m1\",\n      \"m2\",\n      \"m3\"\n") !=
        std::string::npos);
}

}  // namespace weighbridge
