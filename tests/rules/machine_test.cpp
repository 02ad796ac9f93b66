// Running compiled conditions: every operator and function, three-valued
// logic, missing values, division by zero and what a run reads. Expected values
// are worked out by hand from the facts set up in Supplier().
#include "engine/rules/machine.h"

#include <cmath>

#include <catch2/catch.hpp>

#include "tests/rules/test_facts.h"

namespace weighbridge::rules {
namespace {

using testing::Build;
using testing::RunText;
using testing::TestFacts;
using testing::TruthOf;
using Read = std::pair<std::string, Value>;
using Texts = std::vector<std::string>;

constexpr Truth T = Truth::kTrue;
constexpr Truth F = Truth::kFalse;
constexpr Truth M = Truth::kMissing;

// A supplier that gave every fact but users.
TestFacts Supplier() {
  TestFacts facts;
  facts.evidence["hosting_region"] = std::string("UK");
  facts.evidence["open_api"] = false;
  facts.evidence["patch_days"] = 45.0;
  facts.evidence["dpia_date"] = Date{2026, 1, 15};
  facts.evidence["certifications"] = Texts{"ISO 27001", "Cyber Essentials Plus"};
  facts.evidence["annual_cost"] = 12000.0;
  facts.procurement["budget"] = 100000.0;
  facts.procurement["term_years"] = 5.0;
  facts.scores = {{"price", 80}, {"rights", 35}};
  facts.total = 62.5;
  facts.passed = {"uk-hosting"};
  return facts;
}

TEST_CASE("Machine: == and != compare values of the same type", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(TruthOf("evidence.hosting_region == \"UK\"", facts) == T);
  CHECK(TruthOf("evidence.hosting_region != \"UK\"", facts) == F);
  CHECK(TruthOf("evidence.hosting_region == \"uk\"", facts) == F);  // case matters
  CHECK(TruthOf("evidence.open_api == false", facts) == T);
  CHECK(TruthOf("evidence.open_api != true", facts) == T);
  CHECK(TruthOf("evidence.patch_days == 45", facts) == T);
  CHECK(TruthOf("evidence.certifications == [\"ISO 27001\", \"Cyber Essentials Plus\"]", facts) == T);
  CHECK(TruthOf("evidence.certifications == [\"Cyber Essentials Plus\", \"ISO 27001\"]", facts) == F);
}

TEST_CASE("Machine: < <= > >= order numbers", "[rules]") {
  TestFacts facts = Supplier();  // patch_days = 45
  CHECK(TruthOf("evidence.patch_days > 30", facts) == T);
  CHECK(TruthOf("evidence.patch_days >= 45", facts) == T);
  CHECK(TruthOf("evidence.patch_days < 45", facts) == F);
  CHECK(TruthOf("evidence.patch_days <= 44.5", facts) == F);
  CHECK(TruthOf("evidence.patch_days <= 45", facts) == T);
}

TEST_CASE("Machine: < <= > >= == order dates by year, then month, then day", "[rules]") {
  TestFacts facts = Supplier();  // dpia_date = 2026-01-15
  CHECK(TruthOf("evidence.dpia_date >= date(\"2026-01-01\")", facts) == T);
  CHECK(TruthOf("evidence.dpia_date < date(\"2026-01-15\")", facts) == F);
  CHECK(TruthOf("evidence.dpia_date <= date(\"2026-01-15\")", facts) == T);
  CHECK(TruthOf("evidence.dpia_date == date(\"2026-01-15\")", facts) == T);
  CHECK(TruthOf("evidence.dpia_date > date(\"2025-12-31\")", facts) == T);
  CHECK(TruthOf("date(\"2026-02-01\") > date(\"2026-01-31\")", facts) == T);  // month before day
  CHECK(TruthOf("date(\"2025-12-31\") < date(\"2026-01-01\")", facts) == T);  // year before month
  CHECK(TruthOf("date(\"2024-02-29\") < date(\"2024-03-01\")", facts) == T);  // 2024 is a leap year
  CHECK(TruthOf("date(\"2000-02-29\") != date(\"2000-03-01\")", facts) == T);  // 2000: divisible by 400
}

TEST_CASE("Machine: in and not in look for text in a list", "[rules]") {
  TestFacts facts = Supplier();  // hosting_region = "UK"
  CHECK(TruthOf("evidence.hosting_region in [\"UK\", \"EEA\"]", facts) == T);
  CHECK(TruthOf("evidence.hosting_region not in [\"UK\"]", facts) == F);
  CHECK(TruthOf("evidence.hosting_region not in [\"US\", \"CN\"]", facts) == T);
  CHECK(TruthOf("evidence.hosting_region in []", facts) == F);
  CHECK(TruthOf("evidence.hosting_region not in []", facts) == T);
  CHECK(TruthOf("\"ISO 27001\" in evidence.certifications", facts) == T);
}

TEST_CASE("Machine: contains looks for an item in a list or a part of a text", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(TruthOf("evidence.certifications contains \"ISO 27001\"", facts) == T);
  CHECK(TruthOf("evidence.certifications contains \"ISO\"", facts) == F);  // whole items only
  CHECK(TruthOf("evidence.hosting_region contains \"K\"", facts) == T);
  CHECK(TruthOf("evidence.hosting_region contains \"UKK\"", facts) == F);
  CHECK(TruthOf("evidence.hosting_region contains \"\"", facts) == T);
}

TEST_CASE("Machine: + - * / work on numbers", "[rules]") {
  TestFacts facts = Supplier();
  // 12000 * 5 = 60000 <= 100000
  CHECK(TruthOf("evidence.annual_cost * procurement.term_years <= procurement.budget", facts) == T);
  CHECK(TruthOf("evidence.annual_cost / 200 == 60", facts) == T);
  CHECK(TruthOf("evidence.patch_days - 15 == 30", facts) == T);
  CHECK(TruthOf("evidence.patch_days + 0.5 == 45.5", facts) == T);
  CHECK(TruthOf("-evidence.patch_days == -45", facts) == T);
}

TEST_CASE("Machine: len counts list items and text characters", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(TruthOf("len(evidence.certifications) == 2", facts) == T);
  CHECK(TruthOf("len(evidence.hosting_region) == 2", facts) == T);
  CHECK(TruthOf("len(\"caf\xC3\xA9\") == 4", facts) == T);  // é is 2 bytes, 1 character
  CHECK(TruthOf("len([]) == 0", facts) == T);
  CHECK(TruthOf("len(\"\") == 0", facts) == T);
}

TEST_CASE("Machine: lower changes A-Z only", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(TruthOf("lower(evidence.hosting_region) == \"uk\"", facts) == T);
  CHECK(TruthOf("lower(\"\xC3\x80\x42\") == \"\xC3\x80\x62\"", facts) == T);  // ÀB -> Àb
  CHECK(TruthOf("lower(\"Standards Met\") == lower(\"STANDARDS MET\")", facts) == T);
  // Compared with a constant, lower() is folded into the comparison.
  CHECK(TruthOf("lower(evidence.hosting_region) in [\"eea\", \"uk\"]", facts) == T);
  CHECK(TruthOf("lower(evidence.hosting_region) not in [\"uk\"]", facts) == F);
  CHECK(TruthOf("lower(evidence.hosting_region) != \"uk\"", facts) == F);
  CHECK(TruthOf("lower(evidence.hosting_region) == \"UK\"", facts) == F);  // "uk" != "UK"
  CHECK(TruthOf("lower(evidence.hosting_region) contains \"k\"", facts) == T);
  CHECK(TruthOf("lower(\"ABC\") == \"abc\"", facts) == T);
}

TEST_CASE("Machine: has is true or false, never missing", "[rules]") {
  TestFacts facts = Supplier();  // no users
  CHECK(TruthOf("has(evidence.dpia_date)", facts) == T);
  CHECK(TruthOf("has(evidence.users)", facts) == F);
  CHECK(TruthOf("not has(evidence.users)", facts) == T);
}

TEST_CASE("Machine: score, total, procurement and passed read through Facts", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(TruthOf("score(\"price\") >= 80", facts) == T);
  CHECK(TruthOf("score(\"rights\") < 40", facts) == T);
  CHECK(TruthOf("total == 62.5", facts) == T);
  CHECK(TruthOf("procurement.budget == 100000", facts) == T);
  CHECK(TruthOf("passed(\"uk-hosting\")", facts) == T);
  CHECK(TruthOf("passed(\"security-evidence\")", facts) == F);
  CHECK(facts.slots_ok);
}

TEST_CASE("Machine: Facts are asked by slot, the name's place in Names", "[rules]") {
  // Evidence keys in order: annual_cost 0, certifications 1, cyber-essentials 2,
  // dpia_date 3, dspt.status 4, hosting_region 5, open_api 6, patch_days 7, users 8.
  struct SlotFacts : TestFacts {
    mutable std::vector<std::size_t> slots;
    const EvidenceValue* Evidence(Key key) const override {
      slots.push_back(key.slot);
      return TestFacts::Evidence(key);
    }
  } facts;
  Build("evidence.hosting_region == \"UK\" or evidence.users > 1 or has(evidence.annual_cost)")
      ->Run(facts);
  CHECK(facts.slots == std::vector<std::size_t>{5, 8, 0});
}

TEST_CASE("Machine: and/or follow three-valued logic; the known side decides", "[rules]") {
  TestFacts facts = Supplier();
  std::string m = "evidence.users > 30";  // users is missing
  CHECK(TruthOf(m, facts) == M);
  CHECK(TruthOf(m + " and false", facts) == F);
  CHECK(TruthOf("false and " + m, facts) == F);
  CHECK(TruthOf(m + " and true", facts) == M);
  CHECK(TruthOf("true and " + m, facts) == M);
  CHECK(TruthOf(m + " and " + m, facts) == M);
  CHECK(TruthOf(m + " or true", facts) == T);
  CHECK(TruthOf("true or " + m, facts) == T);
  CHECK(TruthOf(m + " or false", facts) == M);
  CHECK(TruthOf("false or " + m, facts) == M);
  CHECK(TruthOf(m + " or " + m, facts) == M);
  CHECK(TruthOf("not (" + m + ")", facts) == M);
  CHECK(TruthOf("true and true", facts) == T);
  CHECK(TruthOf("false or false", facts) == F);
}

TEST_CASE("Machine: a missing value makes every operator's result missing", "[rules]") {
  TestFacts facts;  // nothing given
  CHECK(TruthOf("evidence.patch_days + 1 > 30", facts) == M);
  CHECK(TruthOf("evidence.hosting_region in [\"UK\"]", facts) == M);
  CHECK(TruthOf("evidence.hosting_region not in [\"UK\"]", facts) == M);
  CHECK(TruthOf("evidence.certifications contains \"x\"", facts) == M);
  CHECK(TruthOf("len(evidence.certifications) > 1", facts) == M);
  CHECK(TruthOf("lower(evidence.hosting_region) == \"uk\"", facts) == M);
  CHECK(TruthOf("evidence.patch_days == evidence.patch_days", facts) == M);
  CHECK(TruthOf("-evidence.patch_days < 0", facts) == M);
  CHECK(TruthOf("evidence.dpia_date < date(\"2026-01-01\")", facts) == M);
  CHECK(TruthOf("not evidence.open_api", facts) == M);
  CHECK(TruthOf("score(\"rights\") < 40", facts) == M);
  CHECK(TruthOf("procurement.budget > 0", facts) == M);
}

TEST_CASE("Machine: says which value was missing", "[rules]") {
  TestFacts facts;
  CHECK(RunText("evidence.patch_days > 30", facts).missing_reason == "evidence.patch_days is missing");
  CHECK(RunText("score(\"rights\") < 40", facts).missing_reason == "score(\"rights\") is missing");
  CHECK(RunText("procurement.budget > 0", facts).missing_reason == "procurement.budget is missing");
  // Both sides missing: the left one is named.
  CHECK(RunText("evidence.users + evidence.patch_days > 0", facts).missing_reason ==
        "evidence.users is missing");
  // `true and missing`: the missing side is named.
  CHECK(RunText("true and evidence.open_api", facts).missing_reason == "evidence.open_api is missing");
  CHECK(RunText("true", facts).missing_reason.empty());
}

TEST_CASE("Machine: a value of another type than Names gives is missing", "[rules]") {
  TestFacts facts;
  facts.evidence["patch_days"] = std::string("45");
  RunResult result = RunText("evidence.patch_days > 30", facts);
  CHECK(result.truth() == M);
  CHECK(result.missing_reason == "evidence.patch_days is not a number");
  REQUIRE(result.read.size() == 1);
  CHECK(result.read[0].second == Value(std::string("45")));
}

TEST_CASE("Machine: division by zero is missing, with the division named", "[rules]") {
  TestFacts facts = Supplier();
  facts.evidence["users"] = 0.0;
  RunResult result = RunText("evidence.annual_cost / evidence.users > 10", facts);
  CHECK(result.truth() == M);
  CHECK(result.missing_reason == "division by zero in evidence.annual_cost / evidence.users");
  CHECK(RunText("1 / 0 > 0", facts).missing_reason == "division by zero in 1 / 0");
  CHECK(RunText("0 / 0 == 0", facts).truth() == M);
  CHECK(RunText("1 / -0 < 0", facts).truth() == M);
  CHECK(RunText("evidence.annual_cost / (evidence.users - 0) > 1", facts).missing_reason ==
        "division by zero in evidence.annual_cost / (evidence.users - 0)");
  CHECK(TruthOf("false and 1 / 0 > 0", facts) == F);  // never divided
  CHECK(TruthOf("1 / 0 > 0 or true", facts) == T);    // the known side decides
}

TEST_CASE("Machine: a long division is named in at most about 60 bytes", "[rules]") {
  TestFacts facts = Supplier();
  facts.evidence["users"] = 0.0;
  // The division's span is 85 bytes: "(" + 3 * 20 bytes of evidence.annual_cost
  // + 2 * " + " + ")" = 68, then " / " and evidence.users (14). It is cut after
  // 57 bytes, 10 bytes into the third evidence.annual_cost, and "..." added.
  std::string text =
      "(evidence.annual_cost + evidence.annual_cost + evidence.annual_cost) / evidence.users > 1";
  CHECK(RunText(text, facts).missing_reason ==
        "division by zero in (evidence.annual_cost + evidence.annual_cost + evidence.a...");
}

TEST_CASE("Machine: numbers that are not a number compare false and never crash", "[rules]") {
  TestFacts facts;
  facts.evidence["patch_days"] = std::nan("");
  facts.evidence["users"] = 1e308;
  CHECK(TruthOf("evidence.patch_days > 30", facts) == F);
  CHECK(TruthOf("evidence.patch_days == evidence.patch_days", facts) == F);
  CHECK(TruthOf("evidence.users * 10 > evidence.users", facts) == T);  // infinity > 1e308
}

TEST_CASE("Machine: RunResult.read lists each name read, in the order first read", "[rules]") {
  TestFacts facts = Supplier();  // patch_days 45, hosting_region "UK"
  // 45 > 30 and "UK" in [...] is true, so `or` never reads the right side.
  RunResult run = RunText(
      "evidence.patch_days > 30 and evidence.hosting_region in [\"UK\"] or evidence.users > 60",
      facts);
  CHECK(run.read == std::vector<Read>{{"evidence.patch_days", 45.0},
                                      {"evidence.hosting_region", std::string("UK")}});
  // rights is 35 < 40, so `or` reads no more; with 50 it reads total too.
  facts.scores["rights"] = 50;
  CHECK(RunText("score(\"rights\") < 40 or total > 50", facts).read ==
        std::vector<Read>{{"score(\"rights\")", 50.0}, {"total", 62.5}});
  // A name read twice is listed once.
  CHECK(RunText("evidence.patch_days > 30 and evidence.patch_days < 60", facts).read.size() == 1);
}

TEST_CASE("Machine: has() reads the evidence it tests; absent values are read as missing", "[rules]") {
  TestFacts facts = Supplier();
  CHECK(RunText("has(evidence.dpia_date)", facts).read ==
        std::vector<Read>{{"evidence.dpia_date", Date{2026, 1, 15}}});
  CHECK(RunText("has(evidence.users)", facts).read ==
        std::vector<Read>{{"evidence.users", std::monostate{}}});
  CHECK(RunText("passed(\"uk-hosting\") and procurement.term_years > 1", facts).read ==
        std::vector<Read>{{"passed(\"uk-hosting\")", true}, {"procurement.term_years", 5.0}});
}

TEST_CASE("Machine: names are written as in the rule, quoting keys that need it", "[rules]") {
  TestFacts facts;
  facts.evidence["dspt.status"] = std::string("Standards Met");
  facts.evidence["cyber-essentials"] = std::string("plus");
  CHECK(RunText("evidence.\"dspt.status\" == \"x\" or evidence.cyber-essentials == \"x\"", facts).read ==
        std::vector<Read>{{"evidence.\"dspt.status\"", std::string("Standards Met")},
                          {"evidence.cyber-essentials", std::string("plus")}});
}

TEST_CASE("Machine: the side `and`/`or` skips reads nothing", "[rules]") {
  TestFacts facts = Supplier();
  RunResult run = RunText("true or evidence.patch_days > 30 and score(\"price\") > 1", facts);
  CHECK(run.truth() == T);
  CHECK(run.read.empty());
  CHECK(facts.reads == 0);
  run = RunText("has(evidence.users) and evidence.users > 30", facts);
  CHECK(run.truth() == F);
  CHECK(run.read.size() == 1);
}

TEST_CASE("Machine: TestMany gives each candidate the outcome Test gives it", "[rules]") {
  // patch_days and open_api for four candidates, and the outcome worked out:
  //   45, true     -> 45 > 30 and true            = true
  //   10, (none)   -> false and missing           = false
  //   (none), true -> missing and true            = missing
  //   45, (none)   -> true and missing            = missing
  std::vector<TestFacts> candidates(4);
  candidates[0].evidence = {{"patch_days", 45.0}, {"open_api", true}};
  candidates[1].evidence = {{"patch_days", 10.0}};
  candidates[2].evidence = {{"open_api", true}};
  candidates[3].evidence = {{"patch_days", 45.0}};
  std::vector<const Facts*> facts;
  for (const TestFacts& candidate : candidates) facts.push_back(&candidate);
  std::vector<Truth> outcomes(4, Truth::kFalse);
  auto program = Build("evidence.patch_days > 30 and evidence.open_api");
  program->TestMany(facts, outcomes);
  CHECK(outcomes == std::vector<Truth>{T, F, M, M});
  for (std::size_t i = 0; i < candidates.size(); ++i) CHECK(program->Test(candidates[i]) == outcomes[i]);
}

TEST_CASE("Machine: TestMany runs blocks of any size and every kind of step", "[rules]") {
  // 150 candidates (two full blocks of 64 and one of 22): candidate i has
  // users = i, so `10 / (users - 100) < 0` is true below 100, missing (division
  // by zero) at 100 and false above; lower() and len() run for each as well.
  std::vector<TestFacts> candidates(150);
  std::vector<const Facts*> facts;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].evidence["users"] = static_cast<double>(i);
    candidates[i].evidence["hosting_region"] = std::string(i % 2 ? "UK" : "Uk");
    facts.push_back(&candidates[i]);
  }
  std::vector<Truth> outcomes(150);
  Build("10 / (evidence.users - 100) < 0 and lower(evidence.hosting_region) == \"uk\" "
        "and len(evidence.hosting_region) == 2 or not has(evidence.users)")
      ->TestMany(facts, outcomes);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    INFO(i);
    CHECK(outcomes[i] == (i < 100 ? T : i == 100 ? M : F));
  }
}

