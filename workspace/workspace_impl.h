// What the parts of Workspace share: the connection, and turning SQLite and
// file-system failures into a WorkspaceStatus.
#pragma once

#include <filesystem>
#include <functional>

#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"
#include "workspace/standing_criteria.h"

namespace weighbridge {

struct Workspace::Impl {
  Impl(const std::filesystem::path& f, bool create) : file(f), db(f.string(), false, create) {}
  std::filesystem::path file;
  workspace::Db db;
  workspace::StandingCriteria standing;  // what one member's judgements are checked against
};

namespace workspace {

// The procurement folder as the user named it (the workspace file's folder),
// for the commands a message suggests: "run weighbridge freeze cms-2026 ...".
// Quoted when it has a space, so that it can be pasted.
std::string CommandFolder(const std::filesystem::path& file);

// Runs `work`, turning an SQLite or file-system failure into kBusy or kIo with
// a message in plain words. Returns `work`'s own status otherwise.
WorkspaceStatus Guarded(const std::filesystem::path& file,
                        const std::function<WorkspaceStatus()>& work);

// A status with `code` and `message`.
WorkspaceStatus Refuse(WorkspaceCode code, std::string message);

}  // namespace workspace
}  // namespace weighbridge
