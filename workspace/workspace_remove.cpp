// Workspace::Remove: a candidate, member or evaluator withdrawn by a tombstone.
#include <algorithm>

#include "weighbridge/workspace.h"
#include "workspace/freeze_store.h"
#include "workspace/standing_load.h"
#include "workspace/submission_store.h"
#include "workspace/withdrawal.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {

WorkspaceStatus Workspace::Remove(Removal what, const std::string& id, const std::string& reason,
                                  const Actor& actor, bool amend) {
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
    // The procurement as it would stand after the removal.
    std::vector<workspace::Submission> after;
    for (const workspace::StoredSubmission& stored : workspace::LatestSubmissions(impl_->db)) {
      const workspace::Submission& latest = stored.submission;
      after.push_back(latest);
      bool wanted = std::find(kinds.begin(), kinds.end(), latest.kind) != kinds.end();
      if (latest.subject != id || !wanted) continue;
      if (workspace::Withdrawn(latest)) {
        removed_before = true;
        continue;
      }
      tombstones.emplace_back(workspace::Tombstone(latest, reason), stored.version + 1);
      after.back() = tombstones.back().first;
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
    // Once the method is fixed, a removal may not change it without --amend
    // (a member's judgements make the weights the tender published), as an
    // import may not.
    std::optional<workspace::StandingLoad> would;
    if (!workspace::FreezeRows(impl_->db).empty()) {
      would = workspace::LoadAsItWouldStand(after, {});
    }
    std::optional<workspace::FreezeRow> amendment;
    const std::optional<std::string> amend_reason = amend ? std::optional(reason) : std::nullopt;
    if (would) {
      WorkspaceStatus guard = workspace::GuardMethod(
          impl_->db, would->load.procurement ? &*would->load.procurement : nullptr,
          would->diagnostics, amend_reason, amendment, "this removal");
      if (!guard.ok()) return guard;
    }
    for (const auto& [tombstone, version] : tombstones) {
      workspace::StoreSubmission(impl_->db, tombstone, version, actor, "remove");
    }
    if (amendment) workspace::StoreFreeze(impl_->db, *amendment, actor);
    transaction.Commit();
    return WorkspaceStatus{};
  });
}

}  // namespace weighbridge
