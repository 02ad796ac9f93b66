// Fixing the method through the library: Workspace::Freeze and Frozen, what
// LoadInputs then hands the engine, and the order-of-work check that imports
// are to make (judgements before the freeze, scores after it).
#include <catch2/catch.hpp>

#include "tests/workspace/workspace_fixture.h"
#include "workspace/freeze_store.h"

namespace weighbridge {
namespace fs = std::filesystem;

namespace {

// The minimal procurement (tests/bad/good-minimal): m1 gives usability 60
// points and privacy 40, so the published weights are 60.0% and 40.0%, in
// tenths of a percent 600 and 400 (no rounding needed: 0.6 x 1000 = 600).
struct Minimal : test::MinimalWorkspace {
  WorkspaceStatus Freeze(const std::optional<std::string>& reason, FreezeOutcome& outcome) {
    return workspace->Freeze("Published with the tender", reason, {},
                             test::At("bea", "2026-03-03T10:00:00Z"), outcome);
  }
};

workspace::Submission Arriving(const std::string& kind, const std::string& subject) {
  workspace::Submission s;
  s.kind = kind;
  s.subject = subject;
  s.source_file = "in.toml";
  return s;
}

WorkspaceStatus Order(const fs::path& file, const workspace::Submission& s,
                      const std::optional<std::string>& reason = std::nullopt) {
  workspace::Db db(file.string(), /*read_only=*/false, /*create=*/false);
  return workspace::CheckOrderOfWork(db, {&s}, reason, "cms-2026");
}

}  // namespace

TEST_CASE("Freeze: stores the method, its hash and the published weights", "[workspace][freeze]") {
  Minimal w;
  CHECK_FALSE(w.workspace->Frozen());
  FreezeOutcome outcome;
  REQUIRE(w.Freeze(std::nullopt, outcome).ok());
  CHECK(outcome.stored);
  CHECK_FALSE(outcome.amendment);
  using Weights = std::vector<std::pair<std::string, long long>>;
  CHECK(outcome.weights == Weights{{"usability", 600}, {"privacy", 400}});
  // The hash is the SHA-256 of the stored method's bytes, computed here apart.
  const std::string method = test::QuerySql(w.file, "SELECT method FROM freeze");
  CHECK(outcome.method_hash == test::Sha256(method));
  CHECK(method.find("\"weights\":{\"privacy\":400,\"usability\":600}") != std::string::npos);
  CHECK(test::QuerySql(w.file, "SELECT what FROM audit ORDER BY seq DESC LIMIT 1") == "freeze");

  const std::optional<MethodFreeze> frozen = w.workspace->Frozen();
  REQUIRE(frozen);
  CHECK(frozen->at == "2026-03-03T10:00:00Z");
  // alice (user:1) imported; bea, new, fixed the method: she is user:2.
  CHECK(frozen->who == "user:2");
  CHECK(frozen->note == "Published with the tender");
  CHECK(frozen->method_hash == outcome.method_hash);
  CHECK(frozen->amendments.empty());

  // LoadInputs hands the engine the freeze.
  ProcurementLoad load;
  LoadOptions options;
  options.allow_incomplete = true;
  REQUIRE(w.workspace->LoadInputs(options, load).ok());
  REQUIRE(load.procurement->freeze);
  CHECK(load.procurement->freeze->published_tenths ==
        std::map<std::string, long long>{{"privacy", 400}, {"usability", 600}});
  VerifyReport report;
  CHECK(w.workspace->Verify(std::nullopt, report).ok());
}

TEST_CASE("Freeze: a second freeze is refused, an amendment with nothing new stores nothing",
          "[workspace][freeze]") {
  Minimal w;
  FreezeOutcome outcome;
  REQUIRE(w.Freeze(std::nullopt, outcome).ok());
  const std::string entries = test::QuerySql(w.file, "SELECT COUNT(*) FROM audit");
  WorkspaceStatus again = w.Freeze(std::nullopt, outcome);
  CHECK(again.code == WorkspaceCode::kBadInput);
  CHECK(again.message ==
        "the method is frozen already (Published with the tender). To change it, run weighbridge "
        "freeze " + w.folder.string() + " --amend --reason TEXT, which records the change and "
        "why in every later report");
  REQUIRE(w.Freeze(std::string("No change"), outcome).ok());
  CHECK_FALSE(outcome.stored);
  CHECK(test::QuerySql(w.file, "SELECT COUNT(*) FROM audit") == entries);
}

TEST_CASE("Freeze: an amendment before the freeze is refused", "[workspace][freeze]") {
  Minimal w;
  FreezeOutcome outcome;
  WorkspaceStatus status = w.Freeze(std::string("Too early"), outcome);
  CHECK(status.code == WorkspaceCode::kBadInput);
  CHECK(test::QuerySql(w.file, "SELECT COUNT(*) FROM freeze") == "0");
}

TEST_CASE("Order of work: scores only after the freeze, judgements only before it",
          "[workspace][freeze]") {
  Minimal w;
  const workspace::Submission scores = Arriving("scores", "e1");
  const workspace::Submission judgements = Arriving("judgements", "m1");
  WorkspaceStatus early = Order(w.file, scores);
  CHECK(early.code == WorkspaceCode::kBadInput);
  CHECK(early.message ==
        "scores are accepted only after the method is fixed: run weighbridge freeze cms-2026 "
        "--note TEXT first (in.toml holds scores by e1)");
  CHECK(Order(w.file, judgements).ok());

  FreezeOutcome outcome;
  REQUIRE(w.Freeze(std::nullopt, outcome).ok());
  CHECK(Order(w.file, scores).ok());
  CHECK(Order(w.file, Arriving("consensus", "alpha/usability")).ok());
  WorkspaceStatus late = Order(w.file, judgements);
  CHECK(late.code == WorkspaceCode::kBadInput);
  CHECK(late.message.starts_with("weighting judgements are accepted only before the method is "
                                 "fixed, and it was fixed (Published with the tender)"));
  CHECK(Order(w.file, judgements, std::string("Panel re-run after clarification")).ok());
}

}  // namespace weighbridge
