// Rank-order centroid weights: the published table and ties by hand.
#include <catch2/catch.hpp>

#include "engine/weigh/rank_order.h"

namespace weighbridge {
namespace {

TEST_CASE("Rank order: centroid weights for four match the published table", "[rank]") {
  // Barron, F. H. and Barrett, B. E. (1996). Decision quality using ranked
  // attribute weights. Management Science 42(11), 1515-1523, table of ROC
  // weights: n = 4 gives .5208, .2708, .1458, .0625. By hand:
  //   w1 = (1 + 1/2 + 1/3 + 1/4) / 4 = (25/12) / 4 = 25/48
  //   w2 = (1/2 + 1/3 + 1/4) / 4 = (13/12) / 4 = 13/48
  //   w3 = (1/3 + 1/4) / 4 = (7/12) / 4 = 7/48
  //   w4 = (1/4) / 4 = 3/48
  const std::vector<double> w = RankOrderCentroid(4);
  CHECK(w[0] == Approx(25.0 / 48));
  CHECK(w[1] == Approx(13.0 / 48));
  CHECK(w[2] == Approx(7.0 / 48));
  CHECK(w[3] == Approx(3.0 / 48));
  CHECK(w[0] == Approx(0.5208).margin(0.00005));
  CHECK(w[3] == Approx(0.0625).margin(0.00005));
}

TEST_CASE("Rank order: one criterion gets everything, two split 3/4 and 1/4", "[rank]") {
  CHECK(RankOrderCentroid(1)[0] == 1);
  // w1 = (1 + 1/2) / 2 = 3/4, w2 = (1/2) / 2 = 1/4.
  CHECK(RankOrderCentroid(2)[0] == Approx(0.75));
  CHECK(RankOrderCentroid(2)[1] == Approx(0.25));
}

TEST_CASE("Rank order: tied criteria share the mean of their positions' weights", "[rank]") {
  // FORMATS.md's example: rights, then relationship and interoperability
  // tied, then maintenance. Positions 2 and 3 carry 13/48 and 7/48, so each
  // tied criterion gets (13/48 + 7/48) / 2 = 10/48.
  const std::vector<std::string> children = {"relationship", "interoperability", "rights",
                                             "maintenance"};
  const std::vector<double> w =
      RankWeights({{"rights"}, {"relationship", "interoperability"}, {"maintenance"}}, children);
  CHECK(w[0] == Approx(10.0 / 48));
  CHECK(w[1] == Approx(10.0 / 48));
  CHECK(w[2] == Approx(25.0 / 48));
  CHECK(w[3] == Approx(3.0 / 48));
  CHECK(w[0] + w[1] + w[2] + w[3] == Approx(1));
}

TEST_CASE("Rank order: everything tied gives equal weights", "[rank]") {
  const std::vector<double> w = RankWeights({{"a", "b", "c"}}, {"a", "b", "c"});
  for (double x : w) CHECK(x == Approx(1.0 / 3));
}

}  // namespace
}  // namespace weighbridge
