// Parsing framework text: the scale, criteria and value functions, and the
// messages for problems (with their quoted line and caret).
#include <catch2/catch.hpp>

#include "engine/load/toml_document.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace {

const char* kGood = R"([framework]
id = "f"
version = "1.0.0"
title = "Test"

[scale]
min = 1
max = 10
moderation_threshold = 3
levels = [ { value = 10, label = "Best" }, { value = 1, label = "Worst", descriptor = "None" } ]

[[criterion]]
id = "a"
title = "A"

[[criterion]]
id = "a.x"
parent = "a"
title = "X"
assess = "judgement"

[[criterion]]
id = "b"
title = "B"
assess = "evidence"
evidence = "days"
value = { type = "piecewise", points = [[0, 0], [10, 50], [20, 100]] }
)";

TEST_CASE("Framework parser: reads the scale, tree and value functions", "[load]") {
  FrameworkLoad load = ParseFramework(kGood, "f.toml");
  REQUIRE(load.diagnostics.ToString() == "");
  REQUIRE(load.framework);
  const Framework& f = *load.framework;
  CHECK(f.scale.min == 1);
  CHECK(f.scale.max == 10);
  CHECK(f.scale.moderation_threshold == 3);
  // Levels are sorted by value whatever order they were written in.
  REQUIRE(f.scale.levels.size() == 2);
  CHECK(f.scale.levels[0].label == "Worst");
  CHECK(f.tree.leaves() == std::vector<std::string>{"a.x", "b"});
  const Criterion* b = f.tree.Find("b");
  REQUIRE(b);
  CHECK(b->value.kind == ValueKind::kPiecewise);
  CHECK(b->value.points == std::vector<std::pair<double, double>>{{0, 0}, {10, 50}, {20, 100}});
}

TEST_CASE("Framework parser: a misspelt key is an error with a suggestion and a caret", "[load]") {
  FrameworkLoad load = ParseFramework("[framework]\nid = \"f\"\nversion = \"1\"\ntitel = \"T\"\n",
                                      "f.toml");
  CHECK_FALSE(load.framework);
  // 'title' is missing (reported at the table, line 1) and 'titel' is unknown.
  CHECK(load.diagnostics.ToString() ==
        "f.toml:1:1: error: [framework] needs 'title'\n"
        "  [framework]\n"
        "  ^\n"
        "f.toml:4:1: error: unknown key 'titel' in [framework], did you mean 'title'?\n"
        "  titel = \"T\"\n"
        "  ^\n"
        "f.toml:1:1: error: the framework has no criteria; add at least one [[criterion]]\n"
        "  [framework]\n"
        "  ^\n");
}

TEST_CASE("Framework parser: a judgement criterion may carry a minimum", "[load]") {
  // kGood's last criterion 'b' ends at line 27; a.x is a judgement leaf.
  std::string text = std::string(kGood);
  text.insert(text.find("assess = \"judgement\"\n") + 21, "minimum = 2.5\n");
  FrameworkLoad load = ParseFramework(text, "f.toml");
  REQUIRE(load.diagnostics.ToString() == "");
  const Criterion* ax = load.framework->tree.Find("a.x");
  REQUIRE(ax->minimum);
  CHECK(*ax->minimum == 2.5);
  CHECK(ax->minimum_pos.line == 21);  // the line after 'assess' (line 20)
}

TEST_CASE("Framework parser: rules are read with their keys checked per kind", "[load]") {
  std::string text = std::string(kGood) +
                     "[[rule]]\nid = \"g\"\nkind = \"gate\"\nwhen = 'total > 1'\n";
  FrameworkLoad load = ParseFramework(text, "f.toml");
  // Lines 28-31: the gate is written with 'when' (line 31). That one mistake
  // gives one message, not also "needs pass_if".
  CHECK(load.diagnostics.ToString() ==
        "f.toml:31:1: error: gates use pass_if, the condition a candidate must meet\n"
        "  when = 'total > 1'\n"
        "  ^\n");
}

