#include "reports/next_level.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

Scale LevelsAt(std::vector<double> values) {
  Scale s;
  for (double v : values) s.levels.push_back({v, "L" + std::to_string(static_cast<int>(v)), ""});
  return s;
}

TEST_CASE("Next level: the lowest described level strictly above the score", "[reports]") {
  const Scale s = LevelsAt({5, 1, 3});  // out of order on purpose
  REQUIRE(NextLevelUp(s, 2) != nullptr);
  CHECK(NextLevelUp(s, 2)->value == 3);
  CHECK(NextLevelUp(s, 3)->value == 5);  // at a level: the next one up
  CHECK(NextLevelUp(s, 0.5)->value == 1);
  CHECK(NextLevelUp(s, 5) == nullptr);        // nothing above the top
  CHECK(NextLevelUp(Scale{}, 2) == nullptr);  // no levels described
}

}  // namespace
}  // namespace weighbridge
