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

// A workspace with five entries: alice's first, as user:1 (1), init by her
// (2); bob's first, as user:2 (3), decisions 1 and 2 by him (4, 5).
fs::path FiveEntries(const ScratchDir& dir) {
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
  const fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  auto workspace = Workspace::Create(file, test::At("alice", "2026-03-01T09:00:00Z"), status, {});
  std::vector<AuditEntry> entries = workspace->Entries();
  REQUIRE(entries.size() == 2);
  // Entry 1 introduces alice as user:1, with her name's hash salted by the
  // salt the workspace made for her: SHA-256 of its 64 hex digits, then "alice".
  const std::string salt = test::QuerySql(file, "SELECT salt FROM person WHERE id = 'user:1'");
  REQUIRE(salt.size() == 64);
  const std::string name_hash = test::Sha256(salt + "alice");
  // RFC 8785: members sorted by name, no spaces, 2 as an integer.
  const std::string first = R"({"at":"2026-03-01T09:00:00Z","content":{"name_sha256":")" +
                            name_hash +
                            R"(","person":"user:1"},"seq":1,"what":"user","who":"user:1"})";
  CHECK(entries[0].prev_hash == kZeros);
  CHECK(entries[0].hash == test::Sha256(kZeros + first));
  const std::string second =
      R"({"at":"2026-03-01T09:00:00Z","content":{"schema_version":4},"seq":2,"what":"init",)"
      R"("who":"user:1"})";
  CHECK(entries[1].prev_hash == entries[0].hash);
  CHECK(entries[1].content == R"({"schema_version":4})");
  CHECK(entries[1].hash == test::Sha256(entries[0].hash + second));
  // The name is shown, and held outside the log.
  CHECK(entries[1].who == "user:1");
  CHECK(entries[1].name == "alice");
  CHECK(test::QuerySql(file, "SELECT value FROM person_data WHERE person = 'user:1'") == "alice");
}

TEST_CASE("Audit log: erasing a user's name keeps the log intact", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  WorkspaceStatus status;
  auto workspace = Workspace::Open(file, status, {});
  REQUIRE(workspace->Erase("user:2", test::At("alice", "2026-03-05T09:00:00Z")).ok());
  std::vector<AuditEntry> entries = workspace->Entries();
  // The five entries, and alice's erase entry (alice is user:1 already).
  REQUIRE(entries.size() == 6);
  CHECK(entries[3].who == "user:2");
  CHECK(entries[3].name == "user:2 (name erased)");
  CHECK(entries[5].name == "alice");
  CHECK(workspace->Decisions()[0].who == "user:2 (name erased)");
  VerifyReport report;
  CHECK(workspace->Verify(std::nullopt, report).ok());
  CHECK(test::QuerySql(file, "SELECT COUNT(*) FROM person_data WHERE value = 'bob'") == "0");
  // bob again is a new user, not linked to the name erased.
  long long number = 0;
  DecisionInput input;
  REQUIRE(workspace->RecordDecision(input, test::At("bob", "2026-03-06T09:00:00Z"), number).ok());
  entries = workspace->Entries();
  REQUIRE(entries.size() == 8);
  CHECK(entries[6].what == "user");
  CHECK(entries[7].who == "user:3");
  CHECK(entries[7].name == "bob");
}

