// Assessment summaries, checked against sentences worked out by hand from the
// procurement and decision in sign_off_fixture.h (not from the engine).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/reports/sign_off_fixture.h"
#include "weighbridge/sign_off.h"

namespace weighbridge {
namespace {

SupplierSummary SummaryOf(const Procurement& p, const Decision& d, const std::string& id) {
  for (SupplierSummary& s : RenderSupplierSummaries(p, d)) {
    if (s.candidate_id == id) return s;
  }
  FAIL("no summary for " << id);
  return {};
}

TEST_CASE(
    "Assessment summaries: an unsuccessful supplier is told where it fell short of the "
    "winner, in points",
    "[reports]") {
  const std::string text = SummaryOf(SignOffProcurement(), SignOffDecision(), "birch").text;
  // Winner minus Birch: Access 30 - 0 = 30; Consent 24 - 21 = 3; Ease of
  // maintenance 24 - 38 = -14 (in Birch's favour). Totals 78 - 59 = 19.
  CHECK_THAT(
      text,
      Catch::Contains(
          "The contract is to be awarded to CareLink Case Manager (CareLink Ltd), whose tender "
          "scored 78.0 out of 100. Your tender scored 59.0, 19.0 points fewer.\n\n"
          "Where your tender fell short of the winning tender, largest first:\n\n"
          "- Access to own record: 30.0 points (yours 0.0, the winning tender's 30.0)\n"
          "- Consent and choice: 3.0 points (yours 21.0, the winning tender's 24.0)\n\n"
          "Where your tender scored more than the winning tender, largest first:\n\n"
          "- Ease of maintenance: 14.0 points (yours 38.0, the winning tender's 24.0)\n"));
}

TEST_CASE("Assessment summaries: what a higher score needed is the next described level up",
          "[reports]") {
  const Procurement p = SignOffProcurement();
  const Decision d = SignOffDecision();
  // Birch: 3.5 lies between Satisfactory (3) and Good (4), so Good; 4.75 is
  // below Excellent (5). CareLink's 3 is exactly Satisfactory: the next is 4.
  const std::string birch = SummaryOf(p, d, "birch").text;
  CHECK_THAT(birch, Catch::Contains("Score used: 3.5 out of 5. A score of 4 (Good) needed: All "
                                    "that was asked, shown in use.\n"));
  CHECK_THAT(birch, Catch::Contains("Score used: 4.75 out of 5. A score of 5 (Excellent) "
                                    "needed: All that was asked, shown in use by people who "
                                    "draw on care.\n"));
  CHECK_THAT(SummaryOf(p, d, "carelink").text,
             Catch::Contains("Score used: 3 out of 5. A score of 4 (Good) needed"));
}

TEST_CASE("Assessment summaries: the evaluators' reasons and evidence references explain a score",
          "[reports]") {
  const std::string text = SummaryOf(SignOffProcurement(), SignOffDecision(), "birch").text;
  CHECK_THAT(text, Catch::Contains("- An evaluator scored 3.5 out of 5: Consent is recorded but "
                                   "not reviewed (in your tender: Section 4.2).\n"));
  // Access: Birch answered "none", which the levels map scores 0.
  CHECK_THAT(text, Catch::Contains("Your answer on 'record\\_access': 'none', which scores 0.0 "
                                   "out of 100 ('none' scores 0, 'partial' scores 60 and 'full' "
                                   "scores 100).\n"));
}

TEST_CASE("Assessment summaries: criteria show the published shares, sub-totals and the total",
          "[reports]") {
  const std::string text = SummaryOf(SignOffProcurement(), SignOffDecision(), "birch").text;
  // Care's sub-total is Birch's Consent 21 + Access 0 = 21; its share 30% + 30%.
  CHECK_THAT(text, Catch::Contains("| **Care** | 60.0% | | **21.0** |\n"
                                   "| &emsp;Consent and choice | 30.0% | 3.5 out of 5 (70.0 out "
                                   "of 100) | 21.0 |\n"));
  CHECK_THAT(text, Catch::Contains("| **Total** | **100.0%** | | **59.0** |\n"));
}

TEST_CASE(
    "Assessment summaries: a summary missing supplier_id and email warns naming exactly "
    "those",
    "[reports]") {
  const Procurement p = SignOffProcurement();
  const Decision d = SignOffDecision();
  const SupplierSummary birch = SummaryOf(p, d, "birch");
  REQUIRE(birch.warnings.size() == 1);
  CHECK(birch.warnings[0] ==
        "the assessment summary for 'birch' has no supplier_id and email: add them to the "
        "candidate in candidates.toml");
  CHECK_THAT(birch.text, Catch::Contains("- Unique identifier: not recorded\n"
                                         "- Postal address: 2 Low Road, Swansea\n"
                                         "- Email address: not recorded\n"));
  CHECK(SummaryOf(p, d, "carelink").warnings.empty());
}

TEST_CASE("Assessment summaries: an excluded supplier is given the ground and the reason",
          "[reports]") {
  const std::string text = SummaryOf(SignOffProcurement(), SignOffDecision(), "oak").text;
  CHECK_THAT(text, Catch::Contains("Your tender could not be awarded the contract because:\n\n"
                                   "- Excluded by the authority on the ground 'Late submission': "
                                   "Received 14:07, after the 12:00 deadline.\n"));
  // Oak is not compared with the winner: exclusion is its reason.
  CHECK_THAT(text, !Catch::Contains("CareLink"));
}

TEST_CASE("Assessment summaries: a summary names no supplier but its own and the winner's",
          "[reports]") {
  const Procurement p = SignOffProcurement();
  const Decision d = SignOffDecision();
  const std::string winner = SummaryOf(p, d, "carelink").text;
  CHECK_THAT(winner, !Catch::Contains("Birch"));
  CHECK_THAT(winner, !Catch::Contains("Oak"));
  CHECK_THAT(winner, !Catch::Contains("not being awarded"));
  CHECK_THAT(SummaryOf(p, d, "birch").text, !Catch::Contains("Oak"));
}

TEST_CASE("Assessment summaries: Markdown in a product's name is escaped", "[reports]") {
  Procurement p = SignOffProcurement();
  Decision d = SignOffDecision();
  d.candidates[2].name = "Oak_Notes <b>*beta*</b>";
  CHECK_THAT(SummaryOf(p, d, "oak").text,
             Catch::StartsWith("# Assessment summary: Oak\\_Notes \\<b\\>\\*beta\\*\\</b\\>\n"));
}

TEST_CASE("Assessment summaries: one file per candidate, named from its id", "[reports]") {
  const std::vector<SupplierSummary> all =
      RenderSupplierSummaries(SignOffProcurement(), SignOffDecision());
  REQUIRE(all.size() == 3);
  CHECK(all[0].file_name == "assessment-summary-carelink.md");
  CHECK(all[1].file_name == "assessment-summary-birch.md");
  CHECK(all[2].file_name == "assessment-summary-oak.md");
}

}  // namespace
}  // namespace weighbridge
