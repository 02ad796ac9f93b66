// Sessions and the slowing of wrong links, with times given by the test.
#include "web/sessions.h"

#include <catch2/catch.hpp>

#include "web/link_throttle.h"

namespace weighbridge::web {
namespace {

TEST_CASE("a session has its own random id and form token, and ends with its invitation", "[web]") {
  Sessions sessions;
  const Session a = sessions.Start(1, "member", "m1");
  const Session b = sessions.Start(2, "member", "m2");
  CHECK(a.id.size() == 32);
  CHECK(a.csrf.size() == 32);
  CHECK(a.id != b.id);
  CHECK(a.csrf != a.id);
  REQUIRE(sessions.Find(a.id));
  CHECK(sessions.Find(a.id)->person == "m1");
  CHECK_FALSE(sessions.Find(a.csrf));
  sessions.EndAll(1);
  CHECK_FALSE(sessions.Find(a.id));
  CHECK(sessions.Find(b.id));
}

TEST_CASE("SameSecret compares whole texts", "[web]") {
  CHECK(SameSecret("abc", "abc"));
  CHECK_FALSE(SameSecret("abc", "abd"));
  CHECK_FALSE(SameSecret("abc", "ab"));
  CHECK_FALSE(SameSecret("", "a"));
}

TEST_CASE("wrong links: five free, then waits of 1, 2, 4 s ... up to 15 minutes", "[web]") {
  LinkThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.Failed("10.0.0.1", 100);
  CHECK(throttle.Wait("10.0.0.1", 100) == 0);
  throttle.Failed("10.0.0.1", 100);  // the fifth: 2^0 = 1 s
  CHECK(throttle.Wait("10.0.0.1", 100) == 1);
  CHECK(throttle.Wait("10.0.0.1", 100.25) == 0.75);
  CHECK(throttle.Wait("10.0.0.2", 100) == 0);  // another address is not slowed
  throttle.Failed("10.0.0.1", 101);            // the sixth: 2 s from t = 101
  CHECK(throttle.Wait("10.0.0.1", 102) == 1);
  for (int i = 0; i < 20; ++i) throttle.Failed("10.0.0.1", 200);  // 2^21 s, capped
  CHECK(throttle.Wait("10.0.0.1", 200) == 15 * 60);
  throttle.Succeeded("10.0.0.1");
  CHECK(throttle.Wait("10.0.0.1", 200) == 0);
}

}  // namespace
}  // namespace weighbridge::web
