// Workspace::Freeze and Frozen: fixing the method before scoring, and
// amending it with a reason (docs/workspace.md, "Fix the method").
#include "weighbridge/workspace.h"
#include "workspace/freeze_store.h"
#include "workspace/inputs_folder.h"
#include "workspace/method_json.h"
#include "workspace/submission_store.h"
#include "workspace/temp_folder.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace {

using workspace::FreezeRow;

// The leaves in tree order with their published shares.
std::vector<std::pair<std::string, long long>> LeafWeights(const Procurement& procurement,
                                                           const nlohmann::json& method) {
  const std::map<std::string, long long> tenths = workspace::MethodTenths(method);
  std::vector<std::pair<std::string, long long>> out;
  for (const std::string& leaf : procurement.framework.tree.leaves()) {
    out.emplace_back(leaf, tenths.at(leaf));
  }
  return out;
}

}  // namespace

WorkspaceStatus Workspace::Freeze(const std::string& note,
                                  const std::optional<std::string>& amend_reason,
                                  const std::vector<std::filesystem::path>& framework_dirs,
                                  const Actor& actor, FreezeOutcome& outcome) {
  outcome = FreezeOutcome{};
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    const std::vector<FreezeRow> rows = workspace::FreezeRows(db);
    if (rows.empty() && amend_reason) {
      return workspace::Refuse(WorkspaceCode::kBadInput,
                               "the method is not fixed yet, so there is nothing to amend: fix "
                               "it with weighbridge freeze " +
                                   workspace::CommandFolder(impl_->file) + " --note TEXT");
    }
    if (!rows.empty() && !amend_reason) {
      const FreezeRow& first = rows.front();
      return workspace::Refuse(
          WorkspaceCode::kBadInput,
          "the method is frozen already (" + first.note +
              "). To change it, run weighbridge freeze " + workspace::CommandFolder(impl_->file) +
              " --amend --reason TEXT, which records the change and why in every later report");
    }
    std::vector<workspace::Submission> whole;
    for (auto& entry : workspace::LatestSubmissions(db)) whole.push_back(entry.submission);
    workspace::TempFolder temp;
    workspace::LineMap map;
    const std::filesystem::path folder = workspace::WriteInputsFolder(whole, temp.path(), map);
    LoadOptions options;
    options.framework_dirs = framework_dirs;
    // The workspace's copy of a framework named by id first, as every load.
    options.framework_dirs.insert(options.framework_dirs.begin(),
                                  workspace::StoredFrameworksFolder(temp.path()));
    options.allow_incomplete = true;  // the method is fixed before scoring
    ProcurementLoad load = LoadProcurement(folder, options);
    if (!load.procurement) {
      WorkspaceStatus refused = workspace::Refuse(
          WorkspaceCode::kBadInput,
          "the method cannot be fixed while the procurement does not load; settle the problems "
          "above first");
      refused.diagnostics = map.Remap(load.diagnostics, temp.path());
      return refused;
    }
    FreezeRow row;
    if (rows.empty()) {
      row.kind = "freeze";
      row.note = note;
      row.method = workspace::MethodJson(*load.procurement);
      row.method_hash = workspace::MethodHash(row.method);
      outcome.parts = workspace::MethodParts();
    } else {
      workspace::MethodCheck check =
          workspace::CheckMethod(rows, *load.procurement, amend_reason);
      outcome.amendment = true;
      outcome.method_hash = rows.back().method_hash;
      outcome.weights = LeafWeights(*load.procurement, rows.back().method);
      if (!check.changed) return WorkspaceStatus{};
      row = *check.amendment;
      outcome.parts = check.parts;
      outcome.old_method_hash = row.old_method_hash;
    }
    workspace::StoreFreeze(db, row, actor);
    transaction.Commit();
    outcome.stored = true;
    outcome.method_hash = row.method_hash;
    outcome.weights = LeafWeights(*load.procurement, row.method);
    return WorkspaceStatus{};
  });
}

std::optional<MethodFreeze> Workspace::Frozen() {
  std::optional<MethodFreeze> out;
  WorkspaceStatus status = workspace::Guarded(impl_->file, [&] {
    out = workspace::ToMethodFreeze(impl_->db, workspace::FreezeRows(impl_->db));
    return WorkspaceStatus{};
  });
  return status.ok() ? out : std::nullopt;
}

}  // namespace weighbridge
