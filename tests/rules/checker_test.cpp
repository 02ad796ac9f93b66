// Type errors, shown as the loader will show them: the expression, a caret
// under the offending token, and the message.
#include "engine/rules/checker.h"

#include <catch2/catch.hpp>

#include "tests/rules/test_facts.h"

namespace weighbridge::rules {
namespace {

// The expression, then a caret line; "compiles" if there is no error.
std::string Caret(std::string_view text) {
  Compiled compiled = Compile(text, testing::TestNames());
  if (compiled.errors.empty()) return "compiles";
  const CompileError& error = compiled.errors[0];
  return std::string(text) + "\n" + std::string(error.offset, ' ') + "^ " + error.message;
}

TEST_CASE("Checker: comparing text with a number points at the operator", "[rules]") {
  CHECK(Caret("evidence.hosting_region > 3") ==
        "evidence.hosting_region > 3\n"
        "                        ^ cannot compare text with a number: "
        "evidence.hosting_region is text");
}

TEST_CASE("Checker: both names are described when both sides are names", "[rules]") {
  CHECK(Caret("evidence.hosting_region == evidence.patch_days") ==
        "evidence.hosting_region == evidence.patch_days\n"
        "                        ^ cannot compare text with a number: "
        "evidence.hosting_region is text and evidence.patch_days is a number");
}

TEST_CASE("Checker: a function call is described like a name, a sum is not", "[rules]") {
  CHECK(Caret("len(evidence.certifications) == \"2\"") ==
        "len(evidence.certifications) == \"2\"\n"
        "                             ^ cannot compare a number with text: "
        "len(evidence.certifications) is a number");
  CHECK(Caret("evidence.users + 1 == \"2\"") ==
        "evidence.users + 1 == \"2\"\n"
        "                   ^ cannot compare a number with text");
}

TEST_CASE("Checker: an unknown criterion points at its id", "[rules]") {
  CHECK(Caret("score(\"prcie\") > 3") ==
        "score(\"prcie\") > 3\n"
        "      ^ unknown criterion 'prcie', did you mean 'price'?");
}

TEST_CASE("Checker: the condition as a whole must be true or false", "[rules]") {
  CHECK(Caret("lower(evidence.hosting_region)") ==
        "lower(evidence.hosting_region)\n"
        "^ a condition must be true or false, but lower(evidence.hosting_region) is text");
  CHECK(Caret("score(\"price\") * 2") ==
        "score(\"price\") * 2\n"
        "^ a condition must be true or false, not a number");
}

TEST_CASE("Checker: each operator accepts the types it is documented for", "[rules]") {
  // One well-typed use of each, so that a rule change shows here first.
  for (const char* text :
       {"true == false", "1 != 2", "\"a\" == \"b\"", "[\"a\"] == []", "date(\"2026-01-01\") == date(\"2026-01-02\")",
        "1 < 2", "date(\"2026-01-01\") >= date(\"2026-01-02\")", "\"a\" in [\"a\"]",
        "\"a\" not in evidence.certifications", "evidence.certifications contains \"a\"",
        "\"abc\" contains \"b\"", "1 + 2 - 3 * 4 / 5 > -6", "not true and false or true",
        "len(\"abc\") + len([]) > 0", "lower(\"A\") == \"a\"", "has(evidence.users)"}) {
    INFO(text);
    CHECK(Caret(text) == "compiles");
  }
}

TEST_CASE("Checker: == between different types is an error even for true/false", "[rules]") {
  CHECK(Caret("evidence.open_api == 1") ==
        "evidence.open_api == 1\n"
        "                  ^ cannot compare a true/false value with a number: "
        "evidence.open_api is true or false");
  CHECK(Caret("date(\"2026-01-01\") == \"2026-01-01\"") ==
        "date(\"2026-01-01\") == \"2026-01-01\"\n"
        "                   ^ cannot compare a date with text");
}

}  // namespace
}  // namespace weighbridge::rules
