// The HTML report: people's text always reaches the page escaped, and
// templates are checked before anything is rendered.
#include "weighbridge/html_report.h"

#include <catch2/catch.hpp>

#include "tests/support/procurement_builder.h"
#include "weighbridge/evaluate.h"

namespace weighbridge {
namespace {

// Two products judged on two criteria, with a hostile product name,
// criterion title and evaluator's reason.
Procurement HostileProcurement() {
  Procurement p = ProcurementBuilder()
                      .JudgedLeaf("safety")
                      .JudgedLeaf("ease")
                      .AddCandidate("a")
                      .AddCandidate("b")
                      .AddScore("e1", "a", "safety", 4)
                      .AddScore("e1", "a", "ease", 3)
                      .AddScore("e1", "b", "safety", 2)
                      .AddScore("e1", "b", "ease", 5)
                      .Build();
  p.info.title = "Case & care";
  p.candidates[0].name = "<script>alert(1)</script>";
  p.scores[0].rationale = "<b>'quoted'</b> & more";
  std::vector<Criterion> criteria = p.framework.tree.nodes();
  criteria[0].title = "Safety & \"risk\"";
  p.framework.tree = CriteriaTree(criteria);
  return p;
}

HtmlResult Render(const ReportTemplates& templates) {
  Procurement p = HostileProcurement();
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  return RenderHtml(p, Evaluate(p, options), templates);
}

bool Has(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// Whether an attribute such as onload= or onclick= appears: " on", then
// letters, then "=".
bool HasEventAttribute(const std::string& html) {
  for (std::size_t at = html.find(" on"); at != std::string::npos; at = html.find(" on", at + 1)) {
    std::size_t i = at + 3;
    while (i < html.size() && html[i] >= 'a' && html[i] <= 'z') ++i;
    if (i > at + 3 && i < html.size() && html[i] == '=') return true;
  }
  return false;
}

TEST_CASE("HTML report: a hostile product name, criterion title and reason show as text",
          "[reports]") {
  HtmlResult result = Render(DefaultReportTemplates());
  REQUIRE(result.ok);
  CHECK_FALSE(Has(result.html, "<script"));
  CHECK_FALSE(Has(result.html, "<b>"));
  CHECK(Has(result.html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(Has(result.html, "Safety &amp; &quot;risk&quot;"));
  CHECK(Has(result.html, "&lt;b&gt;&#39;quoted&#39;&lt;/b&gt; &amp; more"));
  CHECK(Has(result.html, "<title>Case &amp; care: justification report</title>"));
}

TEST_CASE("HTML report: one page with no scripts and nothing fetched from elsewhere", "[reports]") {
  HtmlResult result = Render(DefaultReportTemplates());
  REQUIRE(result.ok);
  CHECK(result.html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK_FALSE(Has(result.html, "http:"));
  CHECK_FALSE(Has(result.html, "https:"));
  CHECK_FALSE(Has(result.html, " src="));
  CHECK_FALSE(HasEventAttribute(result.html));
}

TEST_CASE("HTML report: an organisation's template replaces the shipped one of that name",
          "[reports]") {
  ReportTemplates templates = DefaultReportTemplates();
  templates.files["report"] = "<h1>{{title}}</h1>{{#sections}}[{{heading}}]{{/sections}}";
  HtmlResult result = Render(templates);
  REQUIRE(result.ok);
  CHECK(result.html.starts_with("<h1>Case &amp; care</h1>[The decision][What was bought and why][Ranking]"));
}

TEST_CASE("HTML report: partials come from the templates, never from the data", "[reports]") {
  // Each section has a field `heading`; a partial of the same name must be
  // the template, or a product name could be run as a template.
  ReportTemplates templates;
  templates.files["report"] = "{{#sections}}{{> heading}}{{/sections}}";
  templates.files["heading"] = "x";
  HtmlResult result = Render(templates);
  REQUIRE(result.ok);
  CHECK(result.html.find_first_not_of('x') == std::string::npos);
  CHECK(!result.html.empty());
}

TEST_CASE("HTML report: a template with an unclosed section fails with its line and column",
          "[reports]") {
  ReportTemplates templates = DefaultReportTemplates();
  // "<table>\n" is 8 characters, so the section opens on line 2, column 1.
  templates.files["table"] = "<table>\n{{#rows}}\n";
  HtmlResult result = Render(templates);
  CHECK_FALSE(result.ok);
  CHECK(result.html.empty());
  CHECK(result.error == "table.mustache:2:1: error: unclosed section \"rows\"");
}

TEST_CASE("HTML report: a template including one that does not exist fails", "[reports]") {
  ReportTemplates templates = DefaultReportTemplates();
  templates.files["section"] = "<p>\n  {{> sidebar}}";
  templates.paths["section"] = "mine/section.mustache";
  HtmlResult result = Render(templates);
  CHECK_FALSE(result.ok);
  CHECK(result.error ==
        "mine/section.mustache:2:3: error: includes the template 'sidebar', but there is no "
        "sidebar.mustache");
}

TEST_CASE("HTML report: without a report template there is nothing to lay out", "[reports]") {
  ReportTemplates templates;
  templates.files["table"] = "";
  HtmlResult result = Render(templates);
  CHECK_FALSE(result.ok);
  CHECK(result.error ==
        "report.mustache: error: there is no template called 'report'; it lays out the whole "
        "page and must be given");
}

TEST_CASE("HTML methodology: the published shares on a page of its own kind, without charts",
          "[reports]") {
  // Nobody weighed the two criteria, so each counts half: 50.0% in the
  // criteria table, twice. The page says what it is above the title.
  Procurement p = HostileProcurement();
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  HtmlResult result = RenderMethodologyHtml(p, Evaluate(p, options), DefaultReportTemplates());
  REQUIRE(result.ok);
  INFO(result.html);
  CHECK(Has(result.html, "<title>How bids will be assessed: Case &amp; care</title>"));
  CHECK(Has(result.html, "<p class=\"kicker\">Assessment methodology</p>"));
  std::size_t halves = 0;
  for (std::size_t at = result.html.find(">50.0%<"); at != std::string::npos;
       at = result.html.find(">50.0%<", at + 1)) {
    ++halves;
  }
  CHECK(halves == 2);
  CHECK(Has(result.html, "Safety &amp; &quot;risk&quot;"));
  CHECK_FALSE(Has(result.html, "<svg"));
  CHECK_FALSE(Has(result.html, "<script"));
}

}  // namespace
}  // namespace weighbridge
