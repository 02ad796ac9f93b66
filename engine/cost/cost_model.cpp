#include "engine/cost/cost_model.h"

#include <cmath>
#include <set>

namespace weighbridge {
namespace {

using Amounts = std::map<CostCategory, double>;

void AddAll(const Amounts& lines, double factor, Amounts& year) {
  for (const auto& [category, amount] : lines) year[category] += amount * factor;
}

// The categories a bid uses anywhere, so that its table has a column for each
// and no empty ones.
std::set<CostCategory> CategoriesUsed(const CandidateCosts& costs) {
  std::set<CostCategory> used;
  for (const Amounts* lines : {&costs.one_off, &costs.annual, &costs.per_user_annual, &costs.exit}) {
    for (const auto& [category, amount] : *lines) used.insert(category);
  }
  for (const PeriodicCost& line : costs.periodic) used.insert(line.category);
  return used;
}

// One year's costs by category, in today's money.
Amounts CostsInYear(const CandidateCosts& costs, const CostSettings& settings, int year, int term) {
  Amounts out;
  if (year == 0) {
    AddAll(costs.one_off, 1.0, out);
    return out;
  }
  // Real growth compounds from year 2: year 1 is priced as bid.
  const double uplift = std::pow(1.0 + settings.uplift, year - 1);
  AddAll(costs.annual, uplift, out);
  if (!costs.per_user_annual.empty()) {
    const double users = settings.users.value_or(0.0) * std::pow(1.0 + settings.user_growth, year - 1);
    for (const auto& [category, amount] : costs.per_user_annual) {
      out[category] += amount * users * uplift;
    }
  }
  for (const PeriodicCost& line : costs.periodic) {
    if (year % line.every_years == 0) out[line.category] += line.amount;
  }
  if (year == term) AddAll(costs.exit, 1.0, out);
  return out;
}

}  // namespace

CostResult WholeLifeCost(const CandidateCosts& costs, const CostSettings& settings, int term_years) {
  const std::set<CostCategory> used = CategoriesUsed(costs);
  CostResult out;
  double upkeep = 0;  // support + maintenance + hosting, over the term
  for (int year = 0; year <= term_years; ++year) {
    const Amounts amounts = CostsInYear(costs, settings, year, term_years);
    CostYear row;
    row.year = year;
    // Categories in the fixed order, so every sum is taken in the same order.
    for (CostCategory category : AllCostCategories()) {
      if (!used.count(category)) continue;
      auto it = amounts.find(category);
      const double amount = it == amounts.end() ? 0.0 : it->second;
      row.by_category.emplace_back(CostCategoryName(category), amount);
      row.undiscounted += amount;
      if (category == CostCategory::kSupport || category == CostCategory::kMaintenance ||
          category == CostCategory::kHosting) {
        upkeep += amount;
      }
    }
    // HM Treasury Green Book discounting: a cost in year t is worth
    // 1 / (1 + r)^t of the same cost today.
    row.present_value = row.undiscounted / std::pow(1.0 + settings.discount_rate, year);
    out.whole_life += row.undiscounted;
    out.present_value += row.present_value;
    out.by_year.push_back(std::move(row));
  }
  if (out.whole_life > 0) out.maintenance_share = upkeep / out.whole_life;
  out.annual_mean = out.whole_life / term_years;
  return out;
}

bool PricesNoMaintenance(const CostResult& cost) {
  bool any_year = false;
  for (const CostYear& row : cost.by_year) {
    if (row.year < 2) continue;
    any_year = true;
    for (const auto& [category, amount] : row.by_category) {
      if ((category == "support" || category == "maintenance") && amount != 0) return false;
    }
  }
  return any_year;
}

}  // namespace weighbridge
