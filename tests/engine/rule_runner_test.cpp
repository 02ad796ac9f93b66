// RunRules: the built-in exclusion and minimums, then gates, requires, caps
// and flags in running order, for one candidate at a time. Rules are compiled
// with CompileRules (so they run in the order the loader would give them);
// every expected value is worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "engine/aggregate/capped_scores.h"
#include "engine/apply/rule_runner.h"
#include "engine/load/rule_compiler.h"
#include "tests/support/procurement_builder.h"

namespace weighbridge {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
constexpr double kTolerance = 1e-9;

// The tree:  interop (local 0.5) ── interop.api (evidence open_api; local 0.5, global 0.25)
//                                └─ interop.standards (judged; local 0.5, global 0.25)
//            care (judged, minimum 2 on the 0-5 scale; local 0.5, global 0.5)
//
// Candidates: a gives open_api true, hosting_region "UK", patch_days 10, dspt "met";
//             b gives open_api false, hosting_region "US", patch_days 0;
//             c gives open_api true only;
//             x is like a, but excluded by the authority.
ProcurementBuilder Builder() {
  ValueFunction boolean;
  boolean.kind = ValueKind::kBoolean;
  return ProcurementBuilder()
      .Branch("interop")
      .EvidenceLeaf("interop.api", "open_api", boolean, "interop")
      .JudgedLeaf("interop.standards", "interop")
      .JudgedLeaf("care")
      .SetMinimum("care", 2)
      .AddCandidate("a", {{"open_api", true},
                          {"hosting_region", std::string("UK")},
                          {"patch_days", 10.0},
                          {"dspt", std::string("met")}})
      .AddCandidate("b", {{"open_api", false},
                          {"hosting_region", std::string("US")},
                          {"patch_days", 0.0}})
      .AddCandidate("c", {{"open_api", true}})
      .AddCandidate("x", {{"open_api", true},
                          {"hosting_region", std::string("UK")},
                          {"patch_days", 10.0},
                          {"dspt", std::string("met")}})
      .Exclude("x", "Late submission", "Arrived at 12:20, after the 12:00 deadline.");
}

RuleDraft Draft(const std::string& id, RuleKind kind, const std::string& condition,
                MissingPolicy missing) {
  RuleDraft draft;
  draft.rule.id = id;
  draft.rule.kind = kind;
  draft.rule.condition = condition;
  draft.rule.missing = missing;
  return draft;
}
RuleDraft Gate(const std::string& id, const std::string& pass_if,
               MissingPolicy missing = MissingPolicy::kFail) {
  return Draft(id, RuleKind::kGate, pass_if, missing);
}
RuleDraft Flag(const std::string& id, const std::string& when,
               MissingPolicy missing = MissingPolicy::kSkip) {
  return Draft(id, RuleKind::kFlag, when, missing);
}
RuleDraft Cap(const std::string& id, const std::string& when, const std::string& target,
              double max, MissingPolicy missing = MissingPolicy::kSkip) {
  RuleDraft draft = Draft(id, RuleKind::kCap, when, missing);
  draft.rule.target = target;
  draft.rule.max = max;
  return draft;
}
RuleDraft Require(const std::string& id, const std::vector<std::string>& keys) {
  RuleDraft draft = Draft(id, RuleKind::kRequire, "", MissingPolicy::kFail);
  draft.rule.evidence = keys;
  draft.evidence_pos.resize(keys.size());
  return draft;
}

struct Fixture {
  Procurement procurement;
  LocalWeights local{{"interop", 0.5}, {"interop.api", 0.5}, {"interop.standards", 0.5},
                     {"care", 0.5}};
  GlobalWeights global{{"interop", 0.5}, {"interop.api", 0.25}, {"interop.standards", 0.25},
                       {"care", 0.5}};

  explicit Fixture(std::vector<RuleDraft> drafts = {}) : procurement(Builder().Build()) {
    Diagnostics diagnostics;
    const std::vector<const SourceFile*> files;
    procurement.rules = CompileRules(std::move(drafts), procurement, files, diagnostics);
    INFO(diagnostics.ToString());
    REQUIRE_FALSE(diagnostics.has_errors());
  }

