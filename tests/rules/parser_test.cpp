// Precedence and syntax: each expected value is worked out by hand in the
// comment beside it, against what the wrong grouping would give.
#include "engine/rules/parser.h"

#include <catch2/catch.hpp>

#include "tests/rules/test_facts.h"

namespace weighbridge::rules {
namespace {

using testing::Build;
using testing::ErrorOf;
using testing::TestFacts;
using testing::TruthOf;

TEST_CASE("Parser: * and / bind tighter than + and -", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("1 + 2 * 3 == 7", facts) == Truth::kTrue);       // 1 + 6; (1 + 2) * 3 = 9
  CHECK(TruthOf("2 * 3 + 4 * 5 == 26", facts) == Truth::kTrue);  // 6 + 20
  CHECK(TruthOf("10 - 6 / 2 == 7", facts) == Truth::kTrue);      // 10 - 3; (10 - 6) / 2 = 2
  CHECK(TruthOf("(1 + 2) * 3 == 9", facts) == Truth::kTrue);     // brackets first
}

TEST_CASE("Parser: + - * / group from the left", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("10 - 4 - 3 == 3", facts) == Truth::kTrue);  // (10 - 4) - 3; 10 - (4 - 3) = 9
  CHECK(TruthOf("8 / 4 / 2 == 1", facts) == Truth::kTrue);   // (8 / 4) / 2; 8 / (4 / 2) = 4
  CHECK(TruthOf("12 / 2 * 3 == 18", facts) == Truth::kTrue); // (12 / 2) * 3; 12 / 6 = 2
}

TEST_CASE("Parser: unary minus binds tighter than * and -", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("-2 * 3 == -6", facts) == Truth::kTrue);
  CHECK(TruthOf("- 2 - 3 == -5", facts) == Truth::kTrue);   // (-2) - 3; -(2 - 3) = 1
  CHECK(TruthOf("-2 * -3 == 6", facts) == Truth::kTrue);
  CHECK(TruthOf("2 - -3 == 5", facts) == Truth::kTrue);
  CHECK(TruthOf("- - 4 == 4", facts) == Truth::kTrue);
}

TEST_CASE("Parser: and binds tighter than or", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("true or false and false", facts) == Truth::kTrue);  // true or (false); (true) and false = false
  CHECK(TruthOf("false and true or true", facts) == Truth::kTrue);   // (false) or true; false and (true) = false
}

TEST_CASE("Parser: not binds tighter than and, looser than comparisons", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("not false and false", facts) == Truth::kFalse);  // (true) and false; not (false) = true
  CHECK(TruthOf("not 1 == 2", facts) == Truth::kTrue);            // not (1 == 2); (not 1) is a type error
  CHECK(TruthOf("not \"a\" in [\"b\"]", facts) == Truth::kTrue);  // not (false)
  CHECK(TruthOf("not not true", facts) == Truth::kTrue);
}

TEST_CASE("Parser: comparisons bind looser than arithmetic", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("1 + 1 == 2 and 3 > 2", facts) == Truth::kTrue);
  CHECK(TruthOf("3 > 2 and 2 > 1 or 1 > 2", facts) == Truth::kTrue);  // (T and T) or F
  CHECK(TruthOf("\"x\" in [\"x\"] and \"y\" not in [\"x\"]", facts) == Truth::kTrue);
}

TEST_CASE("Parser: comparisons do not chain", "[rules]") {
  // "1 < 2 " is 6 bytes, so the second '<' is at 6.
  CHECK(ErrorOf("1 < 2 < 3") == "6: comparisons cannot be chained: join them with 'and'");
  CHECK(ErrorOf("(1 < 2) == true") == "compiles");
}

TEST_CASE("Parser: a list may be empty and may end with a comma", "[rules]") {
  TestFacts facts;
  CHECK(TruthOf("\"UK\" in []", facts) == Truth::kFalse);
  CHECK(TruthOf("\"UK\" in [\"UK\",]", facts) == Truth::kTrue);
  CHECK(ErrorOf("\"UK\" in [,]") == "9: a list holds only texts in quotes, such as [\"UK\", \"EEA\"]");
}

TEST_CASE("Parser: reads quoted evidence keys and keys with '-'", "[rules]") {
  TestFacts facts;
  facts.evidence["dspt.status"] = std::string("Standards Met");
  facts.evidence["cyber-essentials"] = std::string("plus");
  CHECK(TruthOf("evidence.\"dspt.status\" == \"Standards Met\"", facts) == Truth::kTrue);
  CHECK(TruthOf("evidence.cyber-essentials == \"plus\"", facts) == Truth::kTrue);
}

