// Workspace::Remove: a candidate, member or evaluator withdrawn by a tombstone.
#include <algorithm>

#include "weighbridge/workspace.h"
#include "workspace/submission_store.h"
#include "workspace/withdrawal.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {

WorkspaceStatus Workspace::Remove(Removal what, const std::string& id, const std::string& reason,
                                  const Actor& actor) {
  // The submissions that make up what is removed: a member's judgements go
  // with them, since a judgement by someone not on the panel cannot load.
  std::vector<std::string> kinds;
  std::string noun;
  switch (what) {
    case Removal::kCandidate:
      kinds = {"candidate"};
      noun = "candidate";
      break;
    case Removal::kMember:
      kinds = {"member", "judgements"};
      noun = "panel member";
      break;
    case Removal::kEvaluator:
      kinds = {"scores"};
      noun = "evaluator";
      break;
  }
  return workspace::Guarded(impl_->file, [&] {
    workspace::WriteTransaction transaction(impl_->db);
    std::vector<std::pair<workspace::Submission, long long>> tombstones;
    bool removed_before = false;
    for (const workspace::StoredSubmission& stored : workspace::LatestSubmissions(impl_->db)) {
      const workspace::Submission& latest = stored.submission;
      bool wanted = std::find(kinds.begin(), kinds.end(), latest.kind) != kinds.end();
      if (latest.subject != id || !wanted) continue;
      if (workspace::Withdrawn(latest)) {
        removed_before = true;
        continue;
      }
      tombstones.emplace_back(workspace::Tombstone(latest, reason), stored.version + 1);
    }
    // A member is there when their [[member]] table is; judgements alone do not count.
    bool there = false;
    for (const auto& [tombstone, version] : tombstones) there = there || tombstone.kind == kinds[0];
    if (!there) {
      const std::string why = removed_before ? ": it was removed already"
                                             : "; weighbridge history lists what was imported";
      return workspace::Refuse(WorkspaceCode::kBadInput, "there is no " + noun + " '" + id +
                                                             "' in the workspace" + why +
                                                             ". Nothing was written");
    }
    for (const auto& [tombstone, version] : tombstones) {
      workspace::StoreSubmission(impl_->db, tombstone, version, actor, "remove");
    }
    transaction.Commit();
    return WorkspaceStatus{};
  });
}

}  // namespace weighbridge
