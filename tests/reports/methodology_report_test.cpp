// The published methodology, checked against lines worked out by hand from a
// procurement and decision built here (not by the engine).
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Criterion MakeCriterion(std::string id, std::string parent, std::string title, Assess assess,
                        std::string question = {}) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = std::move(title);
  c.assess = assess;
  c.question = std::move(question);
  return c;
}

// Quality (70%): Rights and dignity (two thirds of quality: Consent and
// choice, Access to own record, half each) and Ease of maintenance (a third,
// with a minimum of 2); Price (30%, lowest-relative). A 0-5 scale.
Procurement MakeProcurement() {
  Procurement p;
  p.info.id = "cms-2026";
  p.info.title = "Case management system";
  p.info.authority = "Example County Council";
  p.info.reference = "ECC-2026-014";
  p.info.currency = "GBP";
  p.info.term_years = 7;
  p.framework.id = "social-care-digital";
  p.framework.version = "1.0.0";
  p.framework.title = "Digital products for social care";
  p.framework.scale.levels = {{0, "Unacceptable", "Does not meet the requirement."},
                              {3, "Satisfactory", "Meets the requirement."}};
  Criterion maintenance = MakeCriterion("maintenance", kQualityId, "Ease of maintenance",
                                        Assess::kJudgement, "How are updates made?");
  maintenance.minimum = 2;
  p.framework.tree = CriteriaTree(
      {MakeCriterion(kQualityId, kRootId, "Quality", Assess::kBranch),
       MakeCriterion("rights", kQualityId, "Rights and dignity", Assess::kBranch),
       MakeCriterion("rights.consent", "rights", "Consent and choice", Assess::kJudgement,
                     "How does a person give and withdraw consent?"),
       MakeCriterion("rights.access", "rights", "Access to own record", Assess::kEvidence,
                     "Can people see their own record?"),
       maintenance,
       MakeCriterion(kPriceId, kRootId, "Price", Assess::kPrice, "The whole-life cost.")});
  p.price.share = 0.3;
  p.tie_break = {{TieBreakStep::Kind::kQuality, "", {}},
                 {TieBreakStep::Kind::kCriterion, "maintenance", {}}};
  return p;
}

// Global weights as the engine would make them: a local weight times its
// parent's. Consent, access and maintenance are each 0.7 x 1/3 = 0.2333...
Decision MakeDecision() {
  const double third = 1.0 / 3;
  Decision d;
  d.weights = {{kQualityId, kRootId, 0.7, 0.7},
               {"rights", kQualityId, 2 * third, 0.7 * (2 * third)},
               {"rights.consent", "rights", 0.5, 0.5 * (0.7 * (2 * third))},
               {"rights.access", "rights", 0.5, 0.5 * (0.7 * (2 * third))},
               {"maintenance", kQualityId, third, 0.7 * third},
               {kPriceId, kRootId, 0.3, 0.3}};
  for (const char* id : {"ebe1", "ebe2", "ebe3", "prac1", "prac2"}) {
    MemberSummary m;
    m.id = id;
    m.group = id[0] == 'e' ? "ebe" : "prac";
    m.method = "points";
    d.members.push_back(m);
  }
  GroupSummary ebe;
  ebe.id = "ebe";
  ebe.title = "People who draw on care";
  ebe.members = 3;
  GroupSummary prac;
  prac.id = "prac";
  prac.title = "Practitioners";
  prac.members = 2;
  d.groups = {ebe, prac};
  return d;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines of `text` from the heading `heading` up to the next heading of
// the same or a higher level.
std::string Section(const std::string& text, const std::string& heading) {
  std::string out;
  bool inside = false;
  std::size_t level = heading.find(' ');
  for (const std::string& l : Lines(text)) {
    if (inside && l.starts_with('#') && l.find(' ') <= level) break;
    if (l == heading) inside = true;
    if (inside) out += l + "\n";
  }
  return out;
}

TEST_CASE("Methodology: opens with the title, the authority, the reference and the framework",
          "[reports]") {
  std::vector<std::string> lines = Lines(RenderMethodology(MakeProcurement(), MakeDecision()));
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "# How bids will be assessed: Case management system");
  CHECK(lines[2] ==
        "Authority: Example County Council · Reference: ECC-2026-014 · Criteria: Digital "
        "products for social care (social-care-digital, version 1.0.0)");
}