TEST_CASE("Parser: nesting deeper than kMaxDepth is an error, not a stack overflow", "[rules]") {
  // The 33rd '(' is at offset 32; the 33rd "not " at 4 * 32 = 128.
  std::string brackets = std::string(33, '(') + "true" + std::string(33, ')');
  CHECK(ErrorOf(brackets) == "32: the condition is nested too deeply: at most 32 levels");
  std::string nots;
  for (int i = 0; i < 33; ++i) nots += "not ";
  CHECK(ErrorOf(nots + "true") == "128: the condition is nested too deeply: at most 32 levels");
  CHECK(ErrorOf(std::string(100000, '(')) ==
        "10000: the condition is too long: at most 10000 characters");
  CHECK(ErrorOf(std::string(32, '(') + "true" + std::string(32, ')')) == "compiles");
}

TEST_CASE("Parser: a long chain is a loop, not a recursion", "[rules]") {
  // "1" then 2000 times " + 1" (8000 bytes) then " > 2000": 2001 > 2000.
  std::string chain = "1";
  for (int i = 0; i < 2000; ++i) chain += " + 1";
  TestFacts facts;
  CHECK(TruthOf(chain + " > 2000", facts) == Truth::kTrue);
  std::string ors = "false";
  for (int i = 0; i < 1000; ++i) ors += " or false";
  CHECK(TruthOf(ors + " or true", facts) == Truth::kTrue);
}

TEST_CASE("Parser: a test of one fact against a constant is one instruction", "[rules]") {
  CompileError error;
  auto code = Parse("evidence.patch_days > 30", testing::TestNames(), error);
  REQUIRE(code);
  REQUIRE(code->instructions.size() == 1);
  CHECK(code->instructions[0].op == Op::kEvidenceTest);
  CHECK(code->instructions[0].test == Test::kNumberGreater);
  CHECK(code->instructions[0].number == 30);
  // lower() before == against a constant is folded into the test.
  code = Parse("lower(evidence.hosting_region) == \"uk\"", testing::TestNames(), error);
  REQUIRE(code);
  REQUIRE(code->instructions.size() == 1);
  CHECK(code->instructions[0].fold_case);
  CHECK(code->lowers == 0);
  // total > 30: a load, then a test against the constant.
  code = Parse("total > 30", testing::TestNames(), error);
  REQUIRE(code);
  REQUIRE(code->instructions.size() == 2);
  CHECK(code->instructions[1].op == Op::kTestConstant);
}

TEST_CASE("Parser: a jump past and/or may land on a fused test", "[rules]") {
  TestFacts facts;
  facts.evidence["open_api"] = true;
  // (false and X) == false: the and jumps straight to "== false", which is
  // fused into one instruction; false == false.
  CHECK(TruthOf("(false and evidence.open_api) == false", facts) == Truth::kTrue);
  CHECK(TruthOf("(true or evidence.open_api) != true", facts) == Truth::kFalse);
  CHECK(TruthOf("(evidence.open_api and true) == true", facts) == Truth::kTrue);
}

TEST_CASE("Parser: a program lists what it reads, for ordering rules", "[rules]") {
  auto program = Build(
      "passed(\"uk-hosting\") and score(\"price\") > 50 and total > 10 and "
      "has(evidence.dpia_date) and evidence.patch_days < 30 and procurement.budget > 0");
  CHECK(program->reads_rules() == std::set<std::string>{"uk-hosting"});
  CHECK(program->reads_scores() == std::set<std::string>{"price"});
  CHECK(program->reads_total());
  CHECK(program->reads_evidence() == std::set<std::string>{"dpia_date", "patch_days"});
  CHECK(program->reads_procurement() == std::set<std::string>{"budget"});
  auto plain = Build("true");
  CHECK(plain->reads_rules().empty());
  CHECK_FALSE(plain->reads_total());
}

TEST_CASE("Parser: Compile gives exactly one error, the first in the text", "[rules]") {
  Compiled compiled = Compile("evidence.nope > 1 and (", testing::TestNames());
  CHECK(compiled.program == nullptr);
  REQUIRE(compiled.errors.size() == 1);
  CHECK(compiled.errors[0].offset == 9);
  CHECK(compiled.errors[0].message == "unknown evidence 'nope'");
}

}  // namespace
}  // namespace weighbridge::rules