  // Runs the rules for `id` with its leaves measured as given (judgements on the 0-5
  // scale, × 20 to 0-100; nullopt: nobody scored it), then writes the capped results.
  CandidateResult Run(const std::string& id, std::optional<double> standards,
                      std::optional<double> care) const {
    const Candidate* candidate = nullptr;
    for (const Candidate& c : procurement.candidates) {
      if (c.id == id) candidate = &c;
    }
    REQUIRE(candidate);
    CandidateResult out;
    out.id = id;
    CriterionResult api;
    api.criterion = "interop.api";
    api.score = std::get<bool>(candidate->evidence.at("open_api")) ? 100 : 0;
    out.criteria.push_back(api);
    for (auto [leaf, value] : {std::pair{"interop.standards", standards}, {"care", care}}) {
      CriterionResult judged;
      judged.criterion = leaf;
      judged.score = value ? *value * 20 : 0;
      judged.scale_value = value;
      out.criteria.push_back(judged);
    }
    CappedScores scores(procurement.framework.tree, local, global, out.criteria);
    RunRules(procurement, *candidate, scores, out);
    scores.Write(out);
    return out;
  }
};

const RuleOutcome& Outcome(const CandidateResult& result, const std::string& rule) {
  for (const RuleOutcome& o : result.rules) {
    if (o.rule == rule) return o;
  }
  FAIL("no outcome for rule " << rule);
  static const RuleOutcome kNone;
  return kNone;
}

const RuleValue& Value(const RuleOutcome& outcome, const std::string& name) {
  for (const auto& [read, value] : outcome.values) {
    if (read == name) return value;
  }
  FAIL("rule " << outcome.rule << " read no " << name);
  static const RuleValue kNone;
  return kNone;
}

std::vector<std::string> Names(const RuleOutcome& outcome) {
  std::vector<std::string> out;
  for (const auto& [name, value] : outcome.values) out.push_back(name);
  return out;
}

std::vector<std::string> Order(const CandidateResult& result) {
  std::vector<std::string> out;
  for (const RuleOutcome& o : result.rules) out.push_back(o.rule);
  return out;
}

double Contribution(const CandidateResult& result, const std::string& criterion) {
  for (const CriterionResult& r : result.criteria) {
    if (r.criterion == criterion) return r.contribution;
  }
  FAIL("no line for " << criterion);
  return 0;
}

TEST_CASE("RunRules: the built-ins come first, exclusion then each minimum", "[rules]") {
  Fixture f({Flag("slow", "evidence.patch_days > 5")});
  CandidateResult r = f.Run("a", 4, 3);
  CHECK(Order(r) == std::vector<std::string>{"exclusion", "minimum:care", "slow"});
  CHECK(Outcome(r, "exclusion").outcome == "pass");
  CHECK(Outcome(r, "exclusion").kind == "gate");
  const RuleOutcome& minimum = Outcome(r, "minimum:care");
  CHECK(minimum.kind == "gate");
  CHECK(minimum.outcome == "pass");  // 3 is not below 2
  CHECK(std::get<double>(Value(minimum, "score")) == 3);
  CHECK(std::get<double>(Value(minimum, "minimum")) == 2);
  CHECK(r.eligible);
}

TEST_CASE("RunRules: a minimum fails below it or unscored, and passes at it", "[rules]") {
  Fixture f;
  SECTION("1 is below 2") {
    CandidateResult r = f.Run("a", 4, 1);
    const RuleOutcome& minimum = Outcome(r, "minimum:care");
    CHECK(minimum.outcome == "fail");
    // It names the criterion (its title, "care" here), its score and the minimum.
    CHECK_THAT(minimum.reason, Contains("care") && Contains("1") && Contains("2"));
    CHECK_FALSE(r.eligible);
    // Its total is still computed: 0.25 × 100 + 0.25 × 80 + 0.5 × 20 = 25 + 20 + 10 = 55.
    CHECK_THAT(r.total, WithinAbs(55, kTolerance));
  }
  SECTION("2 is not below 2") {
    CandidateResult r = f.Run("a", 4, 2);
    CHECK(Outcome(r, "minimum:care").outcome == "pass");
    CHECK(r.eligible);
  }
  SECTION("nobody scored it") {
    CandidateResult r = f.Run("a", 4, std::nullopt);
    const RuleOutcome& minimum = Outcome(r, "minimum:care");
    CHECK(minimum.outcome == "fail");
    CHECK(std::holds_alternative<std::monostate>(Value(minimum, "score")));
    CHECK_FALSE(r.eligible);
  }
}

TEST_CASE("RunRules: an excluded candidate fails the built-in exclusion", "[rules]") {
  Fixture f;
  CandidateResult r = f.Run("x", 5, 5);
  const RuleOutcome& exclusion = Outcome(r, "exclusion");
  CHECK(exclusion.outcome == "fail");
  CHECK_THAT(exclusion.reason,
             Contains("Late submission") && Contains("Arrived at 12:20, after the 12:00 deadline."));
  CHECK_FALSE(r.eligible);
  // Total still computed: 25 + 25 + 50 = 100.
  CHECK_THAT(r.total, WithinAbs(100, kTolerance));
  CHECK(Outcome(f.Run("a", 5, 5), "exclusion").outcome == "pass");
}

TEST_CASE("RunRules: a gate fails unless pass_if holds; a missing value follows `missing`",
          "[rules]") {
  const std::string hosting = R"(evidence.hosting_region in ["UK", "EEA"])";
  SECTION("missing = fail (a gate's default)") {
    Fixture f({Gate("uk-hosting", hosting)});
    CandidateResult a = f.Run("a", 3, 3);
    CHECK(Outcome(a, "uk-hosting").outcome == "pass");
    CHECK(std::get<std::string>(Value(Outcome(a, "uk-hosting"), "evidence.hosting_region")) == "UK");
    CHECK(a.eligible);
    CandidateResult b = f.Run("b", 3, 3);
    CHECK(Outcome(b, "uk-hosting").outcome == "fail");  // "US"
    CHECK_FALSE(b.eligible);
    CandidateResult c = f.Run("c", 3, 3);
    const RuleOutcome& missing = Outcome(c, "uk-hosting");
    CHECK(missing.outcome == "fail");  // not given: the unfavourable case
    CHECK(std::holds_alternative<std::monostate>(Value(missing, "evidence.hosting_region")));
    CHECK_FALSE(c.eligible);
  }
  SECTION("missing = skip") {
    Fixture f({Gate("uk-hosting", hosting, MissingPolicy::kSkip)});
    CandidateResult c = f.Run("c", 3, 3);
    CHECK(Outcome(c, "uk-hosting").outcome == "not-applicable");
    CHECK(c.eligible);  // not-applicable is not a failure
    CHECK(Outcome(f.Run("b", 3, 3), "uk-hosting").outcome == "fail");
  }
}

TEST_CASE("RunRules: a require fails when a named key is absent", "[rules]") {
  Fixture f({Require("security", {"dspt", "patch_days"})});
  CandidateResult a = f.Run("a", 3, 3);
  CHECK(Outcome(a, "security").kind == "require");
  CHECK(Outcome(a, "security").outcome == "pass");
  CHECK(a.eligible);
  CandidateResult b = f.Run("b", 3, 3);  // gives patch_days, not dspt
  const RuleOutcome& security = Outcome(b, "security");
  CHECK(security.outcome == "fail");
  CHECK(std::holds_alternative<std::monostate>(Value(security, "evidence.dspt")));
  CHECK(std::get<double>(Value(security, "evidence.patch_days")) == 0);
  CHECK_FALSE(b.eligible);
}

TEST_CASE("RunRules: a cap on a branch scales the leaves under it", "[rules]") {
  Fixture f({Cap("closed-api", "not evidence.open_api", "interop", 40)});
  SECTION("it lowers the branch") {
    // b: api false → 0, standards 5 → 100, care 4 → 80. interop = 0.5 × 0 + 0.5 × 100 = 50
    // > 40 → leaves × 40/50 = 0.8: standards 80. Contributions: api 0, standards
    // 0.25 × 100 × 0.8 = 20, care 0.5 × 80 = 40 → total 60.
    CandidateResult b = f.Run("b", 5, 4);
    const RuleOutcome& cap = Outcome(b, "closed-api");
    CHECK(cap.kind == "cap");
    CHECK(cap.outcome == "cap");
    CHECK(std::get<bool>(Value(cap, "evidence.open_api")) == false);
    CHECK(std::get<double>(Value(cap, "score before the cap")) == 50);
    REQUIRE(b.caps.size() == 1);
    CHECK(b.caps[0].rule == "closed-api");
    CHECK(b.caps[0].target == "interop");
    CHECK(b.caps[0].max == 40);
    CHECK_THAT(b.caps[0].before, WithinAbs(50, kTolerance));
    CHECK(b.caps[0].lowered);
    CHECK_THAT(Contribution(b, "interop.api"), WithinAbs(0, kTolerance));
    CHECK_THAT(Contribution(b, "interop.standards"), WithinAbs(20, kTolerance));
    CHECK_THAT(Contribution(b, "care"), WithinAbs(40, kTolerance));
    CHECK_THAT(b.total, WithinAbs(60, kTolerance));
    CHECK(b.eligible);  // a cap never makes a candidate ineligible
  }
  SECTION("it lowers nothing but is still a cap") {
    // b with standards 3 → 60: interop = 30 ≤ 40. Total 0 + 15 + 40 = 55.
    CandidateResult b = f.Run("b", 3, 4);
    CHECK(Outcome(b, "closed-api").outcome == "cap");
    REQUIRE(b.caps.size() == 1);
    CHECK_THAT(b.caps[0].before, WithinAbs(30, kTolerance));
    CHECK_FALSE(b.caps[0].lowered);
    CHECK_THAT(b.total, WithinAbs(55, kTolerance));
  }
  SECTION("its condition is false: it passes") {
    CandidateResult a = f.Run("a", 5, 4);
    CHECK(Outcome(a, "closed-api").outcome == "pass");
    CHECK(a.caps.empty());
    // 25 + 25 + 40 = 90, uncapped.
    CHECK_THAT(a.total, WithinAbs(90, kTolerance));
  }
}

TEST_CASE("RunRules: a cap on the total adds a negative line", "[rules]") {
  Fixture f({Cap("total-cap", "evidence.open_api", "total", 30)});
  // a: 25 + 0.25 × 80 + 0.5 × 80 = 25 + 20 + 40 = 85 > 30 → a line of 30 - 85 = -55.
  CandidateResult a = f.Run("a", 4, 4);
  CHECK(Outcome(a, "total-cap").outcome == "cap");
  REQUIRE(a.criteria.size() == 4);
  CHECK(a.criteria[3].criterion == "total");
  CHECK_THAT(a.criteria[3].contribution, WithinAbs(-55, kTolerance));
  CHECK_THAT(a.total, WithinAbs(30, kTolerance));
}

TEST_CASE("RunRules: a flag warns and changes nothing; missing follows `missing`", "[rules]") {
  SECTION("missing = skip (a flag's default)") {
    Fixture f({Flag("slow", "evidence.patch_days > 5")});
    CandidateResult a = f.Run("a", 3, 3);  // 10 > 5
    CHECK(Outcome(a, "slow").kind == "flag");
    CHECK(Outcome(a, "slow").outcome == "flag");
    CHECK(a.eligible);
    // Scores untouched: 25 + 15 + 30 = 70.
    CHECK_THAT(a.total, WithinAbs(70, kTolerance));
    CHECK(Outcome(f.Run("b", 3, 3), "slow").outcome == "pass");  // 0 > 5 is false
    CHECK(Outcome(f.Run("c", 3, 3), "slow").outcome == "not-applicable");
  }
  SECTION("missing = fail") {
    Fixture f({Flag("slow", "evidence.patch_days > 5", MissingPolicy::kFail)});
    CandidateResult c = f.Run("c", 3, 3);
    CHECK(Outcome(c, "slow").outcome == "flag");
    CHECK(c.eligible);
  }
}

TEST_CASE("RunRules: passed() is true only for a rule whose outcome is pass", "[rules]") {
  // Declared first, the flag still runs after the cap whose outcome it reads.
  Fixture f({Flag("capped", R"(not passed("closed-api"))"),
             Cap("closed-api", "not evidence.open_api", "interop", 40)});
  CandidateResult b = f.Run("b", 5, 3);
  CHECK(Order(b) == std::vector<std::string>{"exclusion", "minimum:care", "closed-api", "capped"});
  CHECK(Outcome(b, "closed-api").outcome == "cap");
  CHECK(std::get<bool>(Value(Outcome(b, "capped"), "passed(\"closed-api\")")) == false);
  CHECK(Outcome(b, "capped").outcome == "flag");
  CandidateResult a = f.Run("a", 5, 3);
  CHECK(Outcome(a, "closed-api").outcome == "pass");
  CHECK(Outcome(a, "capped").outcome == "pass");
}

TEST_CASE("RunRules: score() and total are read after the caps that change them", "[rules]") {
  Fixture f({Flag("weak-interop", R"(score("interop") < 45)"),
             Flag("low-total", "total < 50"),
             Cap("closed-api", "not evidence.open_api", "interop", 40)});
  // b: interop 50 → 40 by the cap; total = 0 + 20 + 0.5 × 60 = 50.
  CandidateResult b = f.Run("b", 5, 3);
  CHECK(Order(b) == std::vector<std::string>{"exclusion", "minimum:care", "closed-api",
                                             "weak-interop", "low-total"});
  const RuleOutcome& weak = Outcome(b, "weak-interop");
  CHECK_THAT(std::get<double>(Value(weak, "score(\"interop\")")), WithinAbs(40, kTolerance));
  CHECK(weak.outcome == "flag");  // 40 < 45; before the cap it was 50
  const RuleOutcome& low = Outcome(b, "low-total");
  CHECK_THAT(std::get<double>(Value(low, "total")), WithinAbs(50, kTolerance));
  CHECK(low.outcome == "pass");  // 50 < 50 is false
}

TEST_CASE("RunRules: division by zero makes the value missing, with the reason", "[rules]") {
  Fixture f({Gate("per-day", "100 / evidence.patch_days > 1")});
  // a: 100 / 10 = 10 > 1 → pass. b: 100 / 0 → missing → the gate fails (missing = fail).
  CHECK(Outcome(f.Run("a", 3, 3), "per-day").outcome == "pass");
  CandidateResult b = f.Run("b", 3, 3);
  const RuleOutcome& gate = Outcome(b, "per-day");
  CHECK(gate.outcome == "fail");
  CHECK_THAT(gate.reason, Contains("division by zero"));
  CHECK(std::get<double>(Value(gate, "evidence.patch_days")) == 0);
  CHECK_FALSE(b.eligible);
}

TEST_CASE("RunRules: a known side of and/or decides; the other side is not read", "[rules]") {
  Fixture f({Gate("either", "evidence.open_api or evidence.patch_days > 5"),
             Gate("both", "evidence.open_api and evidence.patch_days > 5", MissingPolicy::kSkip)});
  // c: open_api true, no patch_days. `or`: true decides → pass, patch_days not read.
  CandidateResult c = f.Run("c", 3, 3);
  CHECK(Outcome(c, "either").outcome == "pass");
  CHECK(Names(Outcome(c, "either")) == std::vector<std::string>{"evidence.open_api"});
  // `and`: true and missing → missing → skip → not-applicable.
  CHECK(Outcome(c, "both").outcome == "not-applicable");
  CHECK(Names(Outcome(c, "both")) ==
        std::vector<std::string>{"evidence.open_api", "evidence.patch_days"});
  // b: open_api false. `and`: false decides → fail, patch_days not read.
  CandidateResult b = f.Run("b", 3, 3);
  CHECK(Outcome(b, "both").outcome == "fail");
  CHECK(Names(Outcome(b, "both")) == std::vector<std::string>{"evidence.open_api"});
  // `or`: false or 0 > 5 (false) → fail.
  CHECK(Outcome(b, "either").outcome == "fail");
}

}  // namespace
}  // namespace weighbridge
