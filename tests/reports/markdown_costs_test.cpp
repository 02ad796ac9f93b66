// The report's costs section and tie sentences, from decisions built here by
// hand, so they hold whatever the engine computes.
#include <catch2/catch.hpp>

#include "reports/markdown_costs.h"
#include "reports/markdown_text.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Procurement Bids() {
  Procurement p;
  p.info.id = "p";
  p.info.title = "P";
  p.info.currency = "GBP";
  p.info.term_years = 2;
  p.costs.discount_rate = 0.035;
  p.costs.uplift = 0.02;
  p.candidates.resize(2);
  p.candidates[0].id = "a";
  p.candidates[0].name = "Alder";
  p.candidates[1].id = "b";
  p.candidates[1].name = "Birch";
  return p;
}

CandidateResult Bid(std::string id, std::string name, double total, int rank, double pv) {
  CandidateResult c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.total = total;
  c.rank = rank;
  c.quality = 50;
  CostResult cost;
  cost.whole_life = pv + 100;
  cost.present_value = pv;
  cost.maintenance_share = 0.25;
  cost.annual_mean = (pv + 100) / 2;
  cost.price_per_quality_point = pv / 50;
  cost.by_year = {{0, 1000, 1000, {{"licence", 0}, {"support", 1000}}},
                  {1, 2000.4, 1932.8, {{"licence", 2000.4}, {"support", 0}}},
                  {2, 0, 0, {{"licence", 0}, {"support", 0}}}};
  c.cost = cost;
  CriterionResult price;
  price.criterion = "price";
  price.score = 100.0 * 2000 / pv;
  c.criteria = {price};
  return c;
}

Decision TwoPriced() {
  Decision d;
  d.candidates = {Bid("a", "Alder", 70, 1, 3000), Bid("b", "Birch", 60, 2, 2000)};
  d.ranking = {"a", "b"};
  PriceSummary s;
  s.share = 0.3;
  s.method = "lowest-relative";
  s.scored = true;
  s.pool = {"a", "b"};
  s.lowest = 2000;
  s.winner = "a";
  s.above = ShareSwitch{0.4567, "b"};
  s.removals = {{"b", false, {"a"}}};
  d.price = s;
  return d;
}

TEST_CASE("Costs report: says how costs were discounted and grown", "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.starts_with("## Whole-life cost and price\n\nEach bid priced the whole 2-year term"));
  CHECK(text.find("discounts each year's costs at 3.5% a year (a real rate, as in HM "
                  "Treasury's Green Book)") != std::string::npos);
  CHECK(text.find("Annual and per-user costs rise by 2% a year above inflation from year 2.") !=
        std::string::npos);
}

TEST_CASE("Costs report: one summary row per bid with its maintenance share", "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.find("| Alder | £3,100 | £3,000 | £1,550 | 25.0% | 66.7 | £60 |\n") !=
        std::string::npos);
  CHECK(text.find("| Birch | £2,100 | £2,000 | £1,050 | 25.0% | 100.0 | £40 |\n") !=
        std::string::npos);
}

TEST_CASE("Costs report: says how price was scored and among which bids", "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.find("Price counts for 30% of the total and quality for 70%. Price is scored on "
                  "each bid's present value with the lowest-relative formula") !=
        std::string::npos);
  CHECK(text.find("(the price pool: Alder and Birch): £2,000, from Birch.") != std::string::npos);
}

TEST_CASE("Costs report: the price share at which the winner would change, in plain words",
          "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.find("Alder comes first with price at 30%. It would stay first for any price share "
                  "from 0% to 45.7%. Above 45.7%, Birch would come first.") != std::string::npos);
  Decision steady = TwoPriced();
  steady.price->above.reset();
  CHECK(CostsSection(Bids(), steady).find("It would come first whatever share price had, from 0% "
                                          "to 100%.") != std::string::npos);
}

TEST_CASE("Costs report: whether leaving out one losing bid changes the order", "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.find("Had any one of the losing bids in the price pool not been made, the order of "
                  "the others would be the same.") != std::string::npos);
  Decision swayed = TwoPriced();
  swayed.price->removals = {{"b", true, {"a"}}};
  CHECK(CostsSection(Bids(), swayed).find("- without Birch: Alder, in that order.") !=
        std::string::npos);
}

TEST_CASE("Costs report: an empty pool says why price was not scored", "[reports][cost]") {
  Decision d = TwoPriced();
  d.price->scored = false;
  d.price->pool.clear();
  d.price->lowest.reset();
  d.price->reason = "no bid passed every must-have that does not depend on price";
  CHECK(CostsSection(Bids(), d).find("This time price was not scored: no bid passed every "
                                     "must-have that does not depend on price. Every product's "
                                     "price score is 0.") != std::string::npos);
}

