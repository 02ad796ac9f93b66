// The largest-remainder method (Hamilton's method of apportionment), as in
// Balinski and Young, "Fair Representation" (2nd ed., Brookings 2001):
// every share gets the whole number below its quota, and the seats left over
// go to the largest fractional remainders. It is the rounding that keeps a
// published table adding up to exactly 100%, with no figure more than one
// unit from its exact value. docs/methods.md, "Publishing the weights".
#include "reports/largest_remainder.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace weighbridge {
namespace {

// Weights are products and sums of doubles: 0.3 x 1000 may come out as
// 300.00000000000006, and two shares that are equal on paper may differ in
// their last bit. Differences this small mean nothing, so a quota this close
// to a whole number is that number, and remainders are compared on this grid
// so that equal ones really tie (and the earlier share wins, as documented).
constexpr double kNoise = 1e-9;

}  // namespace

std::vector<long long> LargestRemainder(const std::vector<double>& shares, int decimals) {
  assert(decimals >= 0 && decimals <= 3);
  if (shares.empty()) return {};
  assert(std::abs(std::accumulate(shares.begin(), shares.end(), 0.0) - 1) < 1e-6);
  const long long whole = std::llround(100 * std::pow(10.0, decimals));
  std::vector<long long> units(shares.size());
  std::vector<long long> remainders(shares.size());  // in units of kNoise
  long long given = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    assert(shares[i] >= 0);
    double quota = shares[i] * static_cast<double>(whole);
    if (std::abs(quota - std::round(quota)) < kNoise) quota = std::round(quota);
    const double floor = std::floor(quota);
    units[i] = static_cast<long long>(floor);
    remainders[i] = std::llround((quota - floor) / kNoise);
    given += units[i];
  }
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable: among equal remainders, the earlier share comes first.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  // The floors lose less than one unit each, so fewer units are missing than
  // there are shares (the assert on the sum guards this).
  const long long missing = whole - given;
  assert(missing >= 0 && missing <= static_cast<long long>(shares.size()));
  for (long long k = 0; k < missing; ++k) ++units[order[static_cast<std::size_t>(k)]];
  return units;
}

}  // namespace weighbridge