TEST_CASE("Machine: TestMany skips a side only where the other side decided", "[rules]") {
  // 200 candidates whose facts vary with i, some absent and some of the wrong
  // type (read as missing): blocks where `and`/`or` is decided for every
  // candidate, for some, and for none, with costly text and list tests, a
  // division by zero and nesting on the right. Each outcome is Test()'s.
  std::vector<TestFacts> candidates(200);
  std::vector<const Facts*> facts;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    TestFacts& c = candidates[i];
    if (i % 7 != 3) c.evidence["users"] = static_cast<double>(i < 64 ? 10 : i % 50);
    if (i % 5 != 1) c.evidence["hosting_region"] = std::string(i % 3 ? "UK" : "Uk");
    if (i % 11 == 4) c.evidence["hosting_region"] = 4.0;
    if (i % 4 != 2) c.evidence["open_api"] = i % 3 == 0;
    if (i % 6 != 5) c.evidence["certifications"] = Texts(i % 4, "ISO 27001");
    c.evidence["dpia_date"] = Date{2025, 1 + static_cast<int>(i % 12), 1};
    c.procurement["budget"] = 100.0;
    facts.push_back(&c);
  }
  for (const char* text : {
           "evidence.users > 20 and evidence.hosting_region in [\"UK\", \"EEA\"]",
           "evidence.users < 20 or lower(evidence.hosting_region) == \"uk\"",
           "not evidence.open_api and (evidence.certifications contains \"ISO 27001\" or "
           "len(evidence.hosting_region) == 2)",
           "evidence.open_api or procurement.budget / (evidence.users - 10) > 4 and "
           "evidence.hosting_region != \"UK\"",
           "has(evidence.users) and (evidence.dpia_date >= date(\"2025-06-01\") or "
           "not (evidence.open_api == true))",
           "(evidence.users == 10 or evidence.open_api) and (evidence.hosting_region == \"Uk\" "
           "or len(evidence.certifications) >= 2 and evidence.users * 2 - 1 < 60)",
       }) {
    INFO(text);
    auto program = Build(text);
    std::vector<Truth> outcomes(candidates.size());
    program->TestMany(facts, outcomes);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      INFO(i);
      CHECK(outcomes[i] == program->Test(candidates[i]));
    }
  }
}

