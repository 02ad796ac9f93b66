// RFC 8785 canonical JSON. The expected texts are the RFC's own examples
// (appendix B for numbers, section 3.2.3 for sorting), not this code's output.
#include "workspace/canonical_json.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>

namespace weighbridge::workspace {
namespace {

double FromBits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

}  // namespace

TEST_CASE("Canonical JSON: numbers are written as RFC 8785 appendix B gives them", "[workspace]") {
  CHECK(CanonicalNumber(FromBits(0x0000000000000000)) == "0");
  CHECK(CanonicalNumber(FromBits(0x8000000000000000)) == "0");  // -0
  CHECK(CanonicalNumber(FromBits(0x0000000000000001)) == "5e-324");
  CHECK(CanonicalNumber(FromBits(0x8000000000000001)) == "-5e-324");
  CHECK(CanonicalNumber(FromBits(0x7fefffffffffffff)) == "1.7976931348623157e+308");
  CHECK(CanonicalNumber(FromBits(0xffefffffffffffff)) == "-1.7976931348623157e+308");
  CHECK(CanonicalNumber(FromBits(0x4340000000000000)) == "9007199254740992");
  CHECK(CanonicalNumber(FromBits(0xc340000000000000)) == "-9007199254740992");
  CHECK(CanonicalNumber(FromBits(0x4430000000000000)) == "295147905179352830000");
  CHECK(CanonicalNumber(FromBits(0x44b52d02c7e14af5)) == "9.999999999999997e+22");
  CHECK(CanonicalNumber(FromBits(0x44b52d02c7e14af6)) == "1e+23");
  CHECK(CanonicalNumber(FromBits(0x44b52d02c7e14af7)) == "1.0000000000000001e+23");
  CHECK(CanonicalNumber(FromBits(0x444b1ae4d6e2ef4e)) == "999999999999999700000");
  CHECK(CanonicalNumber(FromBits(0x444b1ae4d6e2ef4f)) == "999999999999999900000");
  CHECK(CanonicalNumber(FromBits(0x444b1ae4d6e2ef50)) == "1e+21");
  CHECK(CanonicalNumber(FromBits(0x3eb0c6f7a0b5ed8c)) == "9.999999999999997e-7");
  CHECK(CanonicalNumber(FromBits(0x3eb0c6f7a0b5ed8d)) == "0.000001");
  CHECK(CanonicalNumber(FromBits(0x41b3de4355555553)) == "333333333.3333332");
  CHECK(CanonicalNumber(FromBits(0x41b3de4355555554)) == "333333333.33333325");
  CHECK(CanonicalNumber(FromBits(0x41b3de4355555555)) == "333333333.3333333");
  CHECK(CanonicalNumber(FromBits(0x41b3de4355555556)) == "333333333.3333334");
  CHECK(CanonicalNumber(FromBits(0x41b3de4355555557)) == "333333333.33333343");
  CHECK(CanonicalNumber(FromBits(0xbecbf647612f3696)) == "-0.0000033333333333333333");
  CHECK(CanonicalNumber(FromBits(0x43143ff3c1cb0959)) == "1424953923781206.2");
}

TEST_CASE("Canonical JSON: NaN and infinities are refused", "[workspace]") {
  CHECK_THROWS_AS(CanonicalNumber(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
  CHECK_THROWS_AS(CanonicalNumber(std::numeric_limits<double>::infinity()), std::domain_error);
}

TEST_CASE("Canonical JSON: integers are written as their doubles, and beyond 2^53 refused",
          "[workspace]") {
  CHECK(CanonicalJson(nlohmann::json(7)) == "7");
  CHECK(CanonicalJson(nlohmann::json(-40)) == "-40");
  CHECK(CanonicalJson(nlohmann::json(4.5)) == "4.5");
  CHECK(CanonicalJson(nlohmann::json(1.0)) == "1");  // nlohmann's own dump writes 1.0
  CHECK(CanonicalJson(nlohmann::json(9007199254740992LL)) == "9007199254740992");
  CHECK_THROWS_AS(CanonicalJson(nlohmann::json(9007199254740993LL)), std::domain_error);
}

TEST_CASE("Canonical JSON: members are sorted by UTF-16 code units (RFC 8785 section 3.2.3)",
          "[workspace]") {
  // The RFC's example: its keys in the order it gives after sorting are
  // "\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00" (an emoji) and
  // "\ufb33". Sorting the UTF-8 bytes would put "\ufb33" before the emoji.
  nlohmann::json object = nlohmann::json::parse(
      R"({"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh",)"
      R"("1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control",)"
      R"("\u00f6":"Latin Small Letter O With Diaeresis"})");
  std::string expected =
      "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xc2\x80\":\"Control\","
      "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro Sign\","
      "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
      "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}";
  CHECK(CanonicalJson(object) == expected);
}

TEST_CASE("Canonical JSON: strings escape only quotes, backslashes and control characters",
          "[workspace]") {
  nlohmann::json text = std::string("a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f\xc3\xa9");
  // '/' and DEL stay as they are; \x01 and \x1f take lower-case hex; é stays UTF-8.
  CHECK(CanonicalJson(text) == "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xc3\xa9\"");
}

TEST_CASE("Canonical JSON: no whitespace, arrays keep their order, literals as JSON",
          "[workspace]") {
  nlohmann::json value = {{"b", {3, 1, 2}}, {"a", nullptr}, {"c", {{"y", true}, {"x", false}}}};
  CHECK(CanonicalJson(value) == R"({"a":null,"b":[3,1,2],"c":{"x":false,"y":true}})");
}

}  // namespace weighbridge::workspace
