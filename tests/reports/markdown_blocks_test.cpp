#include "reports/markdown_blocks.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

using Kind = MarkdownBlock::Kind;

TEST_CASE("Markdown blocks: headings, joined paragraphs, lists and tables in order", "[reports]") {
  std::vector<MarkdownBlock> blocks = ReadMarkdownBlocks(
      "# Title\n\n## The decision\n\nFirst line.\nSecond line.\n\n- one\n- two\n\n"
      "| Rank | Product |\n| ---: | --- |\n| 1 | A \\| B |\n");
  REQUIRE(blocks.size() == 5);
  CHECK((blocks[0].kind == Kind::kHeading && blocks[0].level == 1 && blocks[0].text == "Title"));
  CHECK((blocks[1].kind == Kind::kHeading && blocks[1].level == 2));
  CHECK((blocks[2].kind == Kind::kParagraph && blocks[2].text == "First line. Second line."));
  CHECK((blocks[3].kind == Kind::kList && blocks[3].items == std::vector<std::string>{"one", "two"}));
  REQUIRE(blocks[4].kind == Kind::kTable);
  CHECK(blocks[4].header == std::vector<std::string>{"Rank", "Product"});
  CHECK(blocks[4].numeric == std::vector<bool>{true, false});
  // The escaped pipe stays inside its cell.
  CHECK(blocks[4].rows == std::vector<std::vector<std::string>>{{"1", "A \\| B"}});
}

TEST_CASE("Markdown blocks: an empty table cell is kept in its place", "[reports]") {
  std::vector<MarkdownBlock> blocks = ReadMarkdownBlocks("| a | b | c |\n| --- | --- | --- |\n| x | | z |\n");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].rows == std::vector<std::vector<std::string>>{{"x", "", "z"}});
}

TEST_CASE("Markdown blocks: inline markup becomes HTML and escapes are resolved then re-escaped",
          "[reports]") {
  CHECK(InlineHtml("**Birch** scored \\<script\\> & `ab<c` &emsp;x") ==
        "<strong>Birch</strong> scored &lt;script&gt; &amp; <code>ab&lt;c</code> &emsp;x");
  CHECK(InlineHtml("It\\'s \\*not\\* bold") == "It&#39;s *not* bold");
  // An unclosed marker is closed, so the page stays well formed.
  CHECK(InlineHtml("**open") == "<strong>open</strong>");
}

TEST_CASE("Markdown blocks: plain text drops markers and indents", "[reports]") {
  CHECK(InlinePlain("&emsp;&emsp;**Care** \\<b\\>") == "Care <b>");
  CHECK(LeadingIndents("&emsp;&emsp;Care") == 2);
  CHECK(LeadingIndents("Care") == 0);
}

}  // namespace
}  // namespace weighbridge
