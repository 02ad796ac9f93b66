// The audit chain. Expected hashes are computed here with OpenSSL from
// canonical bytes written out by hand, and every tampering is done with the
// plain SQLite library, as someone with the file and the sqlite3 tool could.
#include <catch2/catch.hpp>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
namespace fs = std::filesystem;
using test::ScratchDir;

namespace {

const std::string kZeros(64, '0');

// A workspace with three entries: init by alice, decisions 1 and 2 by bob.
fs::path ThreeEntries(const ScratchDir& dir) {
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  auto workspace = Workspace::Create(file, test::At("alice", "2026-03-01T09:00:00Z"), status, {});
  REQUIRE(status.ok());
  DecisionInput input;
  input.input_hash = "abc";
  input.decision_json = "{\"ranking\":[\"beta\"]}";
  long long number = 0;
  REQUIRE(workspace->RecordDecision(input, test::At("bob", "2026-03-02T10:00:00Z"), number).ok());
  REQUIRE(workspace->RecordDecision(input, test::At("bob", "2026-03-03T10:00:00Z"), number).ok());
  return file;
}

WorkspaceStatus VerifyFile(const fs::path& file, std::optional<std::string> head = std::nullopt) {
  WorkspaceStatus status;
  auto workspace = Workspace::Open(file, status, {});
  REQUIRE(workspace);
  VerifyReport report;
  return workspace->Verify(head, report);
}

}  // namespace

TEST_CASE("Audit log: the first entry chains from 64 zeros over its canonical bytes",
          "[workspace]") {
  ScratchDir dir;
  WorkspaceStatus status;
  auto workspace = Workspace::Create(dir.path() / "weighbridge.db",
                                     test::At("alice", "2026-03-01T09:00:00Z"), status, {});
  std::vector<AuditEntry> entries = workspace->Entries();
  REQUIRE(entries.size() == 1);
  // RFC 8785: members sorted by name, no spaces, 2 as an integer.
  const std::string bytes =
      R"({"at":"2026-03-01T09:00:00Z","content":{"schema_version":2},"seq":1,"what":"init","who":"alice"})";
  CHECK(entries[0].prev_hash == kZeros);
  CHECK(entries[0].content == R"({"schema_version":2})");
  CHECK(entries[0].hash == test::Sha256(kZeros + bytes));
}

TEST_CASE("Audit log: each entry chains from the one before", "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  WorkspaceStatus status;
  auto workspace = Workspace::Open(file, status, {});
  std::vector<AuditEntry> entries = workspace->Entries();
  REQUIRE(entries.size() == 3);
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    std::string bytes = R"({"at":")" + e.at + R"(","content":)" + e.content + R"(,"seq":)" +
                        std::to_string(e.seq) + R"(,"what":"decision","who":"bob"})";
    CHECK(e.prev_hash == entries[i - 1].hash);
    CHECK(e.hash == test::Sha256(entries[i - 1].hash + bytes));
  }
  // Decision 2 kept the head as it stood before its own entry: entry 2's hash.
  CHECK(workspace->Decisions()[1].head_hash == entries[1].hash);
  VerifyReport report;
  CHECK(workspace->Verify(entries[1].hash, report).ok());
  CHECK(report.entries == 3);
  CHECK(report.head == entries[2].hash);
}

TEST_CASE("Audit log: verify names an entry edited by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  REQUIRE(test::RunSql(file, "UPDATE audit SET who = 'mallory' WHERE seq = 2") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message ==
        "audit entry 2 (decision by mallory at 2026-03-02T10:00:00Z) does not match its hash: it "
        "was changed after it was written");
}

TEST_CASE("Audit log: verify names an entry deleted by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  REQUIRE(test::RunSql(file, "DELETE FROM audit WHERE seq = 2") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message == "audit entry 2 is missing: the log goes from entry 1 to entry 3");
}

TEST_CASE("Audit log: verify names an entry inserted by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  std::string head = test::QuerySql(file, "SELECT hash FROM audit WHERE seq = 3");
  REQUIRE(test::RunSql(file,
                       "INSERT INTO audit VALUES (4, '2026-03-04T00:00:00Z', 'mallory', 'init', "
                       "'{}', '" +
                           head + "', '" + std::string(64, 'f') + "')") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message ==
        "audit entry 4 (init by mallory at 2026-03-04T00:00:00Z) does not match its hash: it was "
        "changed after it was written");
}

TEST_CASE("Audit log: an entry moved to a new place does not match there", "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  // Entry 3 renumbered as 4: seq is inside the hashed bytes.
  REQUIRE(test::RunSql(file,
                       "UPDATE audit SET seq = 4 WHERE seq = 3; "
                       "DROP TRIGGER decision_final_update; "
                       "UPDATE decision SET audit_seq = 4 WHERE number = 2") == 0);
  CHECK(VerifyFile(file).message ==
        "audit entry 3 is missing: the log goes from entry 2 to entry 4");
}

TEST_CASE("Audit log: deleting the newest entries is caught against an earlier head",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  std::string head = test::QuerySql(file, "SELECT hash FROM audit WHERE seq = 3");
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_delete; "
                       "DELETE FROM decision WHERE number = 2; "
                       "DELETE FROM audit WHERE seq = 3") == 0);
  // What is left is a consistent log on its own; only the printed head shows the loss.
  CHECK(VerifyFile(file).ok());
  WorkspaceStatus status = VerifyFile(file, head);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message == "the log no longer holds the head " + head +
                              " printed earlier: entries written since were deleted, or the log "
                              "was rewritten");
}

TEST_CASE("Audit log: a stored decision changed by hand no longer matches its entry",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  // The trigger stops an accidental UPDATE; someone determined drops it first.
  CHECK(test::RunSql(file, "UPDATE decision SET decision_json = '{}' WHERE number = 1") != 0);
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_update; "
                       "UPDATE decision SET decision_json = '{}' WHERE number = 1") == 0);
  CHECK(VerifyFile(file).message ==
        "stored decision 1 does not match audit entry 2 that logged it: it was changed after it "
        "was logged");
}

TEST_CASE("Audit log: a stored decision deleted by hand leaves its entry without a record",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = ThreeEntries(dir);
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_delete; "
                       "DELETE FROM decision WHERE number = 2") == 0);
  CHECK(VerifyFile(file).message ==
        "audit entry 3 logged a decision whose record is no longer in the workspace: it was "
        "deleted by hand");
}

}  // namespace weighbridge
