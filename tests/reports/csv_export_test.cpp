// The evaluation matrix as CSV: RFC 4180 quoting, formula neutralising, and
// whole files worked out by hand from a decision built here.
#include "reports/csv_export.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Criterion MakeCriterion(std::string id, std::string parent, Assess assess) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = c.id;
  c.assess = assess;
  return c;
}

// Declared with maintenance between the branch and its leaves, so that the
// tree's depth-first order (consent, access, maintenance) is not the
// declaration order.
Procurement MakeProcurement() {
  Procurement p;
  p.framework.tree = CriteriaTree({MakeCriterion("rights", kRootId, Assess::kBranch),
                                   MakeCriterion("maintenance", kRootId, Assess::kJudgement),
                                   MakeCriterion("rights.consent", "rights", Assess::kJudgement),
                                   MakeCriterion("rights.access", "rights", Assess::kEvidence)});
  return p;
}

CandidateResult Result(std::string id, std::string name, std::optional<int> rank, double total,
                       std::vector<std::pair<double, double>> score_and_points) {
  CandidateResult r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.rank = rank;
  r.eligible = rank.has_value();
  r.total = total;
  const std::vector<std::string> leaves = {"rights.consent", "rights.access", "maintenance"};
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    CriterionResult line;
    line.criterion = leaves[i];
    line.score = score_and_points[i].first;
    line.contribution = score_and_points[i].second;
    r.criteria.push_back(line);
  }
  return r;
}

// Weights 0.25, 0.25, 0.5 (exact in binary, so the cells are exact too):
//   carelink 0.25x80 + 0.25x100 + 0.5x60 = 20 + 25 + 30   = 75, ranked 1
//   birch    0.25x70 + 0.25x0   + 0.5x95 = 17.5 + 0 + 47.5 = 65, ranked 2
//   oak      0.25x0  + 0.25x100 + 0.5x50 = 0 + 25 + 25     = 50, not eligible
Decision MakeDecision() {
  Decision d;
  d.candidates = {
      Result("carelink", "CareLink Case Manager", 1, 75, {{80, 20}, {100, 25}, {60, 30}}),
      Result("birch", "Birch, \"the\" Record", 2, 65, {{70, 17.5}, {0, 0}, {95, 47.5}}),
      Result("oak", "=HYPERLINK(\"http://x\")", std::nullopt, 50, {{0, 0}, {100, 25}, {50, 25}})};
  return d;
}

const std::string kHeader =
    "id,name,eligible,rank,total,score:rights.consent,score:rights.access,score:maintenance,"
    "contribution:rights.consent,contribution:rights.access,contribution:maintenance\r\n";

}  // namespace

TEST_CASE("CSV: text with a comma, a quote or a line break is quoted as RFC 4180 asks",
          "[reports]") {
  CHECK(CsvTextCell("Oak Notes") == "Oak Notes");
  CHECK(CsvTextCell("") == "");
  CHECK(CsvTextCell("Smith, Jones") == "\"Smith, Jones\"");
  CHECK(CsvTextCell("Say \"hi\"") == "\"Say \"\"hi\"\"\"");
  CHECK(CsvTextCell("two\nlines") == "\"two\nlines\"");
  CHECK(CsvTextCell("two\r\nlines") == "\"two\r\nlines\"");
}

TEST_CASE("CSV: text starting with = + - @ tab or carriage return is neutralised with a quote",
          "[reports]") {
  CHECK(CsvTextCell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(CsvTextCell("+44 1632 960000") == "'+44 1632 960000");
  CHECK(CsvTextCell("-2+3") == "'-2+3");
  CHECK(CsvTextCell("@cmd") == "'@cmd");
  CHECK(CsvTextCell("\tTabbed") == "'\tTabbed");
  // A carriage return also needs quoting; the quote mark goes inside.
  CHECK(CsvTextCell("\r=1") == "\"'\r=1\"");
  CHECK(CsvTextCell("=1,2") == "\"'=1,2\"");
  // Only the first character matters.
  CHECK(CsvTextCell("a=b") == "a=b");
}

TEST_CASE("CSV: numbers stay numbers, negative ones included", "[reports]") {
  CHECK(CsvNumberCell(-8) == "-8");
  CHECK(CsvNumberCell(47.5) == "47.5");
  CHECK(CsvNumberCell(100) == "100");
  CHECK(CsvNumberCell(-0.0) == "0");
}

TEST_CASE("CSV: one row per candidate in file order, scores then contributions in tree order",
          "[reports]") {
  CHECK(RenderCsv(MakeProcurement(), MakeDecision()) ==
        kHeader +
            "carelink,CareLink Case Manager,yes,1,75,80,100,60,20,25,30\r\n"
            "birch,\"Birch, \"\"the\"\" Record\",yes,2,65,70,0,95,17.5,0,47.5\r\n"
            "oak,\"'=HYPERLINK(\"\"http://x\"\")\",no,,50,0,100,50,0,25,25\r\n");
}

// Birch's total capped at 60: a "total" line of 60 - 65 = -5, so its
// contributions 17.5 + 0 + 47.5 - 5 = 60 still add up to its total. The
// others lost nothing to a cap: 0. The -5 is a number, not neutralised.
TEST_CASE("CSV: a cap on a total adds a contribution:total column that keeps rows adding up",
          "[reports]") {
  Decision d = MakeDecision();
  CriterionResult cap;
  cap.criterion = "total";
  cap.contribution = -5;
  d.candidates[1].criteria.push_back(cap);
  d.candidates[1].total = 60;
  std::string csv = RenderCsv(MakeProcurement(), d);
  CHECK(csv.starts_with(kHeader.substr(0, kHeader.size() - 2) + ",contribution:total\r\n"));
  CHECK(csv.find("\r\ncarelink,CareLink Case Manager,yes,1,75,80,100,60,20,25,30,0\r\n") !=
        std::string::npos);
  CHECK(csv.find(",yes,2,60,70,0,95,17.5,0,47.5,-5\r\n") != std::string::npos);
}

TEST_CASE("CSV: an id starting with a formula character is neutralised too", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[0].id = "-carelink";
  CHECK(RenderCsv(MakeProcurement(), d).find("\r\n'-carelink,CareLink") != std::string::npos);
}

}  // namespace weighbridge
