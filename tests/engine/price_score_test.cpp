// Price formulas on present values, with the lowest in the pool at 800.
#include <catch2/catch.hpp>

#include "weighbridge/costs.h"

namespace weighbridge {
namespace {

PriceSettings Method(PriceMethod method) {
  PriceSettings p;
  p.method = method;
  return p;
}

TEST_CASE("Price: lowest-relative is lowest over own, times 100", "[price]") {
  const PriceSettings p = Method(PriceMethod::kLowestRelative);
  CHECK(PriceScore(p, 800, 800) == Approx(100));
  CHECK(PriceScore(p, 1000, 800) == Approx(80));    // 800 / 1,000 x 100
  CHECK(PriceScore(p, 3200, 800) == Approx(25));    // 800 / 3,200 x 100
  CHECK(PriceScore(p, 600, 800) == Approx(100));    // 133.3 clamped: cheaper than the pool
}

TEST_CASE("Price: linear runs from 100 at the lowest to 0 at zero_at_ratio times it",
          "[price]") {
  PriceSettings p = Method(PriceMethod::kLinear);
  p.zero_at_ratio = 2;  // 0 at 1,600
  CHECK(PriceScore(p, 800, 800) == Approx(100));
  CHECK(PriceScore(p, 1000, 800) == Approx(75));   // (1,600 - 1,000) / (1,600 - 800) x 100
  CHECK(PriceScore(p, 1600, 800) == Approx(0).margin(1e-12));
  CHECK(PriceScore(p, 2000, 800) == 0);            // -50 clamped
  CHECK(PriceScore(p, 600, 800) == 100);           // 125 clamped
  p.zero_at_ratio = 1.5;  // 0 at 1,200
  CHECK(PriceScore(p, 1000, 800) == Approx(50));   // (1,200 - 1,000) / (1,200 - 800) x 100
}

TEST_CASE("Price: deduct-per-percent takes points off for each percent above the lowest",
          "[price]") {
  PriceSettings p = Method(PriceMethod::kDeductPerPercent);
  CHECK(PriceScore(p, 1000, 800) == Approx(75));  // 25% above: 100 - 1 x 25
  p.points_per_percent = 2;
  CHECK(PriceScore(p, 1000, 800) == Approx(50));  // 100 - 2 x 25
  CHECK(PriceScore(p, 840, 800) == Approx(90));   // 5% above: 100 - 2 x 5
  p.points_per_percent = 5;
  CHECK(PriceScore(p, 1000, 800) == 0);           // 100 - 125 clamped
  CHECK(PriceScore(p, 700, 800) == 100);          // 12.5% below: 162.5 clamped
}

TEST_CASE("Price: the log formula reaches 0 at log_zero_at times the lowest", "[price]") {
  PriceSettings p = Method(PriceMethod::kLog);
  p.log_zero_at = 2;
  // ln(1.25) / ln(2) = 0.223143551 / 0.693147181 = 0.321928095
  CHECK(PriceScore(p, 1000, 800) == Approx(67.8071905).epsilon(1e-8));
  CHECK(PriceScore(p, 1600, 800) == Approx(0).margin(1e-12));
  CHECK(PriceScore(p, 3200, 800) == 0);   // -100 clamped
  CHECK(PriceScore(p, 400, 800) == 100);  // 200 clamped
  p.log_zero_at = 4;
  CHECK(PriceScore(p, 1600, 800) == Approx(50));  // 1 - ln 2 / ln 4 = 1/2
}

}  // namespace
}  // namespace weighbridge