TEST_CASE("Audit log: each entry chains from the one before", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  WorkspaceStatus status;
  auto workspace = Workspace::Open(file, status, {});
  std::vector<AuditEntry> entries = workspace->Entries();
  REQUIRE(entries.size() == 5);
  const std::vector<std::string> what = {"user", "init", "user", "decision", "decision"};
  const std::vector<std::string> who = {"user:1", "user:1", "user:2", "user:2", "user:2"};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    std::string bytes = R"({"at":")" + e.at + R"(","content":)" + e.content + R"(,"seq":)" +
                        std::to_string(e.seq) + R"(,"what":")" + what[i] + R"(","who":")" +
                        who[i] + R"("})";
    const std::string prev = i == 0 ? kZeros : entries[i - 1].hash;
    CHECK(e.prev_hash == prev);
    CHECK(e.hash == test::Sha256(prev + bytes));
  }
  // Decision 2 kept the head as it stood before its own entry: entry 4's hash.
  CHECK(workspace->Decisions()[1].head_hash == entries[3].hash);
  // Stored under bob's id; shown with his name.
  CHECK(test::QuerySql(file, "SELECT who FROM decision WHERE number = 1") == "user:2");
  CHECK(workspace->Decisions()[0].who == "bob");
  VerifyReport report;
  CHECK(workspace->Verify(entries[3].hash, report).ok());
  CHECK(report.entries == 5);
  CHECK(report.head == entries[4].hash);
}

TEST_CASE("Audit log: verify names an entry edited by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  REQUIRE(test::RunSql(file, "UPDATE audit SET who = 'mallory' WHERE seq = 4") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message ==
        "audit entry 4 (decision by mallory at 2026-03-02T10:00:00Z) does not match its hash: it "
        "was changed after it was written");
}

TEST_CASE("Audit log: verify names an entry deleted by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  REQUIRE(test::RunSql(file, "DELETE FROM audit WHERE seq = 4") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message == "audit entry 4 is missing: the log goes from entry 3 to entry 5");
}

TEST_CASE("Audit log: verify names an entry inserted by hand", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  std::string head = test::QuerySql(file, "SELECT hash FROM audit WHERE seq = 5");
  REQUIRE(test::RunSql(file,
                       "INSERT INTO audit VALUES (6, '2026-03-04T00:00:00Z', 'mallory', 'init', "
                       "'{}', '" +
                           head + "', '" + std::string(64, 'f') + "')") == 0);
  WorkspaceStatus status = VerifyFile(file);
  CHECK(status.code == WorkspaceCode::kTampered);
  CHECK(status.message ==
        "audit entry 6 (init by mallory at 2026-03-04T00:00:00Z) does not match its hash: it was "
        "changed after it was written");
}

TEST_CASE("Audit log: an entry moved to a new place does not match there", "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  // Entry 5 renumbered as 6: seq is inside the hashed bytes.
  REQUIRE(test::RunSql(file,
                       "UPDATE audit SET seq = 6 WHERE seq = 5; "
                       "DROP TRIGGER decision_final_update; "
                       "UPDATE decision SET audit_seq = 6 WHERE number = 2") == 0);
  CHECK(VerifyFile(file).message ==
        "audit entry 5 is missing: the log goes from entry 4 to entry 6");
}

TEST_CASE("Audit log: deleting the newest entries is caught against an earlier head",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  std::string head = test::QuerySql(file, "SELECT hash FROM audit WHERE seq = 5");
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_delete; "
                       "DELETE FROM decision WHERE number = 2; "
                       "DELETE FROM audit WHERE seq = 5") == 0);
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
  fs::path file = FiveEntries(dir);
  // The trigger stops an accidental UPDATE; someone determined drops it first.
  CHECK(test::RunSql(file, "UPDATE decision SET decision_json = '{}' WHERE number = 1") != 0);
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_update; "
                       "UPDATE decision SET decision_json = '{}' WHERE number = 1") == 0);
  CHECK(VerifyFile(file).message ==
        "stored decision 1 does not match audit entry 4 that logged it: it was changed after it "
        "was logged");
}

TEST_CASE("Audit log: a stored decision deleted by hand leaves its entry without a record",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = FiveEntries(dir);
  REQUIRE(test::RunSql(file,
                       "DROP TRIGGER decision_final_delete; "
                       "DELETE FROM decision WHERE number = 2") == 0);
  CHECK(VerifyFile(file).message ==
        "audit entry 5 logged a decision whose record is no longer in the workspace: it was "
        "deleted by hand");
}

}  // namespace weighbridge
