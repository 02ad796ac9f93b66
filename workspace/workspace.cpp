// Opening and creating a workspace, and reading its history.
#include "weighbridge/workspace.h"

#include "workspace/audit_log.h"
#include "workspace/schema.h"
#include "workspace/users.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace fs = std::filesystem;
using workspace::Guarded;
using workspace::Refuse;

namespace workspace {

WorkspaceStatus Refuse(WorkspaceCode code, std::string message) {
  WorkspaceStatus status;
  status.code = code;
  status.message = std::move(message);
  return status;
}

WorkspaceStatus Guarded(const fs::path& file, const std::function<WorkspaceStatus()>& work) {
  try {
    return work();
  } catch (const SqliteError& error) {
    if (error.busy()) {
      return Refuse(WorkspaceCode::kBusy, "the workspace is busy; try again");
    }
    return Refuse(WorkspaceCode::kIo,
                  "cannot read or write the workspace " + file.string() + ": " + error.what());
  } catch (const fs::filesystem_error& error) {
    return Refuse(WorkspaceCode::kIo,
                  std::string("cannot write a temporary file: ") + error.what());
  }
}

}  // namespace workspace

fs::path WorkspaceFile(const fs::path& folder) { return folder / "weighbridge.db"; }

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::~Workspace() = default;

std::unique_ptr<Workspace> Workspace::Create(const fs::path& file, const Actor& actor,
                                             WorkspaceStatus& status, Options options) {
  std::error_code error;
  if (fs::exists(fs::symlink_status(file, error))) {
    status = Refuse(WorkspaceCode::kBadInput, file.string() + " exists already");
    return nullptr;
  }
  std::unique_ptr<Workspace> created;
  status = Guarded(file, [&] {
    auto impl = std::make_unique<Impl>(file, /*create=*/true);
    workspace::Configure(impl->db, options.busy_timeout_ms);
    workspace::WriteTransaction transaction(impl->db);
    workspace::Migrate(impl->db);
    workspace::AppendEntry(impl->db, actor, "init",
                           {{"schema_version", workspace::kSchemaVersion}});
    transaction.Commit();
    created.reset(new Workspace(std::move(impl)));
    return WorkspaceStatus{};
  });
  return created;
}

std::unique_ptr<Workspace> Workspace::Open(const fs::path& file, WorkspaceStatus& status,
                                           Options options) {
  if (!fs::exists(file)) {
    status = Refuse(WorkspaceCode::kBadInput, "there is no workspace at " + file.string() +
                                                  "; create one with weighbridge init");
    return nullptr;
  }
  std::unique_ptr<Workspace> opened;
  status = Guarded(file, [&] {
    // Checked read-only first: a file that is not ours is never written to.
    std::string problem = workspace::CheckWorkspaceFile(file);
    if (!problem.empty()) return Refuse(WorkspaceCode::kBadInput, problem);
    auto impl = std::make_unique<Impl>(file, /*create=*/false);
    workspace::Configure(impl->db, options.busy_timeout_ms);
    if (impl->db.QueryInt("PRAGMA user_version") < workspace::kSchemaVersion) {
      workspace::WriteTransaction transaction(impl->db);
      workspace::Migrate(impl->db);  // re-reads the version inside the lock
      transaction.Commit();
    }
    opened.reset(new Workspace(std::move(impl)));
    return WorkspaceStatus{};
  });
  return opened;
}

namespace workspace {

std::string CommandFolder(const std::filesystem::path& file) {
  std::string folder = file.parent_path().string();
  if (folder.empty()) folder = ".";
  return folder.find(' ') == std::string::npos ? folder : "'" + folder + "'";
}

}  // namespace workspace

std::vector<AuditEntry> Workspace::Entries() {
  std::vector<AuditEntry> out;
  workspace::Statement rows = impl_->db.Prepare(
      "SELECT seq, at, who, what, content, prev_hash, hash FROM audit ORDER BY seq");
  while (rows.Step()) {
    const std::string who = rows.Text(2);
    out.push_back({rows.Int(0), rows.Text(1), who, workspace::UserName(impl_->db, who),
                   rows.Text(3), rows.Text(4), rows.Text(5), rows.Text(6)});
  }
  return out;
}

}  // namespace weighbridge
