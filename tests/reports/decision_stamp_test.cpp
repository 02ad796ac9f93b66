// A decision stored in a workspace: the report and the decision record give
// its number, the audit log's head with the command that checks it, and its
// approval; without a stamp nothing of it appears. The expected lines are
// written out by hand from the stamp below.
#include <catch2/catch.hpp>
#include <string>

#include "tests/reports/sign_off_fixture.h"
#include "weighbridge/html_report.h"
#include "weighbridge/reports.h"
#include "weighbridge/sign_off.h"

namespace weighbridge {
namespace {

DecisionStamp Stamp(bool approved) {
  DecisionStamp stamp;
  stamp.number = 3;
  stamp.head = "5f1ce2";
  stamp.folder = "cms 2026";  // a space: the command shown must quote it
  if (approved) {
    stamp.approval = ApprovalStamp{"Pat Jones", "Director of Adult Social Care",
                                   "2026-04-02T10:15:00Z", "As the panel advised."};
  }
  return stamp;
}

const char* const kStampLine =
    "- This is decision 3 in the workspace; the audit log's head at that moment was `5f1ce2`. "
    "`weighbridge verify 'cms 2026' --head 5f1ce2` checks later that nothing since was "
    "removed.\n";

TEST_CASE("Decision stamp: the report gives the number, the head and the approval", "[reports]") {
  const std::string md = RenderMarkdown(SignOffProcurement(), SignOffDecision(), "", Stamp(true));
  CHECK_THAT(md, Catch::Contains(std::string(kStampLine) +
                                 "- Approved by Pat Jones (Director of Adult Social Care) at "
                                 "2026-04-02T10:15:00Z: As the panel advised.\n"));
  // Under "Reproducing this result", the report's last section.
  CHECK(md.find(kStampLine) > md.find("## Reproducing this result"));
}

TEST_CASE("Decision stamp: without a workspace the report says nothing of one", "[reports]") {
  const std::string md = RenderMarkdown(SignOffProcurement(), SignOffDecision());
  CHECK_THAT(md, !Catch::Contains("in the workspace"));
  CHECK_THAT(md, !Catch::Contains("Approved by"));
  CHECK_THAT(RenderDecisionRecord(SignOffProcurement(), SignOffDecision()),
             !Catch::Contains("in the workspace;"));
}

TEST_CASE("Decision stamp: the HTML report shows the number and head", "[reports]") {
  HtmlResult html = RenderHtml(SignOffProcurement(), SignOffDecision(), DefaultReportTemplates(),
                               "", Stamp(false));
  REQUIRE(html.ok);
  CHECK_THAT(html.html, Catch::Contains("This is decision 3 in the workspace; the audit log"));
  CHECK_THAT(html.html, Catch::Contains("<code>weighbridge verify &#39;cms 2026&#39; --head "
                                        "5f1ce2</code>"));
}

TEST_CASE("Decision record: an approved decision shows who approved it, as recorded",
          "[reports]") {
  const std::string text =
      RenderDecisionRecord(SignOffProcurement(), SignOffDecision(), Stamp(true));
  CHECK_THAT(text, Catch::Contains("## Approvals\n\nDecision 3 was approved in the workspace, and "
                                   "the approval is in its audit log:\n\n"
                                   "| Name | Role | Date | Note |\n"
                                   "| --- | --- | --- | --- |\n"
                                   "| Pat Jones | Director of Adult Social Care | "
                                   "2026-04-02T10:15:00Z | As the panel advised. |\n"));
  CHECK_THAT(text, !Catch::Contains("Signature"));
  CHECK_THAT(text, Catch::EndsWith(kStampLine));
}

TEST_CASE("Decision record: a stored decision not yet approved leaves room to sign",
          "[reports]") {
  const std::string text =
      RenderDecisionRecord(SignOffProcurement(), SignOffDecision(), Stamp(false));
  CHECK_THAT(text, Catch::Contains("Decision 3 is not approved in the workspace yet: `weighbridge "
                                   "approve` records it. This space is for the signature of each "
                                   "person approving this decision.\n\n"
                                   "| Name | Role | Date | Signature |\n"));
  CHECK_THAT(text, Catch::Contains(kStampLine));
}

}  // namespace
}  // namespace weighbridge
