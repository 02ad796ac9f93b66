// The workspace's schema: how a file is recognised as a workspace, and the
// forward migrations from one schema version to the next.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// PRAGMA application_id of every workspace: "WbWs" in ASCII.
inline constexpr std::int64_t kApplicationId = 0x57625773;
// PRAGMA user_version written by this build. Raise it with a new migration.
inline constexpr std::int64_t kSchemaVersion = 4;

// Checks, without writing anything, that `file` is a workspace this build can
// open. Returns "" when it is, or the message explaining why not.
std::string CheckWorkspaceFile(const std::filesystem::path& file);

// Sets the connection up: foreign keys on, WAL journal, busy timeout.
void Configure(Db& db, int busy_timeout_ms);

// Brings the schema up to kSchemaVersion, one migration at a time, inside the
// caller's write transaction. A new file (user_version 0) gets every table.
void Migrate(Db& db);

}  // namespace weighbridge::workspace