TEST_CASE("Methodology: the criteria's shares add up to exactly 100.0%", "[reports]") {
  // Leaves in tree order: consent, access, maintenance 233.33... tenths each,
  // price 300. Floors 233 x 3 + 300 = 999 (rounding each alone gives 99.9%);
  // the spare tenth goes to the first equal remainder, consent: 23.4, 23.3,
  // 23.3, 30.0. Rights = 23.4 + 23.3 = 46.7; Quality = 46.7 + 23.3 = 70.0.
  std::string md = RenderMethodology(MakeProcurement(), MakeDecision());
  CHECK(
      Section(md, "## What we will assess, and how much each part counts") ==
      "## What we will assess, and how much each part counts\n"
      "\n"
      "Each line shows how much a criterion counts towards a bid's total out of 100. The "
      "figures are rounded to 0.1% so that they add up to exactly 100%, and a heading's figure "
      "is the sum of the figures under it.\n"
      "\n"
      "| Criterion | What we ask suppliers | Share of the total |\n"
      "| --- | --- | ---: |\n"
      "| **Quality** | | 70.0% |\n"
      "| &emsp;**Rights and dignity** | | 46.7% |\n"
      "| &emsp;&emsp;Consent and choice | How does a person give and withdraw consent? | 23.4% |\n"
      "| &emsp;&emsp;Access to own record | Can people see their own record? | 23.3% |\n"
      "| &emsp;Ease of maintenance | How are updates made? | 23.3% |\n"
      "| Price | The whole-life cost. | 30.0% |\n"
      "| **Total** | | **100.0%** |\n"
      "\n"
      "The weights were set by a panel of five people in two groups: People who draw on care "
      "(three people) and Practitioners (two people). The authority set the share for price.\n"
      "\n");
}

TEST_CASE("Methodology: a heading nobody weighed is said to count equally", "[reports]") {
  Decision d = MakeDecision();
  d.unjudged = {{"rights", "nobody on the panel weighed it"}};
  std::string md = RenderMethodology(MakeProcurement(), d);
  CHECK(md.find("Practitioners (two people). Where nobody weighed the criteria under a heading, "
                "they count equally. The authority set the share for price.\n") !=
        std::string::npos);
}

TEST_CASE("Methodology: the scale with its descriptors and the moderation rule", "[reports]") {
  // The default scale: 0 to 5, moderation beyond 2 apart; halfway is 2.5.
  std::string md = RenderMethodology(MakeProcurement(), MakeDecision());
  CHECK(Section(md, "## How answers are scored") ==
        "## How answers are scored\n"
        "\n"
        "Evaluators score each answer from 0 to 5; scores in between, such as 2.5, are allowed. "
        "A score of 0 counts as 0 out of 100 on its criterion, a score of 5 as 100, and scores "
        "in between in proportion.\n"
        "\n"
        "| Score | Level | What it looks like |\n"
        "| ---: | --- | --- |\n"
        "| 0 | Unacceptable | Does not meet the requirement. |\n"
        "| 3 | Satisfactory | Meets the requirement. |\n"
        "\n"
        "Each evaluator scores on their own first. When two evaluators' scores for the same "
        "answer are more than 2 apart, they meet to agree a score, and the agreed score and the "
        "reason for it are recorded. A bid's score on a criterion is the agreed score where "
        "there is one, and otherwise the average of the evaluators' scores.\n"
        "\n");
}

TEST_CASE("Methodology: what disqualifies is the published rules list", "[reports]") {
  const Procurement p = MakeProcurement();
  std::string md = RenderMethodology(p, MakeDecision());
  std::string rules = RenderRulesList(p);
  // The rules list less its title line and the blank line after it.
  std::string body = rules.substr(rules.find("\n\n") + 2);
  CHECK(Section(md, "## What disqualifies a bid") == "## What disqualifies a bid\n\n" + body);
  CHECK(body.find("2. Minimum score, **minimum:maintenance**: a bid scoring below 2 out of 5 on "
                  "'Ease of maintenance' is disqualified.\n") != std::string::npos);
}

