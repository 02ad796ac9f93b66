#include "engine/cost/budget_rule.h"

#include "weighbridge/costs.h"

namespace weighbridge {

RuleOutcome BudgetOutcome(double budget, const CostResult* cost, const std::string& currency) {
  RuleOutcome out{"budget", "gate", "pass", "", "", {}};
  const std::string limit = FormatMoney(budget, currency);
  if (!cost) {
    out.outcome = "fail";
    out.reason = "No costs were given, so the bid cannot show it fits the budget of " + limit + ".";
    out.values = {{"cost.whole_life", RuleValue()}, {"budget", budget}};
    return out;
  }
  out.values = {{"cost.whole_life", cost->whole_life}, {"budget", budget}};
  const std::string whole_life = FormatMoney(cost->whole_life, currency);
  // The budget is for the whole term, undiscounted, like the whole-life
  // cost it is compared with.
  if (cost->whole_life <= budget) {
    out.reason = "The whole-life cost of " + whole_life + " is within the budget of " + limit + ".";
  } else {
    out.outcome = "fail";
    const double over = cost->whole_life - budget;
    out.reason = "The whole-life cost of " + whole_life + " is " +
                 (over < 0.5 ? "less than " + FormatMoney(1, currency) : FormatMoney(over, currency)) +
                 " over the budget of " + limit + ".";
  }
  return out;
}

}  // namespace weighbridge
