// Whether the results are shown to the people taking part from a browser: a
// choice the facilitator makes, and may undo, each change a `share` entry in
// the audit log. The log is the record: no table holds the choice, so verify
// checks it as it checks every entry, by the chain.
#include <nlohmann/json.hpp>

#include "workspace/audit_log.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace {

bool SharedIn(workspace::Db& db) {
  workspace::Statement last =
      db.Prepare("SELECT content FROM audit WHERE what = 'share' ORDER BY seq DESC LIMIT 1");
  if (!last.Step()) return false;
  const nlohmann::json content = nlohmann::json::parse(last.Text(0), nullptr, false);
  return content.is_object() && content.value("results", false);
}

}  // namespace

bool Workspace::ResultsShared() {
  bool shared = false;
  // A workspace that cannot be read shares nothing.
  workspace::Guarded(impl_->file, [&] {
    shared = SharedIn(impl_->db);
    return WorkspaceStatus{};
  });
  return shared;
}

WorkspaceStatus Workspace::ShareResults(bool shared, const Actor& actor, bool& changed) {
  changed = false;
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    if (SharedIn(db) == shared) return WorkspaceStatus{};
    workspace::AppendEntry(db, actor, "share", nlohmann::json{{"results", shared}});
    transaction.Commit();
    changed = true;
    return WorkspaceStatus{};
  });
}

}  // namespace weighbridge