TEST_CASE("Methodology: price by lowest-relative, with the example worked out", "[reports]") {
  // 100 x 1,000,000 / 1,250,000 = 80; at a 30% share: 0.3 x 100 = 30.0 and
  // 0.3 x 80 = 24.0 points. Discount rate 0.035 (the default) = 3.5%.
  std::string md = RenderMethodology(MakeProcurement(), MakeDecision());
  std::string price = Section(md, "## Price");
  CHECK(price.find("Price counts for 30.0% of the total and quality for 70.0%.\n") !=
        std::string::npos);
  CHECK(price.find("Each year's cost is divided by (1 + 0.035)^year, where 0.035 is the "
                   "discount rate of 3.5% a year") != std::string::npos);
  CHECK(price.find("Price is scored by the lowest-relative method: the lowest price scores 100, "
                   "and every other bid scores 100 times the lowest price divided by its own.") !=
        std::string::npos);
  CHECK(price.find("\n    score = 100 × L ÷ P\n") != std::string::npos);
  CHECK(price.find("For example, if the lowest present value is £1,000,000 and another bid's is "
                   "£1,250,000, the lowest scores 100.0 out of 100 and the other scores 80.0. "
                   "With price counting for 30.0% of the total, they get 30.0 and 24.0 points "
                   "for price.\n") != std::string::npos);
  CHECK(price.find("split into these kinds of cost: licence, support, maintenance, hosting, "
                   "hardware, training, implementation, migration and other.") !=
        std::string::npos);
}

TEST_CASE("Methodology: a linear price example scores a quarter above the lowest as 75",
          "[reports]") {
  // Linear, zero at 2 x the lowest: 100 x (2 x 1,000,000 - 1,250,000) /
  // (2 x 1,000,000 - 1,000,000) = 100 x 750,000 / 1,000,000 = 75; 0.3 x 75 = 22.5.
  Procurement p = MakeProcurement();
  p.price.method = PriceMethod::kLinear;
  std::string price = Section(RenderMethodology(p, MakeDecision()), "## Price");
  CHECK(price.find("\n    score = 100 × (2 × L − P) ÷ (2 × L − L)\n") != std::string::npos);
  CHECK(price.find("the lowest scores 100.0 out of 100 and the other scores 75.0. With price "
                   "counting for 30.0% of the total, they get 30.0 and 22.5 points for price.") !=
        std::string::npos);
}

TEST_CASE("Methodology: the declared tie-break, step by step", "[reports]") {
  std::string md = RenderMethodology(MakeProcurement(), MakeDecision());
  CHECK(Section(md, "## If totals are the same") ==
        "## If totals are the same\n"
        "\n"
        "If two or more bids that could win have the same total, these steps tell them apart, "
        "in this order:\n"
        "\n"
        "1. The bid with the higher quality score goes first.\n"
        "2. The bid with the higher score on 'Ease of maintenance' goes first.\n"
        "\n"
        "Bids that none of these steps tells apart share their place, and the authority will "
        "decide between them and record how and why.\n");
}

TEST_CASE("Methodology: without a price share or a tie-break, quality alone and shared places",
          "[reports]") {
  Procurement p;
  p.info.title = "Quality only";
  p.framework.tree =
      CriteriaTree({MakeCriterion("usability", kRootId, "Easy to use", Assess::kJudgement)});
  Decision d;
  d.weights = {{"usability", kRootId, 1, 1}};
  std::string md = RenderMethodology(p, d);
  CHECK(Section(md, "## Price") ==
        "## Price\n\nPrice does not count towards the score. Bids are assessed on quality "
        "alone.\n\n");
  CHECK(Section(md, "## If totals are the same") ==
        "## If totals are the same\n\nIf two or more bids that could win have the same total, "
        "they share their place: no tie-break has been set, so the authority will decide "
        "between them and record how and why.\n");
  CHECK(md.find("Nobody on the panel weighed the criteria, so criteria under the same heading "
                "count equally.") != std::string::npos);
}

}  // namespace
}  // namespace weighbridge
