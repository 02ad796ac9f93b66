// Opening and creating workspaces: what is ours is opened, anything else is
// refused and left byte for byte as it was.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
namespace fs = std::filesystem;
using test::ScratchDir;

TEST_CASE("Workspace: a new workspace carries our application id, the current version and WAL",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  auto workspace = Workspace::Create(file, test::At("alice", "2026-03-01T09:00:00Z"), status, {});
  REQUIRE(status.ok());
  workspace.reset();
  CHECK(test::QuerySql(file, "PRAGMA application_id") == "1466062707");  // 0x57625773, "WbWs"
  CHECK(test::QuerySql(file, "PRAGMA user_version") == "4");
  CHECK(test::QuerySql(file, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("Workspace: create refuses a file that exists already", "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  std::ofstream(file) << "mine";
  WorkspaceStatus status;
  CHECK_FALSE(Workspace::Create(file, test::At("alice", "t"), status, {}));
  CHECK(status.code == WorkspaceCode::kBadInput);
  CHECK(status.message == file.string() + " exists already");
  CHECK(test::ReadBytes(file) == "mine");
}

TEST_CASE("Workspace: a text file is refused and not changed", "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  std::ofstream(file) << "These are my notes.\n";
  WorkspaceStatus status;
  CHECK_FALSE(Workspace::Open(file, status, {}));
  CHECK(status.code == WorkspaceCode::kBadInput);
  CHECK(status.message == file.string() + " is not a weighbridge workspace");
  CHECK(test::ReadBytes(file) == "These are my notes.\n");
}

TEST_CASE("Workspace: another program's SQLite file is refused and not changed", "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  REQUIRE(test::RunSql(file, "CREATE TABLE contacts (name TEXT)") == 0);
  std::string before = test::ReadBytes(file);
  WorkspaceStatus status;
  CHECK_FALSE(Workspace::Open(file, status, {}));
  CHECK(status.message ==
        file.string() +
            " is not a weighbridge workspace (it is an SQLite database of another program)");
  CHECK(test::ReadBytes(file) == before);
  CHECK_FALSE(fs::exists(dir.path() / "weighbridge.db-wal"));
}

TEST_CASE("Workspace: a workspace from a newer weighbridge is refused and not changed",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  Workspace::Create(file, test::At("alice", "t"), status, {}).reset();
  REQUIRE(test::RunSql(file, "PRAGMA user_version = 7") == 0);
  std::string before = test::ReadBytes(file);
  CHECK_FALSE(Workspace::Open(file, status, {}));
  CHECK(status.code == WorkspaceCode::kBadInput);
  CHECK(status.message == file.string() +
                              " was written by a newer weighbridge (workspace version 7; this "
                              "weighbridge reads up to version 4). Install the newer weighbridge "
                              "to use it");
  CHECK(test::ReadBytes(file) == before);
}

TEST_CASE("Workspace: a version 1 workspace is brought forward to the current version when opened",
          "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  Workspace::Create(file, test::At("alice", "t"), status, {}).reset();
  // A file written before version 2 says 1 here; its tables are the version 1 ones.
  // Version 2's record of people and its method freeze are dropped, so the file
  // is a true version 1 one.
  REQUIRE(test::RunSql(file, "DROP TABLE declaration; DROP TABLE person_data; DROP TABLE person") ==
          0);
  REQUIRE(test::RunSql(file, "DROP TABLE freeze") == 0);
  REQUIRE(test::RunSql(file, "DROP TABLE revocation; DROP TABLE invitation") == 0);
  REQUIRE(test::RunSql(file, "DROP INDEX submission_latest") == 0);
  REQUIRE(test::RunSql(file, "PRAGMA user_version = 1") == 0);
  auto workspace = Workspace::Open(file, status, {});
  REQUIRE(workspace);
  VerifyReport report;
  CHECK(workspace->Verify(std::nullopt, report).ok());
  workspace.reset();
  CHECK(test::QuerySql(file, "PRAGMA user_version") == "4");
  CHECK(test::QuerySql(file, "SELECT COUNT(*) FROM freeze") == "0");
  CHECK(test::QuerySql(file, "SELECT COUNT(*) FROM invitation") == "0");
}

TEST_CASE("Workspace: a version 2 workspace gains the invitations when opened", "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  Workspace::Create(file, test::At("alice", "t"), status, {}).reset();
  // Version 2 had every table but the two for personal links.
  REQUIRE(test::RunSql(file, "DROP TABLE revocation; DROP TABLE invitation; "
                             "DROP INDEX submission_latest; PRAGMA user_version = 2") == 0);
  auto workspace = Workspace::Open(file, status, {});
  REQUIRE(workspace);
  workspace.reset();
  CHECK(test::QuerySql(file, "PRAGMA user_version") == "4");
  CHECK(test::QuerySql(file, "SELECT COUNT(*) FROM invitation") == "0");
  CHECK(test::QuerySql(file, "SELECT COUNT(*) FROM revocation") == "0");
}

TEST_CASE("Workspace: a version 3 workspace gains the index of the latest versions",
          "[workspace]") {
  test::MinimalWorkspace w;
  w.workspace.reset();
  REQUIRE(test::RunSql(w.file, "DROP INDEX submission_latest; PRAGMA user_version = 3") == 0);
  WorkspaceStatus status;
  auto workspace = Workspace::Open(w.file, status, {});
  REQUIRE(workspace);
  ProcurementLoad load;
  LoadOptions options;
  options.allow_incomplete = true;
  CHECK(workspace->LoadInputs(options, load).ok());  // loads as before
  workspace.reset();
  CHECK(test::QuerySql(w.file, "PRAGMA user_version") == "4");
  // LatestSubmissions' grouping (submission_store.cpp) reads the index alone,
  // never the stored TOML: SQLite's own plan says so.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(w.file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* rows = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "EXPLAIN QUERY PLAN SELECT kind, subject, MAX(version), "
                             "MIN(audit_seq) FROM submission WHERE audit_seq < 99 GROUP BY "
                             "kind, subject",
                             -1, &rows, nullptr) == SQLITE_OK);
  std::string plan;  // each step's detail, the fourth column
  while (sqlite3_step(rows) == SQLITE_ROW) {
    plan += reinterpret_cast<const char*>(sqlite3_column_text(rows, 3)) + std::string(" | ");
  }
  sqlite3_finalize(rows);
  sqlite3_close(db);
  INFO(plan);
  CHECK(plan.find("USING COVERING INDEX submission_latest") != std::string::npos);
}

TEST_CASE("Workspace: opening a missing workspace says how to make one", "[workspace]") {
  ScratchDir dir;
  WorkspaceStatus status;
  CHECK_FALSE(Workspace::Open(dir.path() / "weighbridge.db", status, {}));
  CHECK(status.message == "there is no workspace at " + (dir.path() / "weighbridge.db").string() +
                              "; create one with weighbridge init");
  CHECK_FALSE(fs::exists(dir.path() / "weighbridge.db"));
}

TEST_CASE("Workspace: a second writer waits, then is told the workspace is busy", "[workspace]") {
  ScratchDir dir;
  fs::path file = dir.path() / "weighbridge.db";
  WorkspaceStatus status;
  auto workspace = Workspace::Create(file, test::At("alice", "t"), status, {50});
  REQUIRE(status.ok());
  // Another connection holds the write lock while we try to write.
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  long long number = 0;
  status = workspace->RecordDecision({}, test::At("bob", "t2"), number);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(status.code == WorkspaceCode::kBusy);
  CHECK(status.message == "the workspace is busy; try again");
  CHECK(workspace->Decisions().empty());
}

}  // namespace weighbridge