TEST_CASE("Costs report: flags are listed with their reasons", "[reports][cost]") {
  Decision d = TwoPriced();
  d.candidates[1].cost->flags = {{"no-maintenance", "Nothing priced for upkeep.", {}}};
  std::string text = CostsSection(Bids(), d);
  CHECK(text.find("- **Birch**, no upkeep priced: Nothing priced for upkeep.\n") !=
        std::string::npos);
  CHECK(CostsSection(Bids(), TwoPriced()).find("No bid's costs raised a flag.") !=
        std::string::npos);
}

TEST_CASE("Costs report: a year-by-year table per bid, with the whole term", "[reports][cost]") {
  std::string text = CostsSection(Bids(), TwoPriced());
  CHECK(text.find("**Alder**\n\n| Year | Licence | Support | Total | Present value |\n"
                  "| --- | ---: | ---: | ---: | ---: |\n"
                  "| 0 | £0 | £1,000 | £1,000 | £1,000 |\n"
                  "| 1 | £2,000 | £0 | £2,000 | £1,933 |\n"
                  "| 2 | £0 | £0 | £0 | £0 |\n"
                  "| Whole term | £2,000 | £1,000 | **£3,100** | **£3,000** |\n") !=
        std::string::npos);
}

TEST_CASE("Costs report: left out when there are no costs and no price", "[reports][cost]") {
  Decision d;
  CandidateResult c;
  c.id = "a";
  d.candidates = {c};
  CHECK(CostsSection(Bids(), d).empty());
}

TEST_CASE("Tie sentences: a tie with no tie-break declared stays shared", "[reports][cost]") {
  Decision d = TwoPriced();
  d.candidates[1].total = 70;
  d.ties = {{{"a", "b"}, {}, {{"a", "b"}}}};
  CHECK(TieSentences(Bids(), d) ==
        "Alder and Birch have the same total, 70.0 out of 100. No tie-break was declared before "
        "scoring, so they share a rank; the tie must be settled by a documented decision, not by "
        "the order they are listed in.\n\n");
}

TEST_CASE("Tie sentences: the declared tie-break and the order it gave", "[reports][cost]") {
  Procurement p = Bids();
  TieBreakStep quality;
  quality.kind = TieBreakStep::Kind::kQuality;
  TieBreakStep price;
  price.kind = TieBreakStep::Kind::kPrice;
  p.tie_break = {quality, price};
  Decision d = TwoPriced();
  d.candidates[1].total = 70;
  d.ties = {{{"a", "b"}, {"price"}, {{"b"}, {"a"}}}};
  CHECK(TieSentences(p, d) ==
        "Alder and Birch have the same total, 70.0 out of 100. The tie-break declared before "
        "scoring is the higher quality score and the lower present value. It put them in this "
        "order: Birch, then Alder.\n\n");
  Procurement three = p;
  three.candidates.push_back(Candidate{});
  three.candidates.back().id = "c";
  Decision shared = d;
  shared.candidates.push_back(Bid("c", "Cedar", 70, 2, 2000));
  shared.ties = {{{"a", "b", "c"}, {"quality"}, {{"a"}, {"b", "c"}}}};
  CHECK(TieSentences(three, shared).find("It put them in this order: Alder, then Birch and Cedar "
                                         "together. Those it could not tell apart share a "
                                         "rank.") != std::string::npos);
  d.ties = {{{"a", "b"}, {}, {{"a", "b"}}}};
  CHECK(TieSentences(p, d).find("It could not tell them apart, so they share a rank.") !=
        std::string::npos);
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("Markdown: a winner ranked first by the tie-break is not said to lead on points",
          "[reports][cost]") {
  Decision d = TwoPriced();
  d.candidates[1].total = 70;  // Birch ties Alder on 70; the tie-break put Alder first
  d.ties = {{{"a", "b"}, {"quality"}, {{"a"}, {"b"}}}};
  const std::string md = RenderMarkdown(Bids(), d);
  CHECK(md.find("Alder comes first on the tie-break declared before scoring: Birch scored the "
                "same total, 70.0 out of 100.\n") != std::string::npos);
  CHECK(md.find("points ahead of") == std::string::npos);
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("Markdown text: a name ending in s takes the apostrophe alone", "[reports]") {
  CHECK(Possessive("Birch Care Record") == "Birch Care Record's");
  CHECK(Possessive("Meridian Adults") == "Meridian Adults'");
  CHECK(Possessive("Commissioners") == "Commissioners'");
  CHECK(Possessive("") == "'s");
}

}  // namespace
}  // namespace weighbridge
