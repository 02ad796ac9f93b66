// Every line of tests/rules/bad_expressions.txt: an expression that must not
// compile, with the byte offset and message it must give.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/rules/test_facts.h"

namespace weighbridge::rules {
namespace {

struct BadExpression {
  int line = 0;
  std::string text;
  std::size_t offset = 0;
  std::string message;
};

std::vector<BadExpression> ReadBadExpressions() {
  std::ifstream in(WEIGHBRIDGE_SOURCE_DIR "/tests/rules/bad_expressions.txt");
  REQUIRE(in);
  std::vector<BadExpression> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    INFO("bad_expressions.txt:" << number);
    REQUIRE(tab2 != std::string::npos);
    BadExpression bad;
    bad.line = number;
    bad.text = line.substr(0, tab1);
    bad.offset = std::stoul(line.substr(tab1 + 1, tab2 - tab1 - 1));
    bad.message = line.substr(tab2 + 1);
    cases.push_back(bad);
  }
  return cases;
}

TEST_CASE("Compile: each bad expression gives its exact message at its offset", "[rules]") {
  std::vector<BadExpression> cases = ReadBadExpressions();
  CHECK(cases.size() >= 30);
  for (const BadExpression& bad : cases) {
    INFO("bad_expressions.txt:" << bad.line << ": " << bad.text);
    Compiled compiled = Compile(bad.text, testing::TestNames());
    CHECK(compiled.program == nullptr);
    REQUIRE(compiled.errors.size() == 1);
    CHECK(compiled.errors[0].message == bad.message);
    CHECK(compiled.errors[0].offset == bad.offset);
  }
}

TEST_CASE("Compile: messages are plain sentences with no trailing period", "[rules]") {
  for (const BadExpression& bad : ReadBadExpressions()) {
    INFO(bad.message);
    CHECK(bad.message.back() != '.');
    CHECK(bad.offset <= bad.text.size());
  }
}

}  // namespace
}  // namespace weighbridge::rules
