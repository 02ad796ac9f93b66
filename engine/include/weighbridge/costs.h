// Whole-life costs and price: what each bid will cost year by year, the
// settings that turn those costs into a present value, and how price is
// scored against quality. Loaded from procurement.toml ([costs], [price],
// budget, tie_break) and each candidate's [candidate.costs]. See
// docs/methods.md, "Whole-life cost" and "Price".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

// The fixed list of cost categories, in the order every output lists them.
enum class CostCategory {
  kLicence,
  kSupport,
  kMaintenance,
  kHosting,
  kHardware,
  kTraining,
  kImplementation,
  kMigration,
  kOther,
};

// Every category, in the order above.
const std::vector<CostCategory>& AllCostCategories();

// "licence", "support", ... as written in the input files.
const char* CostCategoryName(CostCategory category);

// The category named `name`, or nullopt when it is not one of the list.
std::optional<CostCategory> CostCategoryFromName(const std::string& name);

// A cost that falls every few years, e.g. replacing hardware: in each year
// t >= 1 of the term that `every_years` divides, in today's money.
struct PeriodicCost {
  CostCategory category = CostCategory::kOther;
  double amount = 0;    // in the procurement's currency, >= 0
  int every_years = 1;  // >= 1
  SourcePos pos;        // where the line was written
};

// One bid's priced schedule, in today's money (real terms).
struct CandidateCosts {
  std::map<CostCategory, double> one_off;          // year 0
  std::map<CostCategory, double> annual;           // years 1..term, with uplift
  std::map<CostCategory, double> per_user_annual;  // per user, years 1..term
  std::vector<PeriodicCost> periodic;              // every_years, years 1..term
  std::map<CostCategory, double> exit;             // in the final year, no uplift
  SourcePos pos;                                   // where [candidate.costs] begins
  // Some lines were refused when loading (each reported): the schedule holds
  // the rest, so that later checks do not report the bid again as costless.
  bool refused_lines = false;
};

// [costs]: how costs grow and are discounted. All rates are real (above
// general inflation), as fractions: 0.035 is 3.5%.
struct CostSettings {
  // Discount rate for the present value. Default 0.035, HM Treasury Green
  // Book's social time preference rate; 0 turns discounting off. In [0, 0.2].
  double discount_rate = 0.035;
  // Real yearly increase of annual and per-user lines from year 2. Default 0.
  double uplift = 0;
  // Users for per-user lines in year 1; needed when any bid has one.
  std::optional<double> users;
  // Yearly growth of the number of users from year 2. Default 0.
  double user_growth = 0;
  SourcePos pos;          // where [costs] begins (or nothing when absent)
  SourcePos users_pos;    // where `users` was given
};

// How price is scored from each bid's present value.
enum class PriceMethod {
  kLowestRelative,    // lowest / own x 100
  kLinear,            // 100 at the lowest, 0 at zero_at_ratio x lowest
  kDeductPerPercent,  // 100 - points_per_percent x % above the lowest
  kLog,               // 100 x (1 - ln(own / lowest) / ln(log_zero_at))
  kQualityOnly,       // price is not scored: a fixed price, quality decides
};

// "lowest-relative", "linear", "deduct-per-percent", "log", "quality-only".
const char* PriceMethodName(PriceMethod method);

// [price].
struct PriceSettings {
  // Price's share of the total. > 0: root has two children, price (this
  // share) and quality (1 - share), and the framework sits under quality.
  // Default 0: quality alone decides. In [0, 1].
  double share = 0;
  PriceMethod method = PriceMethod::kLowestRelative;
  double zero_at_ratio = 2.0;       // linear: > 1
  double points_per_percent = 1.0;  // deduct-per-percent: > 0
  double log_zero_at = 2.0;         // log: > 1
  // A present value more than this fraction below the mean of the other
  // eligible bids is flagged as abnormally low. Default 0.30. In (0, 1).
  double abnormally_low = 0.30;
  SourcePos pos;        // where [price] begins
  SourcePos share_pos;  // where `share` was given
};

// One step of the declared tie-break, applied in order to eligible
// candidates whose totals tie.
struct TieBreakStep {
  enum class Kind {
    kQuality,    // the higher quality score wins
    kPrice,      // the lower present value wins
    kCriterion,  // the higher score on `criterion` wins
  };
  Kind kind = Kind::kQuality;
  std::string criterion;  // kCriterion: a criterion id
  SourcePos pos;          // where it was written
};

// "quality", "price" or "criterion:<id>", as written in tie_break.
std::string TieBreakStepName(const TieBreakStep& step);

// `amount` in whole units of `currency`, with thousands separators:
// "£2,400,000" for GBP, "€1,200" for EUR, "1,200 USD" for other codes and
// "1,200" with no currency. Rounded to the nearest whole unit.
std::string FormatMoney(double amount, const std::string& currency);

// The price score, 0-100, of a bid whose present value is `own` when the
// lowest present value in the price pool is `lowest` (docs/methods.md,
// "Price", gives each formula, its source and its clamps):
//   lowest-relative     100 x lowest / own
//   linear              100 x (zero_at_ratio x lowest - own) / (zero_at_ratio x lowest - lowest)
//   deduct-per-percent  100 - points_per_percent x (own - lowest) / lowest x 100
//   log                 100 x (1 - ln(own / lowest) / ln(log_zero_at))
// each clamped to [0, 100], so a bid outside the pool that is cheaper than
// the lowest in it scores 100. Public so that the published methodology can
// work its example with the very formula that scores the bids.
// Preconditions: lowest > 0, own > 0, the method is not quality-only, and the
// ratios are as the loader checks them.
double PriceScore(const PriceSettings& price, double own, double lowest);

}  // namespace weighbridge
