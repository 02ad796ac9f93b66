#include "engine/rules/lexer.h"

#include <catch2/catch.hpp>

namespace weighbridge::rules {
namespace {

using K = TokenKind;

// "kind@offset" for each token, so a whole line of tokens reads as one string.
std::string Kinds(std::string_view text) {
  static const char* kNames[] = {"end",   "error", "number", "text",    "name",  "key",
                                 "true",  "false", "and",    "or",      "not",   "in",
                                 "contains", ".",  ",",      "(",       ")",     "[",
                                 "]",     "==",    "!=",     "<",       "<=",    ">",
                                 ">=",    "+",     "-",      "*",       "/"};
  std::string out;
  for (const Token& token : Lex(text)) {
    if (!out.empty()) out += ' ';
    out += kNames[static_cast<int>(token.kind)];
    out += '@' + std::to_string(token.offset);
  }
  return out;
}

TEST_CASE("Lexer: gives each token of a rule with its byte offset", "[rules]") {
  // evidence 0-7, '.' 8, hosting_region 9-22, in 24-25, '[' 27, "UK" 28-31,
  // ',' 32, "EEA" 34-38, ']' 39; the text is 40 bytes long.
  std::vector<Token> tokens = Lex(R"(evidence.hosting_region in ["UK", "EEA"])");
  REQUIRE(tokens.size() == 10);
  CHECK(tokens[0].kind == K::kName);
  CHECK(tokens[0].text == "evidence");
  CHECK(tokens[2].kind == K::kKey);
  CHECK(tokens[2].value == "hosting_region");
  CHECK(tokens[2].offset == 9);
  CHECK(tokens[5].kind == K::kText);
  CHECK(tokens[5].value == "UK");
  CHECK(tokens[5].text == "\"UK\"");
  CHECK(Kinds(R"(evidence.hosting_region in ["UK", "EEA"])") ==
        "name@0 .@8 key@9 in@24 [@27 text@28 ,@32 text@34 ]@39 end@40");
}

TEST_CASE("Lexer: reads every operator and bracket", "[rules]") {
  CHECK(Kinds("== != <= >= < > + - * / ( ) , .") ==
        "==@0 !=@3 <=@6 >=@9 <@12 >@14 +@16 -@18 *@20 /@22 (@24 )@26 ,@28 .@30 end@31");
  CHECK(Kinds("1<=2") == "number@0 <=@1 number@3 end@4");
}

TEST_CASE("Lexer: tells keywords from names", "[rules]") {
  CHECK(Kinds("true false and or not in contains total") ==
        "true@0 false@5 and@11 or@15 not@18 in@22 contains@25 name@34 end@39");
}

TEST_CASE("Lexer: reads whole and decimal numbers", "[rules]") {
  std::vector<Token> tokens = Lex("12 3.5 0.25");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].number == 12);
  CHECK(tokens[1].number == 3.5);
  CHECK(tokens[1].offset == 3);
  CHECK(tokens[2].number == 0.25);
  CHECK(tokens[2].offset == 7);
}

TEST_CASE("Lexer: unescapes \\\" and \\\\ in text", "[rules]") {
  std::vector<Token> tokens = Lex(R"("say \"hi\" \\ ok")");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].kind == K::kText);
  CHECK(tokens[0].value == R"(say "hi" \ ok)");
  CHECK(tokens[1].offset == 18);
}

TEST_CASE("Lexer: a key after evidence. may hold '-'; elsewhere '-' is minus", "[rules]") {
  // cyber-essentials is 16 bytes from 9, so '-' is at 26 and 1 at 28.
  CHECK(Kinds("evidence.cyber-essentials - 1") == "name@0 .@8 key@9 -@26 number@28 end@29");
  CHECK(Lex("evidence.cyber-essentials")[2].value == "cyber-essentials");
  CHECK(Kinds("total-1") == "name@0 -@5 number@6 end@7");
  CHECK(Kinds("evidence . open_api") == "name@0 .@9 key@11 end@19");
  CHECK(Kinds("evidence.true") == "name@0 .@8 key@9 end@13");
  CHECK(Kinds("score.x") == "name@0 .@5 name@6 end@7");
}

TEST_CASE("Lexer: the end is just after the last non-blank byte", "[rules]") {
  CHECK(Kinds("total   ") == "name@0 end@5");
  CHECK(Kinds("  \t\n") == "end@0");
  CHECK(Kinds("") == "end@0");
}

TEST_CASE("Lexer: says why a character cannot be read, then goes on", "[rules]") {
  std::vector<Token> tokens = Lex("'UK'");
  REQUIRE(tokens.size() == 4);
  CHECK(Kinds("'UK'") == "error@0 name@1 error@3 end@4");
  CHECK(tokens[0].value == R"(text goes in double quotes, such as "UK")");
  CHECK(Lex("a = b")[1].value == "use '==' to compare, not '='");
  CHECK(Lex("a = b")[1].offset == 2);
  CHECK(Lex("!a")[0].value == "use 'not' to negate, or '!=' for 'is not equal to'");
  CHECK(Lex("a && b")[1].value == "use 'and' instead of '&&'");
  CHECK(Lex("a | b")[1].value == "use 'or' instead of '|'");
  CHECK(Lex("#")[0].value == "unexpected character '#'");
  CHECK(Lex("\xC3\xA9")[0].value == "unexpected character '\xC3\xA9'");
  CHECK(Lex("\x01")[0].value == "unexpected character 'U+0001'");
  CHECK(Lex("\xFF")[0].value == "unexpected character '0xFF'");
}

TEST_CASE("Lexer: curly quotes pasted from a word processor get their own message", "[rules]") {
  // Each curly quote is 3 bytes in UTF-8: “ at 0-2, UK at 3-4, ” at 5-7.
  CHECK(Kinds("\xE2\x80\x9CUK\xE2\x80\x9D") == "error@0 name@3 error@5 end@8");
  CHECK(Lex("\xE2\x80\x9CUK\xE2\x80\x9D")[0].value ==
        "use straight quotes \" around text, not curly quotes");
}

TEST_CASE("Lexer: rejects unclosed text and unknown escapes", "[rules]") {
  CHECK(Kinds("\"abc") == "error@0 end@4");
  CHECK(Lex("\"abc")[0].value == "this text has no closing '\"'");
  // The backslash is at 2 in "a\nb".
  CHECK(Kinds(R"("a\nb")") == "error@2 end@6");
  CHECK(Lex(R"("a\nb")")[0].value ==
        R"(unknown escape '\n' in text: only \" and \\ may follow a backslash)");
}

TEST_CASE("Lexer: rejects numbers with letters or dots glued on", "[rules]") {
  CHECK(Lex("12abc")[0].value == "'12abc' is not a number");
  CHECK(Lex("1.")[0].value == "'1.' is not a number");
  CHECK(Lex("1.2.3")[0].value == "'1.2.3' is not a number");
  CHECK(Lex(std::string("1") + std::string(400, '0'))[0].value == "this number is too large");
}

}  // namespace
}  // namespace weighbridge::rules
