// The whole-life cost model, against figures worked out by hand (a pocket
// calculator's worth of arithmetic, written out term by term).
#include <catch2/catch.hpp>

#include "engine/cost/cost_model.h"

namespace weighbridge {
namespace {

Approx Exactly(double value) { return Approx(value).epsilon(1e-12).margin(1e-9); }

// Seven years, Green Book 3.5%, a real uplift of 2% a year from year 2, 100
// users in year 1 growing 5% a year.
//   one-off    implementation 100,000 (year 0)
//   annual     licence 50,000; support 10,000
//   per user   licence 100
//   periodic   hardware 20,000 every 3 years (years 3 and 6)
//   exit       migration 15,000 (year 7)
CostSettings SevenYearSettings() {
  CostSettings s;
  s.discount_rate = 0.035;
  s.uplift = 0.02;
  s.users = 100;
  s.user_growth = 0.05;
  return s;
}

CandidateCosts SevenYearBid() {
  CandidateCosts c;
  c.one_off = {{CostCategory::kImplementation, 100000}};
  c.annual = {{CostCategory::kLicence, 50000}, {CostCategory::kSupport, 10000}};
  c.per_user_annual = {{CostCategory::kLicence, 100}};
  c.periodic = {{CostCategory::kHardware, 20000, 3, {}}};
  c.exit = {{CostCategory::kMigration, 15000}};
  return c;
}

TEST_CASE("Cost model: a seven-year present value, term by term", "[cost]") {
  // Year t >= 1: uplift 1.02^(t-1); users 100 x 1.05^(t-1); per-user licence
  // 100 x users x 1.02^(t-1) = 10,000 x 1.071^(t-1).
  //   t  annual licence + per-user licence      support       other           year total
  //   0                                                       100,000         100,000
  //   1  50,000        + 10,000        = 60,000 10,000                         70,000
  //   2  51,000        + 10,710        = 61,710 10,200                         71,910
  //   3  52,020        + 11,470.41     = 63,490.41  10,404     hw 20,000       93,894.41
  //   4  53,060.4      + 12,284.80911  = 65,345.20911  10,612.08               75,957.28911
  //   5  54,121.608    + 13,157.030557 = 67,278.638557 10,824.3216            78,102.960157
  //   6  55,204.04016  + 14,091.179726 = 69,295.219886 11,040.808032 hw 20,000 100,336.027918
  //   7  56,308.120963 + 15,091.653487 = 71,399.774450 11,261.624193 mig 15,000 97,661.398643
  // Discount factors 1.035^t: 1, 1.035, 1.071225, 1.108717875, 1.147523000625,
  // 1.187686305647, 1.229255326345, 1.272279262767. Present values:
  //   100,000 + 67,632.850242 + 67,128.754463 + 84,687.378203 + 66,192.389232
  //   + 65,760.596704 + 81,623.423359 + 76,760.976541 = 609,786.368744
  const CostResult cost = WholeLifeCost(SevenYearBid(), SevenYearSettings(), 7);
  REQUIRE(cost.by_year.size() == 8);
  const double years[] = {100000,        70000,        71910,         93894.41,
                          75957.28911,   78102.960157, 100336.027918, 97661.398643};
  const double present[] = {100000,       67632.850242, 67128.754463, 84687.378203,
                            66192.389232, 65760.596704, 81623.423359, 76760.976541};
  for (int t = 0; t <= 7; ++t) {
    CHECK(cost.by_year[t].year == t);
    CHECK(cost.by_year[t].undiscounted == Approx(years[t]).margin(1e-6));
    CHECK(cost.by_year[t].present_value == Approx(present[t]).margin(1e-6));
  }
  CHECK(cost.present_value == Approx(609786.368744).margin(1e-6));
  // 100,000 + 70,000 + 71,910 + 93,894.41 + 75,957.28911 + 78,102.960157
  // + 100,336.027918 + 97,661.398643 = 687,862.085828
  CHECK(cost.whole_life == Approx(687862.085828).margin(1e-6));
  CHECK(cost.annual_mean == Approx(687862.085828 / 7).margin(1e-6));
}

TEST_CASE("Cost model: each year lists the categories the bid uses, in the fixed order",
          "[cost]") {
  const CostResult cost = WholeLifeCost(SevenYearBid(), SevenYearSettings(), 7);
  std::vector<std::string> names;
  for (const auto& [category, amount] : cost.by_year[0].by_category) names.push_back(category);
  CHECK(names == std::vector<std::string>{"licence", "support", "hardware", "implementation",
                                          "migration"});
  CHECK(cost.by_year[0].by_category[3].second == 100000);
  CHECK(cost.by_year[0].by_category[0].second == 0);   // no licence in year 0
  CHECK(cost.by_year[3].by_category[2].second == 20000);  // hardware, year 3
  CHECK(cost.by_year[4].by_category[2].second == 0);
  CHECK(cost.by_year[7].by_category[4].second == 15000);  // exit migration, year 7
}

TEST_CASE("Cost model: the maintenance share is support, maintenance and hosting over the "
          "whole-life cost",
          "[cost]") {
  // Support only: 10,000 x (1 + 1.02 + 1.0404 + 1.061208 + 1.08243216
  // + 1.1040808032 + 1.126162419264) = 74,342.833825; / 687,862.085828.
  const CostResult cost = WholeLifeCost(SevenYearBid(), SevenYearSettings(), 7);
  REQUIRE(cost.maintenance_share);
  CHECK(*cost.maintenance_share == Approx(74342.833825 / 687862.085828).epsilon(1e-9));
}

TEST_CASE("Cost model: with a discount rate of 0 the present value is the whole-life cost",
          "[cost]") {
  CostSettings s;
  s.discount_rate = 0;
  CandidateCosts c;
  c.one_off = {{CostCategory::kTraining, 5000}};
  c.annual = {{CostCategory::kHosting, 1000}};
  const CostResult cost = WholeLifeCost(c, s, 3);
  CHECK(cost.whole_life == Exactly(8000));
  CHECK(cost.present_value == Exactly(8000));
  CHECK(*cost.maintenance_share == Exactly(3000.0 / 8000));  // hosting counts as upkeep
  CHECK(cost.annual_mean == Exactly(8000.0 / 3));
}

TEST_CASE("Cost model: a periodic cost falls only in years its interval divides", "[cost]") {
  CostSettings s;
  s.discount_rate = 0;
  s.uplift = 0.5;  // periodic costs take no uplift
  CandidateCosts c;
  c.periodic = {{CostCategory::kHardware, 300, 2, {}}, {CostCategory::kOther, 7, 9, {}}};
  const CostResult cost = WholeLifeCost(c, s, 5);
  // Years 2 and 4 only; every 9 years never falls in a 5-year term.
  CHECK(cost.by_year[2].undiscounted == 300);
  CHECK(cost.by_year[4].undiscounted == 300);
  CHECK(cost.by_year[1].undiscounted == 0);
  CHECK(cost.whole_life == 600);
}

TEST_CASE("Cost model: exit costs fall in the final year, without uplift", "[cost]") {
  CostSettings s;
  s.discount_rate = 0.1;
  s.uplift = 0.1;
  CandidateCosts c;
  c.exit = {{CostCategory::kMigration, 1210}};
  const CostResult cost = WholeLifeCost(c, s, 2);
  CHECK(cost.by_year[2].undiscounted == Exactly(1210));
  CHECK(cost.by_year[2].present_value == Exactly(1000));  // 1,210 / 1.1^2
}

TEST_CASE("Cost model: no costs at all leave the maintenance share undefined", "[cost]") {
  const CostResult cost = WholeLifeCost(CandidateCosts{}, CostSettings{}, 4);
  CHECK(cost.whole_life == 0);
  CHECK_FALSE(cost.maintenance_share);
  CHECK(cost.by_year.size() == 5);
  CHECK(cost.by_year[1].by_category.empty());
}

TEST_CASE("Cost model: upkeep priced at 0 from year 2 is spotted", "[cost]") {
  CostSettings s;
  CandidateCosts none;
  none.annual = {{CostCategory::kLicence, 100}, {CostCategory::kHosting, 50}};
  CHECK(PricesNoMaintenance(WholeLifeCost(none, s, 3)));  // hosting is not upkeep of the product

  CandidateCosts first_year_only = none;
  first_year_only.one_off = {{CostCategory::kSupport, 500}};  // year 0 only
  CHECK(PricesNoMaintenance(WholeLifeCost(first_year_only, s, 3)));

  CandidateCosts refresh = none;
  refresh.periodic = {{CostCategory::kMaintenance, 900, 3, {}}};  // year 3
  CHECK_FALSE(PricesNoMaintenance(WholeLifeCost(refresh, s, 3)));

  CandidateCosts supported = none;
  supported.annual[CostCategory::kSupport] = 10;
  CHECK_FALSE(PricesNoMaintenance(WholeLifeCost(supported, s, 3)));
}

TEST_CASE("Cost model: a one-year term has no years after the first to flag", "[cost]") {
  CandidateCosts c;
  c.annual = {{CostCategory::kLicence, 100}};
  CHECK_FALSE(PricesNoMaintenance(WholeLifeCost(c, CostSettings{}, 1)));
}

TEST_CASE("Money: whole units with thousands separators and the currency's sign", "[cost]") {
  CHECK(FormatMoney(2400000, "GBP") == "£2,400,000");
  CHECK(FormatMoney(1234.5, "EUR") == "€1,235");
  CHECK(FormatMoney(999.4, "USD") == "999 USD");
  CHECK(FormatMoney(1000, "") == "1,000");
  CHECK(FormatMoney(-0.2, "GBP") == "£0");
  CHECK(FormatMoney(-12345, "GBP") == "-£12,345");
}

}  // namespace
}  // namespace weighbridge
