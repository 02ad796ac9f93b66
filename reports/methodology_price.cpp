// Price, for bidders: the formula in words and in symbols, and an example
// worked by the engine's own PriceScore, so that the published example can
// never disagree with how bids are then scored. docs/methods.md, "Price".
#include "reports/methodology_price.h"

#include <fmt/core.h>

#include <vector>

#include "reports/number_format.h"
#include "weighbridge/costs.h"

namespace weighbridge {
namespace {

// The two made-up present values of the worked example: round numbers, the
// second a quarter above the first, so that every method gives a score
// between 0 and 100 at its default settings.
constexpr double kExampleLowest = 1000000;
constexpr double kExampleOther = 1250000;

std::string Tenths(long long tenths) { return FormatFixed(static_cast<double>(tenths) / 10, 1); }

struct Formula {
  std::string words;    // how the score is worked out, in plain words
  std::string symbols;  // the same, with L the lowest and P the bid's own
};

Formula FormulaOf(const PriceSettings& price) {
  switch (price.method) {
    case PriceMethod::kLinear: {
      const std::string z = FormatAsGiven(price.zero_at_ratio);
      return {"the lowest price scores 100, a price " + z +
                  " times the lowest scores 0, and the scores of prices in between fall in a "
                  "straight line",
              "score = 100 × (" + z + " × L − P) ÷ (" + z + " × L − L)"};
    }
    case PriceMethod::kDeductPerPercent: {
      const std::string d = FormatAsGiven(price.points_per_percent);
      return {"the lowest price scores 100, and a bid loses " + d +
                  (price.points_per_percent == 1 ? " point" : " points") +
                  " for each 1% its price is above the lowest",
              "score = 100 − " + d + " × (P − L) ÷ L × 100"};
    }
    case PriceMethod::kLog: {
      const std::string a = FormatAsGiven(price.log_zero_at);
      return {"the lowest price scores 100 and a price " + a +
                  " times the lowest scores 0; the score falls fastest just above the lowest "
                  "price",
              "score = 100 × (1 − ln(P ÷ L) ÷ ln(" + a + "))"};
    }
    case PriceMethod::kLowestRelative:
    case PriceMethod::kQualityOnly:
      break;
  }
  return {
      "the lowest price scores 100, and every other bid scores 100 times the lowest price "
      "divided by its own",
      "score = 100 × L ÷ P"};
}

std::string PresentValue(const Procurement& p) {
  const double rate = p.costs.discount_rate;
  std::string out = fmt::format(
      "A bid's price is its whole-life cost over the {}-year term, as a present value. ",
      p.info.term_years);
  if (rate == 0) return out + "Costs are not discounted: the present value is the total cost.\n\n";
  return out + fmt::format(
                   "Each year's cost is divided by (1 + {0})^year, where {0} is the discount rate "
                   "of {1} a year, so that a cost later in the contract counts for less than the "
                   "same cost now. One-off costs before the service starts are not discounted.\n\n",
                   FormatAsGiven(rate), FormatFixed(rate * 100, 1) + "%");
}

std::string Example(const Procurement& p) {
  const std::string& currency = p.info.currency;
  const double lowest_score = PriceScore(p.price, kExampleLowest, kExampleLowest);
  const double other_score = PriceScore(p.price, kExampleOther, kExampleLowest);
  return fmt::format(
      "For example, if the lowest present value is {} and another bid's is {}, the lowest scores "
      "{} out of 100 and the other scores {}. With price counting for {} of the total, they get "
      "{} and {} points for price.\n\n",
      FormatMoney(kExampleLowest, currency), FormatMoney(kExampleOther, currency),
      FormatOneDecimal(lowest_score), FormatOneDecimal(other_score), FormatPercent(p.price.share),
      FormatOneDecimal(p.price.share * lowest_score),
      FormatOneDecimal(p.price.share * other_score));
}

std::string CostInformation(const Procurement& p) {
  std::vector<std::string> categories;
  for (CostCategory c : AllCostCategories()) categories.push_back(CostCategoryName(c));
  std::string out = fmt::format(
      "### What bidders must tell us about cost\n\n"
      "Every bid must give its costs for the whole {}-year term, in today's money, split into "
      "these kinds of cost: {}. For each, say whether it is:\n\n",
      p.info.term_years, JoinPlainList(categories));
  out +=
      "- a one-off cost, before the service starts;\n"
      "- a yearly cost, in every year of the contract;\n"
      "- a yearly cost for each user;\n"
      "- a cost every few years (for example, replacing equipment every three years), saying "
      "how often;\n"
      "- a cost of leaving at the end of the contract.\n\n";
  if (p.costs.users) {
    out += fmt::format("Costs for each user are for {} users in the first year.",
                       FormatAsGiven(*p.costs.users));
    if (p.costs.user_growth != 0) {
      out += fmt::format(" The number of users is expected to change by {} a year after that.",
                         FormatFixed(p.costs.user_growth * 100, 1) + "%");
    }
    out += "\n\n";
  }
  if (p.costs.uplift != 0) {
    out += fmt::format(
        "Yearly costs are taken to rise by {} a year above inflation from the "
        "second year.\n\n",
        FormatFixed(p.costs.uplift * 100, 1) + "%");
  }
  return out;
}

bool CostsAsked(const Procurement& p) {
  if (p.price.share > 0 || p.budget) return true;
  for (const TieBreakStep& step : p.tie_break) {
    if (step.kind == TieBreakStep::Kind::kPrice) return true;
  }
  return false;
}

}  // namespace

std::string MethodologyPriceSection(const Procurement& procurement, long long price_tenths) {
  const Procurement& p = procurement;
  std::string out = "## Price\n\n";
  if (p.price.share <= 0) {
    out += p.price.method == PriceMethod::kQualityOnly
               ? "The price is fixed. Bids are assessed on quality alone.\n\n"
               : "Price does not count towards the score. Bids are assessed on quality alone.\n\n";
    return CostsAsked(p) ? out + CostInformation(p) : out;
  }
  const Formula formula = FormulaOf(p.price);
  out += fmt::format("Price counts for {}% of the total and quality for {}%.\n\n",
                     Tenths(price_tenths), Tenths(1000 - price_tenths));
  out += PresentValue(p);
  out += fmt::format(
      "Price is scored by the {} method: {}. In symbols, with L the lowest present value and P "
      "the bid's own:\n\n    {}\n\nThe score is kept between 0 and 100. The lowest present "
      "value is taken from the bids that are not disqualified by the rules above, so that a bid "
      "which cannot win does not set the price others are scored against.\n\n",
      PriceMethodName(p.price.method), formula.words, formula.symbols);
  out += Example(p);
  return out + CostInformation(p);
}

}  // namespace weighbridge
