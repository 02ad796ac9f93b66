// Stored decisions and sign-off: approval waits until nothing is unsettled,
// and an approved decision stays as it was.
#include <catch2/catch.hpp>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
using test::ScratchDir;

namespace {

std::unique_ptr<Workspace> WithDecision(const ScratchDir& dir, int unscored, int moderation) {
  WorkspaceStatus status;
  auto workspace =
      Workspace::Create(dir.path() / "weighbridge.db", test::At("alice", "t0"), status, {});
  DecisionInput input;
  input.input_hash = "hash-1";
  input.decision_json = "{}";
  input.unscored = unscored;
  input.moderation = moderation;
  long long number = 0;
  REQUIRE(workspace->RecordDecision(input, test::At("bob", "t1"), number).ok());
  REQUIRE(number == 1);
  return workspace;
}

}  // namespace

TEST_CASE("Decisions: numbered from 1 and kept as given", "[workspace]") {
  ScratchDir dir;
  auto workspace = WithDecision(dir, 0, 0);
  std::vector<DecisionRecord> decisions = workspace->Decisions();
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].number == 1);
  CHECK(decisions[0].input.input_hash == "hash-1");
  CHECK(decisions[0].who == "bob");
  CHECK(decisions[0].at == "t1");
  // Entries: alice as user:1, init, bob as user:2, the decision. The head
  // before the decision's own entry is bob's.
  CHECK(decisions[0].head_hash == workspace->Entries()[2].hash);
  CHECK_FALSE(decisions[0].approved_by);
}

TEST_CASE("Approve: refused while scores are missing or spreads need moderation", "[workspace]") {
  ScratchDir dir;
  auto workspace = WithDecision(dir, 2, 1);
  WorkspaceStatus status = workspace->Approve(1, "Director", "", test::At("carol", "t2"));
  CHECK(status.code == WorkspaceCode::kBadInput);
  CHECK(status.message ==
        "cannot approve decision 1: 2 scores are still missing and 1 spread of scores still needs "
        "moderation. Settle them, evaluate again and approve the new decision");
  CHECK_FALSE(workspace->Decisions()[0].approved_by);
  // Nothing logged: not even carol as a new user. The four are alice as
  // user:1, init, bob as user:2 and the decision.
  CHECK(workspace->Entries().size() == 4);
}

TEST_CASE("Approve: once only, and the approval is kept with the decision", "[workspace]") {
  ScratchDir dir;
  auto workspace = WithDecision(dir, 0, 0);
  REQUIRE(workspace->Approve(1, "Director", "agreed", test::At("carol", "t2")).ok());
  DecisionRecord decision = workspace->Decisions()[0];
  CHECK(*decision.approved_by == "carol");
  CHECK(*decision.approved_role == "Director");
  CHECK(*decision.approval_note == "agreed");
  WorkspaceStatus again = workspace->Approve(1, "Chief Executive", "", test::At("dan", "t3"));
  CHECK(again.message ==
        "decision 1 was approved already, by carol at t2; an approval cannot be changed");
  VerifyReport report;
  CHECK(workspace->Verify(std::nullopt, report).ok());
  // alice as user:1, init, bob as user:2, the decision, carol as user:3, the
  // approval; dan's refused approval logged nothing.
  CHECK(report.entries == 6);
  // Stored under carol's id, not her name.
  CHECK(test::QuerySql(dir.path() / "weighbridge.db", "SELECT by FROM approval") == "user:3");
}

TEST_CASE("Approve: a decision that does not exist", "[workspace]") {
  ScratchDir dir;
  auto workspace = WithDecision(dir, 0, 0);
  CHECK(workspace->Approve(4, "Director", "", test::At("carol", "t2")).message ==
        "there is no decision 4; weighbridge history lists the decisions");
}

TEST_CASE("Approve: an approval changed by hand no longer matches its entry", "[workspace]") {
  ScratchDir dir;
  auto workspace = WithDecision(dir, 0, 0);
  REQUIRE(workspace->Approve(1, "Director", "", test::At("carol", "t2")).ok());
  workspace.reset();
  std::filesystem::path file = dir.path() / "weighbridge.db";
  CHECK(test::RunSql(file, "UPDATE approval SET by = 'mallory'") != 0);  // the trigger stops it
  REQUIRE(test::RunSql(
              file, "DROP TRIGGER approval_final_update; UPDATE approval SET by = 'mallory'") == 0);
  WorkspaceStatus status;
  workspace = Workspace::Open(file, status, {});
  VerifyReport report;
  CHECK(workspace->Verify(std::nullopt, report).message ==
        "the approval of decision 1 does not match audit entry 6 that logged it: it was changed "
        "after it was logged");
}

TEST_CASE("Decisions: refused when the log moved on after the inputs were read", "[workspace]") {
  test::MinimalWorkspace w;
  LoadOptions options;
  options.allow_incomplete = true;  // no scores yet: the inputs still load
  ProcurementLoad load;
  DecisionInput input;
  input.input_hash = "read-first";
  input.decision_json = "{}";
  REQUIRE(w.workspace->LoadInputs(options, load, &input.inputs_head).ok());
  // The head read with the inputs is the newest entry's: the import's last.
  const std::size_t imported = w.workspace->Entries().size();
  CHECK(input.inputs_head == w.workspace->Entries().back().hash);

  // Another program stores a decision in between, on its own connection.
  WorkspaceStatus opened;
  auto other = Workspace::Open(w.file, opened, {});
  REQUIRE(opened.ok());
  DecisionInput between;
  between.input_hash = "in-between";
  between.decision_json = "{}";
  long long number = 0;
  REQUIRE(other->RecordDecision(between, test::At("bob", "t2"), number).ok());
  REQUIRE(number == 1);

  WorkspaceStatus stale = w.workspace->RecordDecision(input, test::At("alice", "t3"), number);
  CHECK(stale.code == WorkspaceCode::kBusy);
  CHECK(stale.message ==
        "the workspace changed while the decision was being made, so nothing was stored; "
        "evaluate again");
  // Nothing of the refused decision: bob as user:2 and his decision are the
  // only entries after the import.
  CHECK(w.workspace->Entries().size() == imported + 2);
  CHECK(w.workspace->Decisions().size() == 1);

  // Read again, the head is bob's decision, and the decision is stored.
  REQUIRE(w.workspace->LoadInputs(options, load, &input.inputs_head).ok());
  CHECK(input.inputs_head == w.workspace->Entries()[imported + 1].hash);
  REQUIRE(w.workspace->RecordDecision(input, test::At("alice", "t4"), number).ok());
  CHECK(number == 2);
  const std::vector<DecisionRecord> decisions = w.workspace->Decisions();
  REQUIRE(decisions.size() == 2);
  CHECK(decisions[1].input.input_hash == "read-first");
  CHECK(decisions[1].head_hash == decisions[0].entry_hash);
}

}  // namespace weighbridge
