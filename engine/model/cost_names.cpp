// Plain-words names of the cost and price enumerations, and money as people
// read it. Shared by the loader, the engine's reasons and the reports.
#include <cmath>
#include <cstdio>

#include "weighbridge/costs.h"

namespace weighbridge {

const std::vector<CostCategory>& AllCostCategories() {
  static const std::vector<CostCategory> kAll{
      CostCategory::kLicence,  CostCategory::kSupport,        CostCategory::kMaintenance,
      CostCategory::kHosting,  CostCategory::kHardware,       CostCategory::kTraining,
      CostCategory::kImplementation, CostCategory::kMigration, CostCategory::kOther};
  return kAll;
}

const char* CostCategoryName(CostCategory category) {
  switch (category) {
    case CostCategory::kLicence: return "licence";
    case CostCategory::kSupport: return "support";
    case CostCategory::kMaintenance: return "maintenance";
    case CostCategory::kHosting: return "hosting";
    case CostCategory::kHardware: return "hardware";
    case CostCategory::kTraining: return "training";
    case CostCategory::kImplementation: return "implementation";
    case CostCategory::kMigration: return "migration";
    case CostCategory::kOther: return "other";
  }
  return "other";
}

std::optional<CostCategory> CostCategoryFromName(const std::string& name) {
  for (CostCategory category : AllCostCategories()) {
    if (name == CostCategoryName(category)) return category;
  }
  return std::nullopt;
}

const char* PriceMethodName(PriceMethod method) {
  switch (method) {
    case PriceMethod::kLowestRelative: return "lowest-relative";
    case PriceMethod::kLinear: return "linear";
    case PriceMethod::kDeductPerPercent: return "deduct-per-percent";
    case PriceMethod::kLog: return "log";
    case PriceMethod::kQualityOnly: return "quality-only";
  }
  return "lowest-relative";
}

std::string TieBreakStepName(const TieBreakStep& step) {
  switch (step.kind) {
    case TieBreakStep::Kind::kQuality: return "quality";
    case TieBreakStep::Kind::kPrice: return "price";
    case TieBreakStep::Kind::kCriterion: return "criterion:" + step.criterion;
  }
  return "quality";
}

std::string FormatMoney(double amount, const std::string& currency) {
  // Whole units: a whole-life cost is an estimate over years, and pence in it
  // would claim a precision it does not have.
  double rounded = std::round(amount);
  if (rounded == 0) rounded = 0;  // no "-0"
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0f", std::fabs(rounded));
  std::string plain(digits);
  std::string grouped;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) grouped += ',';
    grouped += plain[i];
  }
  const std::string sign = rounded < 0 ? "-" : "";
  if (currency == "GBP") return sign + "£" + grouped;
  if (currency == "EUR") return sign + "€" + grouped;
  if (currency.empty()) return sign + grouped;
  return sign + grouped + " " + currency;
}

}  // namespace weighbridge
