// [candidate.low_bid_investigation]: loaded and checked, and shown on the
// abnormally-low flag it answers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "weighbridge/evaluate.h"
#include "tests/engine/input_folder.h"
#include "tests/workspace/workspace_fixture.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// Price has a 30% share over 5 years. Yearly costs: x 30,000, y 28,000 and
// z 5,000. With A the present value of 1 a year (about 4.5; anything from 4
// to 5 gives the same flags), z's 5,000 A is far below 70% of the mean of the
// others, 29,000 A: flagged. x's 30,000 A and y's 28,000 A are each above the
// mean of the other two (16,500 A and 17,500 A): not flagged.
class Folder : public test::InputFolder {
 public:
  explicit Folder(const std::string& investigation) {
    Write("framework.toml",
          "[framework]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n"
          "[[criterion]]\nid = \"a\"\ntitle = \"A\"\nassess = \"judgement\"\n");
    Write("procurement.toml",
          "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"framework.toml\"\n"
          "term_years = 5\n[price]\nshare = 0.3\n");
    Write("candidates.toml",
          "[[candidate]]\nid = \"x\"\nname = \"X\"\n[candidate.costs]\n"
          "annual = { licence = 30000 }\n"
          "[[candidate]]\nid = \"y\"\nname = \"Y\"\n[candidate.costs]\n"
          "annual = { licence = 28000 }\n"
          "[[candidate]]\nid = \"z\"\nname = \"Z\"\n[candidate.costs]\n"
          "annual = { licence = 5000 }\n" +
              investigation);
    Write("panel.toml", "");
    Write("scores.toml", "");
  }
};

const CostFlag* LowFlag(const Decision& decision, const std::string& id) {
  for (const CandidateResult& c : decision.candidates) {
    if (c.id != id || !c.cost) continue;
    for (const CostFlag& flag : c.cost->flags) {
      if (flag.flag == "abnormally-low") return &flag;
    }
  }
  return nullptr;
}

Decision EvaluateQuietly(const Procurement& procurement) {
  EvaluateOptions options;
  options.sensitivity.enabled = false;
  return Evaluate(procurement, options);
}

TEST_CASE("Low bid investigation: an accepted outcome is told on the flag, with the note",
          "[cost]") {
  Folder folder(
      "[candidate.low_bid_investigation]\noutcome = \"accepted\"\nnote = \"A grant pays\"\n");
  ProcurementLoad load = folder.Load();
  REQUIRE(load.procurement);
  REQUIRE(load.procurement->candidates[2].low_bid_investigation);
  Decision decision = EvaluateQuietly(*load.procurement);
  const CostFlag* flag = LowFlag(decision, "z");
  REQUIRE(flag);
  const std::string end = " The authority investigated it and accepted the bid: A grant pays";
  REQUIRE(flag->reason.size() > end.size());
  CHECK(flag->reason.substr(flag->reason.size() - end.size()) == end);
  CHECK_FALSE(LowFlag(decision, "x"));
  CHECK_FALSE(LowFlag(decision, "y"));
}

TEST_CASE("Low bid investigation: an outcome other than accepted or rejected is refused",
          "[cost]") {
  // The candidates file's 17th line holds the outcome (5 lines for each of x, y and z,
  // then the table); its value starts at column 11.
  Folder folder("[candidate.low_bid_investigation]\noutcome = \"maybe\"\nnote = \"n\"\n");
  ProcurementLoad load = folder.Load();
  CHECK_FALSE(load.procurement);
  CHECK(load.diagnostics.ToString() ==
        folder.file("candidates.toml") +
            ":17:11: error: the outcome of an investigation is \"accepted\" or \"rejected\", not "
            "'maybe'\n"
            "  outcome = \"maybe\"\n"
            "            ^\n");
}

}  // namespace
}  // namespace weighbridge
