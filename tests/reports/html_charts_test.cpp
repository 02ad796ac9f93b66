// The charts' geometry worked out by hand: the axis is 360 units wide from
// x = 300 (svg_bars.h), so a value v out of 100 is 3.6 v wide; the first row
// is at y = 8 and each further row 28 below.
#include "reports/html_charts.h"

#include <catch2/catch.hpp>

#include "tests/support/decision_builder.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

const HtmlChart* Titled(const std::vector<HtmlChart>& charts, const std::string& title) {
  for (const HtmlChart& c : charts) {
    if (c.title == title) return &c;
  }
  return nullptr;
}

bool Has(const std::string& svg, const std::string& text) { return svg.find(text) != std::string::npos; }

TEST_CASE("HTML charts: each total is a bar of its criteria's points", "[reports]") {
  Procurement p = ProcurementBuilder().JudgedLeaf("care").JudgedLeaf("tech").AddCandidate("a").Build();
  Decision d = DecisionBuilder()
                   .Node("care", "root", 0.6)
                   .Node("tech", "root", 0.4)
                   .Candidate("a", {{"care", 80}, {"tech", 40}})
                   .Build();
  // Points: care 0.6 x 80 = 48, tech 0.4 x 40 = 16; total 64.
  d.candidates[0].criteria[0].contribution = 48;
  d.candidates[0].criteria[1].contribution = 16;
  d.sensitivity.skipped = true;
  const std::vector<HtmlChart> charts = ReportCharts(p, d);
  const HtmlChart* chart = Titled(charts, "The points making up each product's total");
  REQUIRE(chart);
  // 48 -> 3.6 x 48 = 172.8 wide from 300; 16 -> 57.6 wide from 472.8.
  CHECK(Has(chart->svg, R"(<rect x="300" y="8" width="172.8" height="18")"));
  CHECK(Has(chart->svg, R"(<rect x="472.8" y="8" width="57.6" height="18")"));
  REQUIRE(chart->table.has_value());
  CHECK(chart->table->header == std::vector<std::string>{"Product", "care", "tech", "Total out of 100"});
  CHECK(chart->table->rows == std::vector<std::vector<std::string>>{{"a", "48.0", "16.0", "64.0"}});
}

TEST_CASE("HTML charts: the leaves under a top-level criterion make one piece of the bar",
          "[reports]") {
  Procurement p = ProcurementBuilder()
                      .Branch("care")
                      .JudgedLeaf("care.a", "care")
                      .JudgedLeaf("care.b", "care")
                      .JudgedLeaf("tech")
                      .AddCandidate("x")
                      .Build();
  Decision d = DecisionBuilder()
                   .Node("care", "root", 0.5)
                   .Node("care.a", "care", 0.5)
                   .Node("care.b", "care", 0.5)
                   .Node("tech", "root", 0.5)
                   .Candidate("x", {{"care.a", 80}, {"care.b", 40}, {"tech", 60}})
                   .Build();
  // Global weights 0.25, 0.25, 0.5: points 20, 10 and 30; care's piece is
  // 20 + 10 = 30, as wide as tech's: 3.6 x 30 = 108, from 300 and 408.
  for (CriterionResult& r : d.candidates[0].criteria) r.contribution = r.score * r.weight;
  d.sensitivity.skipped = true;
  const std::vector<HtmlChart> charts = ReportCharts(p, d);
  const HtmlChart* chart = Titled(charts, "The points making up each product's total");
  REQUIRE(chart);
  CHECK(Has(chart->svg, R"(<rect x="300" y="8" width="108" height="18")"));
  CHECK(Has(chart->svg, R"(<rect x="408" y="8" width="108" height="18")"));
}

TEST_CASE("HTML charts: rank acceptability stacks each product's share of each place",
          "[reports]") {
  Procurement p = ProcurementBuilder().JudgedLeaf("care").AddCandidate("a").AddCandidate("b").Build();
  Decision d = DecisionBuilder()
                   .Node("care", "root", 1)
                   .Candidate("a", {{"care", 80}})
                   .Candidate("b", {{"care", 70}})
                   .Build();
  SmaaResult& smaa = d.sensitivity.smaa;
  smaa.ran = true;
  smaa.samples = 100;
  smaa.candidates = {"a", "b"};
  smaa.acceptability = {{0.75, 0.25}, {0.25, 0.75}};
  const std::vector<HtmlChart> charts = ReportCharts(p, d);
  const HtmlChart* chart = Titled(charts, "How often each product took each place");
  REQUIRE(chart);
  // b, the second row (y = 36): first place 25% -> 90 wide from 300; second
  // place 75% -> 270 wide from 390.
  CHECK(Has(chart->svg, R"(<rect x="300" y="36" width="90" height="18")"));
  CHECK(Has(chart->svg, R"(<rect x="390" y="36" width="270" height="18")"));
  REQUIRE(chart->table.has_value());
  CHECK(chart->table->rows ==
        std::vector<std::vector<std::string>>{{"a", "75.0%", "25.0%"}, {"b", "25.0%", "75.0%"}});
}

TEST_CASE("HTML charts: a stability interval spans the weights that keep the winner first",
          "[reports]") {
  Procurement p = ProcurementBuilder().JudgedLeaf("care").JudgedLeaf("tech").AddCandidate("a").AddCandidate("b").Build();
  Decision d = DecisionBuilder()
                   .Node("care", "root", 0.6)
                   .Node("tech", "root", 0.4)
                   .Candidate("a", {{"care", 80}, {"tech", 40}})
                   .Candidate("b", {{"care", 40}, {"tech", 70}})
                   .Build();
  StabilityInterval care;
  care.criterion = "care";
  care.weight = 0.6;
  care.winner_lower = 0.25;
  care.winner_upper = 0.9;
  d.sensitivity.stability = {care};
  const std::vector<HtmlChart> charts = ReportCharts(p, d);
  const HtmlChart* chart = Titled(charts, "How far each weight can move before the winner changes");
  REQUIRE(chart);
  // From 25% (x = 300 + 90 = 390), 65 points wide (234); today's 60% is
  // marked by a bar 4 wide centred on 300 + 216 = 516.
  CHECK(Has(chart->svg, R"(<rect x="390" y="8" width="234" height="18")"));
  CHECK(Has(chart->svg, R"(<rect x="514" y="5" width="4" height="24")"));
}

TEST_CASE("HTML charts: no groups, no group chart; no analysis, no robustness charts",
          "[reports]") {
  Procurement p = ProcurementBuilder().JudgedLeaf("care").AddCandidate("a").Build();
  Decision d = DecisionBuilder().Node("care", "root", 1).Candidate("a", {{"care", 50}}).Build();
  d.sensitivity.skipped = true;
  std::vector<HtmlChart> charts = ReportCharts(p, d);
  REQUIRE(charts.size() == 1);
  CHECK(charts[0].title == "The points making up each product's total");
}

}  // namespace
}  // namespace weighbridge
