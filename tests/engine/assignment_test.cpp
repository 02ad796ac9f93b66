// scores.toml's [[assignment]]: who scores what, loaded and checked with the
// whole folder; and blind scoring's view built from it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "weighbridge/blind_scores.h"
#include "tests/engine/input_folder.h"
#include "tests/workspace/workspace_fixture.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// A procurement whose framework has a branch `care` (judgement leaves
// care.a and care.b), a judgement leaf `c` and an evidence leaf `d`; two
// candidates; scores.toml as each test writes it.
class Folder : public test::InputFolder {
 public:
  explicit Folder(const std::string& scores, const std::string& procurement_extra = "",
                  const std::string& costs = "") {
    Write(
        "framework.toml",
        "[framework]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n"
        "[[criterion]]\nid = \"care\"\ntitle = \"Care\"\n"
        "[[criterion]]\nid = \"care.a\"\nparent = \"care\"\ntitle = \"A\"\nassess = \"judgement\"\n"
        "[[criterion]]\nid = \"care.b\"\nparent = \"care\"\ntitle = \"B\"\nassess = \"judgement\"\n"
        "[[criterion]]\nid = \"c\"\ntitle = \"C\"\nassess = \"judgement\"\n"
        "[[criterion]]\nid = \"d\"\ntitle = \"D\"\nassess = \"evidence\"\nevidence = \"open\"\n"
        "value = { type = \"boolean\" }\n");
    Write("procurement.toml",
          "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = "
          "\"framework.toml\"\n" +
              procurement_extra);
    Write("candidates.toml",
          "[[candidate]]\nid = \"x\"\nname = \"X\"\nevidence = { open = true }\n" + costs +
              "[[candidate]]\nid = \"y\"\nname = \"Y\"\n" + costs);
    Write("panel.toml", "");
    Write("scores.toml", scores);
  }
};

std::string Score(const std::string& evaluator, const std::string& candidate,
                  const std::string& criterion, int value) {
  return "[[score]]\nevaluator = \"" + evaluator + "\"\ncandidate = \"" + candidate +
         "\"\ncriterion = \"" + criterion + "\"\nvalue = " + std::to_string(value) + "\n";
}

TEST_CASE("Assignments: a branch covers every judgement leaf under it", "[load]") {
  Folder folder(
      "[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"care\"]\n"
      "[[assignment]]\nevaluator = \"e2\"\ncriteria = [\"c\", \"care.b\"]\n");
  ProcurementLoad load = folder.Load();
  REQUIRE(load.procurement);
  const std::vector<Assignment>& assignments = load.procurement->assignments;
  REQUIRE(assignments.size() == 2);
  CHECK(assignments[0].evaluator == "e1");
  CHECK(assignments[0].leaves == std::vector<std::string>{"care.a", "care.b"});
  CHECK(assignments[1].criteria == std::vector<std::string>{"c", "care.b"});
  CHECK(assignments[1].leaves == std::vector<std::string>{"c", "care.b"});
}

TEST_CASE("Assignments: a score outside the evaluator's assignment names both", "[load]") {
  // Line 1-3 the assignment; the score's criterion is on line 7, its value at column 13.
  Folder folder("[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"care\"]\n" +
                Score("e1", "x", "c", 3) + Score("e2", "x", "c", 4));
  ProcurementLoad load = folder.Load();
  CHECK_FALSE(load.procurement);
  CHECK(load.diagnostics.ToString() ==
        folder.file("scores.toml") +
            ":7:13: error: evaluator 'e1' scores 'c', which is not assigned to them (their "
            "assignment: care)\n"
            "  criterion = \"c\"\n"
            "              ^\n");
}

TEST_CASE("Assignments: an evidence criterion, an unknown id and a second assignment are refused",
          "[load]") {
  Folder folder(
      "[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"d\", \"cre\"]\n"
      "[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"c\"]\n");
  ProcurementLoad load = folder.Load();
  CHECK_FALSE(load.procurement);
  // "d" starts at column 13 of line 3, "cre" at 18; the second evaluator's value
  // at column 13 of line 5.
  const std::string scores = folder.file("scores.toml");
  CHECK(load.diagnostics.ToString() ==
        scores +
            ":3:13: error: 'd' is scored from the candidates' evidence, not by evaluators\n"
            "  criteria = [\"d\", \"cre\"]\n"
            "              ^\n" +
            scores +
            ":3:18: error: criterion 'cre' is not in the framework, did you mean "
            "'care'?\n"
            "  criteria = [\"d\", \"cre\"]\n"
            "                   ^\n" +
            scores +
            ":5:13: error: evaluator 'e1' is assigned twice: list all their criteria in "
            "one [[assignment]]\n"
            "  evaluator = \"e1\"\n"
            "              ^\n");
}

TEST_CASE("Assignments: price is never assigned", "[load]") {
  Folder folder("[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"price\"]\n",
                "term_years = 5\n[price]\nshare = 0.3\n",
                "[candidate.costs]\nannual = { licence = 1000 }\n");
  ProcurementLoad load = folder.Load();
  CHECK_FALSE(load.procurement);
  CHECK(load.diagnostics.ToString() ==
        folder.file("scores.toml") +
            ":3:13: error: price is never assigned: it is scored from the bids' costs, not by "
            "evaluators\n"
            "  criteria = [\"price\"]\n"
            "              ^\n");
}

TEST_CASE("Blind scoring: others' scores show only once every assigned criterion is scored",
          "[load]") {
  // e1 is assigned the branch care (care.a, care.b). For x they scored both:
  // e2's score on x shows. For y they scored care.a only: one to do, and
  // e2's score on y stays hidden.
  Folder folder("[[assignment]]\nevaluator = \"e1\"\ncriteria = [\"care\"]\n" +
                Score("e1", "x", "care.b", 2) + Score("e1", "x", "care.a", 3) +
                Score("e1", "y", "care.a", 4) + Score("e2", "x", "c", 5) +
                Score("e2", "y", "c", 1));
  ProcurementLoad load = folder.Load();
  REQUIRE(load.procurement);
  BlindScores view = ScoresSeenBy(*load.procurement, "e1");
  CHECK(view.assigned);
  REQUIRE(view.candidates.size() == 2);
  const BlindCandidate& x = view.candidates[0];
  REQUIRE(x.own.size() == 2);
  CHECK(x.own[0].criterion == "care.a");  // in the tree's order, not the file's
  CHECK(x.to_do.empty());
  REQUIRE(x.others.size() == 1);
  CHECK(x.others[0].evaluator == "e2");
  CHECK(x.others[0].value == 5);
  const BlindCandidate& y = view.candidates[1];
  CHECK(y.to_do == std::vector<std::string>{"care.b"});
  CHECK(y.others.empty());
  // e3 has no assignment: every judgement leaf (care.a, care.b, c) is theirs to do.
  CHECK(ScoresSeenBy(*load.procurement, "e3").candidates[0].to_do ==
        std::vector<std::string>{"care.a", "care.b", "c"});
}

}  // namespace
}  // namespace weighbridge