TEST_CASE("FormatValue: shows values as a rule would write them", "[rules]") {
  CHECK(FormatValue(std::monostate{}) == "missing");
  CHECK(FormatValue(true) == "true");
  CHECK(FormatValue(45.0) == "45");
  CHECK(FormatValue(12.5) == "12.5");
  CHECK(FormatValue(0.1) == "0.1");
  CHECK(FormatValue(std::string("say \"hi\" \\")) == R"("say \"hi\" \\")");
  CHECK(FormatValue(Texts{"UK", "EEA"}) == R"(["UK", "EEA"])");
  CHECK(FormatValue(Texts{}) == "[]");
  CHECK(FormatValue(Date{2026, 3, 1}) == "2026-03-01");
}

}  // namespace
}  // namespace weighbridge::rules

namespace weighbridge::rules {
namespace {

// Facts that answer a whole block of evidence reads in one call, counting
// the calls, as a store of many candidates side by side would.
class BlockFacts : public TestFacts {
 public:
  mutable int block_calls = 0;
  void EvidenceOfEach(Key key, std::span<const Facts* const> block,
                      const EvidenceValue** out) const override {
    ++block_calls;
    for (std::size_t i = 0; i < block.size(); ++i) {
      out[i] = static_cast<const BlockFacts*>(block[i])->Evidence(key);
    }
  }
};

TEST_CASE("Machine: TestMany asks for each block's evidence in one call", "[rules]") {
  // 150 candidates with patch_days = i: `> 99` is true for i = 100..149.
  // One instruction (a fact tested against a constant) over blocks of 64, 64
  // and 22: three calls, all made on the block's first candidate.
  std::vector<BlockFacts> candidates(150);
  std::vector<const Facts*> facts;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].evidence["patch_days"] = static_cast<double>(i);
    facts.push_back(&candidates[i]);
  }
  std::vector<Truth> outcomes(150);
  Build("evidence.patch_days > 99")->TestMany(facts, outcomes);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    INFO(i);
    CHECK(outcomes[i] == (i > 99 ? T : F));
  }
  CHECK(candidates[0].block_calls == 1);
  CHECK(candidates[64].block_calls == 1);
  CHECK(candidates[128].block_calls == 1);
  CHECK(candidates[1].block_calls == 0);
}

}  // namespace
}  // namespace weighbridge::rules