TEST_CASE("Framework parser: broken TOML is reported where it breaks", "[load]") {
  FrameworkLoad load = ParseFramework("[framework]\nid = \"f\nversion = \"1\"\n", "f.toml");
  CHECK_FALSE(load.framework);
  REQUIRE(load.diagnostics.all().size() == 1);
  const Diagnostic& d = load.diagnostics.all()[0];
  CHECK(d.pos.file == "f.toml");
  CHECK(d.pos.line == 2);  // the string opened on line 2 never closes
  CHECK(d.message.rfind("this is not valid TOML: ", 0) == 0);
}

TEST_CASE("Framework parser: a scale whose max is not above its min is refused", "[load]") {
  FrameworkLoad load = ParseFramework(
      "[framework]\nid = \"f\"\nversion = \"1\"\ntitle = \"T\"\n[scale]\nmin = 3\nmax = 3\n"
      "[[criterion]]\nid = \"a\"\ntitle = \"A\"\nassess = \"judgement\"\n",
      "f.toml");
  CHECK(load.diagnostics.ToString() ==
        "f.toml:7:7: error: the scale's max (3) must be above its min (3), or no score could be "
        "told apart from another\n"
        "  max = 3\n"
        "        ^\n");
}

TEST_CASE("Framework parser: value functions that cannot work are refused", "[load]") {
  std::string head = "[framework]\nid = \"f\"\nversion = \"1\"\ntitle = \"T\"\n"
                     "[[criterion]]\nid = \"a\"\ntitle = \"A\"\nassess = \"evidence\"\n"
                     "evidence = \"k\"\n";
  SECTION("linear with worst = best") {
    FrameworkLoad load =
        ParseFramework(head + "value = { type = \"linear\", worst = 5, best = 5 }\n", "f.toml");
    REQUIRE(load.diagnostics.all().size() == 1);
    CHECK(load.diagnostics.all()[0].message ==
          "a linear value needs 'worst' and 'best' to differ; both are 5");
  }
  SECTION("piecewise points going back") {
    FrameworkLoad load = ParseFramework(
        head + "value = { type = \"piecewise\", points = [[0, 0], [10, 50], [5, 100]] }\n",
        "f.toml");
    REQUIRE(load.diagnostics.all().size() == 1);
    CHECK(load.diagnostics.all()[0].message ==
          "piecewise points must be in increasing order of their first value");
    // The third point starts at column 59 of line 10: "value = { " is 10 characters,
    // "type = \"piecewise\", " 20 more, "points = [" 10 more, "[0, 0], [10, 50], " 18 more.
    CHECK(load.diagnostics.all()[0].pos.line == 10);
    CHECK(load.diagnostics.all()[0].pos.column == 59);
  }
  SECTION("a level scored above 100") {
    FrameworkLoad load = ParseFramework(
        head + "value = { type = \"levels\", map = { none = 0, full = 150 } }\n", "f.toml");
    REQUIRE(load.diagnostics.all().size() == 1);
    CHECK(load.diagnostics.all()[0].message == "level 'full' should be from 0 to 100");
  }
}

}  // namespace
}  // namespace weighbridge

namespace weighbridge {
namespace {

TEST_CASE("TOML errors are put in plain words", "[load]") {
  // Descriptions as toml++ 3.3 gives them for: an unclosed quote, a key given
  // twice, a key with no '=', and a list left open at the end of the file.
  CHECK(PlainTomlError("Error while parsing string: unescaped control characters other than TAB "
                       "(U+0009) are explicitly prohibited") ==
        "this is not valid TOML: text in quotes needs a closing quote before the end of the line");
  CHECK(PlainTomlError("Error while parsing key-value pair: cannot redefine existing integer 'a'") ==
        "this is not valid TOML: 'a' is given twice; each key or table may be given only once");
  CHECK(PlainTomlError("Error while parsing key-value pair: expected '=', saw '1'") ==
        "this is not valid TOML: a key needs '=' and then its value");
  CHECK(PlainTomlError("Error while parsing array: encountered end-of-file") ==
        "this is not valid TOML: the file ends before this list is closed with ']'");
}

}  // namespace
}  // namespace weighbridge
