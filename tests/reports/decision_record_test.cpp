// The decision record, checked against sentences worked out by hand from the
// procurement and decision in sign_off_fixture.h (not from the engine).
#include <catch2/catch.hpp>
#include <string>

#include "tests/reports/sign_off_fixture.h"
#include "weighbridge/sign_off.h"

namespace weighbridge {
namespace {

TEST_CASE("Decision record: names the winner, its lead and the criteria that made it",
          "[reports]") {
  const std::string text = RenderDecisionRecord(SignOffProcurement(), SignOffDecision());
  // 78 - 59 = 19 points; differences as in the summary test, winner first.
  CHECK_THAT(
      text,
      Catch::Contains(
          "Award the contract to CareLink Case Manager (CareLink Ltd): its tender is the most "
          "advantageous, scoring 78.0 out of 100, 19.0 points ahead of Birch Care Record, ranked "
          "2.\n"));
  CHECK_THAT(text, Catch::Contains("The top-level criteria counted as published: Care 60.0% and "
                                   "Ease of maintenance 40.0%.\n"));
  CHECK_THAT(text, Catch::Contains("- Access to own record: 30.0 points (30.0 against 0.0)\n"
                                   "- Consent and choice: 3.0 points (24.0 against 21.0)\n\n"
                                   "It lost ground on:\n\n"
                                   "- Ease of maintenance: 14.0 points (24.0 against 38.0)\n"));
}

TEST_CASE("Decision record: a group whose own first choice differs is named as dissent",
          "[reports]") {
  const std::string text = RenderDecisionRecord(SignOffProcurement(), SignOffDecision());
  CHECK_THAT(
      text,
      Catch::Contains(
          "These groups' own first choice differs from the panel's:\n\n"
          "- Experts by experience (two people): on its own weights alone it would have put Birch "
          "Care Record first, not CareLink Case Manager.\n\n"));
  CHECK_THAT(text, !Catch::Contains("- Staff"));
}

TEST_CASE("Decision record: with no group dissenting it says every group agreed", "[reports]") {
  Decision d = SignOffDecision();
  d.groups[0].ranking = {"carelink", "birch"};
  CHECK_THAT(RenderDecisionRecord(SignOffProcurement(), d),
             Catch::Contains("Every group's own weights would have put CareLink Case Manager "
                             "first too.\n"));
}

TEST_CASE("Decision record: says no award can be made when nobody is eligible", "[reports]") {
  Decision d = SignOffDecision();
  for (CandidateResult& c : d.candidates) {
    c.eligible = false;
    c.rank.reset();
  }
  d.ranking.clear();
  const std::string text = RenderDecisionRecord(SignOffProcurement(), d);
  CHECK_THAT(text, Catch::Contains("No award can be made: no tender was eligible."));
  CHECK_THAT(text, Catch::Contains("| Oak Notes | Oak Ltd | 50.0 | not eligible: Excluded by the "
                                   "authority on the ground 'Late submission': Received 14:07, "
                                   "after the 12:00 deadline |\n"));
  CHECK_THAT(text, !Catch::Contains("Award the contract"));
}

TEST_CASE("Decision record: leaves room for signatures rather than claim approvals", "[reports]") {
  const std::string text = RenderDecisionRecord(SignOffProcurement(), SignOffDecision());
  CHECK_THAT(text, Catch::Contains("No approval is recorded with this decision (weighbridge "
                                   "records approvals in a workspace, with `weighbridge approve`). "
                                   "This space is for the signature of each person approving this "
                                   "decision.\n\n"
                                   "| Name | Role | Date | Signature |\n"));
}

TEST_CASE("Decision record: Markdown in names and titles is escaped", "[reports]") {
  Procurement p = SignOffProcurement();
  p.info.title = "Case *management* | phase_2";
  p.candidates[1].supplier = "Birch [Holdings]";
  const std::string text = RenderDecisionRecord(p, SignOffDecision());
  CHECK_THAT(text, Catch::StartsWith("# Decision record: Case \\*management\\* \\| phase\\_2\n"));
  CHECK_THAT(text,
             Catch::Contains("| Birch Care Record | Birch \\[Holdings\\] | 59.0 | ranked 2 |"));
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("Decision record: risks count scores needing moderation in the singular and plural",
          "[reports]") {
  Decision d = SignOffDecision();
  d.moderation.resize(1);
  d.moderation[0].candidate = "oak";
  d.moderation[0].criterion = "upkeep";
  CHECK_THAT(RenderDecisionRecord(SignOffProcurement(), d),
             Catch::Contains("- One score still needs moderation, the evaluators being too far "
                             "apart: Oak Notes on Ease of maintenance.\n"));
  d.moderation.resize(3);
  d.moderation[1].candidate = "birch";
  d.moderation[1].criterion = "care.consent";
  d.moderation[2].candidate = "oak";
  d.moderation[2].criterion = "care.consent";
  CHECK_THAT(RenderDecisionRecord(SignOffProcurement(), d),
             Catch::Contains("- Three scores still need moderation, the evaluators being too far "
                             "apart: Oak Notes on Ease of maintenance, Birch Care Record on "
                             "Consent and choice and Oak Notes on Consent and choice.\n"));
}

TEST_CASE("Decision record and summaries: a failed rule's source is given to the supplier only",
          "[reports]") {
  Decision d = SignOffDecision();
  d.candidates[1].eligible = false;
  d.candidates[1].rank.reset();
  d.candidates[1].rules.push_back(
      RuleOutcome{"dspt", "gate", "fail", "DSPT status is not 'Standards Met'.", "NHS DSPT", {}});
  d.ranking = {"carelink"};
  const Procurement p = SignOffProcurement();
  CHECK_THAT(RenderDecisionRecord(p, d),
             Catch::Contains("| not eligible: DSPT status is not 'Standards Met' |\n"));
  CHECK_THAT(RenderSupplierSummaries(p, d)[1].text,
             Catch::Contains("- DSPT status is not 'Standards Met' (source: NHS DSPT).\n"));
}

}  // namespace
}  // namespace weighbridge
