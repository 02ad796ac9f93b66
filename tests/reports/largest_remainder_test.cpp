// The largest-remainder method, on cases worked by hand. Units are tenths of
// a percent (decimals = 1, adding up to 1000) unless said otherwise.
#include "reports/largest_remainder.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace weighbridge {
namespace {

using Units = std::vector<long long>;

TEST_CASE("Largest remainder: three equal thirds give the spare tenth to the first", "[reports]") {
  // Each quota is 1000 / 3 = 333.33...; the floors 333 + 333 + 333 = 999 leave
  // one tenth, and the remainders (0.33...) are equal, so the first takes it:
  // 33.4%, 33.3%, 33.3%.
  const double third = 1.0 / 3;
  CHECK(LargestRemainder({third, third, third}, 1) == Units{334, 333, 333});
}

TEST_CASE("Largest remainder: where rounding each share would make 100.1%, the total stays 100%",
          "[reports]") {
  // 33.36%, 33.36% and 33.28% round one by one to 33.4 + 33.4 + 33.3 = 100.1.
  // Quotas 333.6, 333.6, 332.8; floors 333 + 333 + 332 = 998, two tenths to
  // give: the largest remainder (0.8, the third) takes one, then of the two
  // equal 0.6s the first takes the other: 33.4%, 33.3%, 33.3% = 100.0%.
  CHECK(LargestRemainder({0.3336, 0.3336, 0.3328}, 1) == Units{334, 333, 333});
}

TEST_CASE("Largest remainder: whole percentages, with a tie between two halves", "[reports]") {
  // decimals = 0: whole percents adding up to 100. Quotas 12.5, 37.5, 50;
  // floors 12 + 37 + 50 = 99, one to give; remainders 0.5, 0.5, 0: the first
  // half takes it: 13, 37, 50.
  CHECK(LargestRemainder({0.125, 0.375, 0.5}, 0) == Units{13, 37, 50});
}

TEST_CASE("Largest remainder: shares equal on paper but not in the last bit still tie",
          "[reports]") {
  // The second share is one binary step above a third, so on its own it has
  // the largest remainder; shares that close count as equal, and the first
  // takes the spare tenth, as documented: 334, 333, 333.
  const double a = 1.0 / 3;
  const double b = std::nextafter(a, 1.0);
  CHECK(LargestRemainder({a, b, 1 - a - b}, 1) == Units{334, 333, 333});
}

TEST_CASE("Largest remainder: exact shares are kept as they are", "[reports]") {
  // 0.1 + 0.2 is 0.30000000000000004 in binary: its quota 300.00000000000006
  // is 300, and 1 - (0.1 + 0.2) gives 700: nothing to hand out.
  const double a = 0.1 + 0.2;
  CHECK(LargestRemainder({a, 1 - a}, 1) == Units{300, 700});
  CHECK(LargestRemainder({1.0}, 1) == Units{1000});
  CHECK(LargestRemainder({}, 1).empty());
}

}  // namespace
}  // namespace weighbridge
