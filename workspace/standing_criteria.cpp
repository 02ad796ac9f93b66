#include "workspace/standing_criteria.h"

#include "weighbridge/load.h"
#include "workspace/canonical_json.h"
#include "workspace/freeze_store.h"
#include "workspace/inputs_folder.h"
#include "workspace/submission_store.h"

namespace weighbridge::workspace {
namespace fs = std::filesystem;

Workspace::CriteriaStamp StandingCriteria::Stamp(Db& db) {
  return {db.QueryInt("PRAGMA data_version"),
          db.TotalChanges() - judgement_changes_ - pending_changes_};
}

void StandingCriteria::Keep(Db& db, const Procurement& procurement,
                            const Workspace::CriteriaStamp& stamp, bool in_transaction) {
  if (db.Prepare("SELECT 1 FROM submission WHERE file_kind = 'panel-csv' LIMIT 1").Step()) {
    kept_.reset();
    return;
  }
  kept_ = std::make_shared<const Procurement>(procurement);
  kept_stamp_ = stamp;
  kept_in_transaction_ = in_transaction;
}

StandingCriteria::Settlement::~Settlement() {
  if (committed_) {
    standing_.judgement_changes_ += standing_.pending_changes_;
  } else if (standing_.kept_in_transaction_) {
    standing_.kept_.reset();  // what it was kept against was rolled back
  }
  // Rolled back rows still count in TotalChanges: left out of
  // judgement_changes_, they move the stamp, and the kept procurement is set
  // aside, to be safe.
  standing_.pending_changes_ = 0;
  standing_.kept_in_transaction_ = false;
}

std::optional<WorkspaceStatus> StandingCriteria::Import(Db& db,
                                                        const std::vector<Submission>& incoming,
                                                        const Actor& actor,
                                                        const std::string& command_folder,
                                                        int& changed) {
  changed = 0;
  if (!kept_ || incoming.empty()) return std::nullopt;
  for (const Submission& submission : incoming) {
    if (submission.kind != "judgements" || submission.file_kind != "panel") return std::nullopt;
  }
  // The caller holds the write lock, so nobody can change this before commit.
  if (Stamp(db) != kept_stamp_) return std::nullopt;
  const std::int64_t changes_before = db.TotalChanges();

  // The same member twice in one import: the last one counts.
  std::vector<const Submission*> latest;
  for (const Submission& submission : incoming) {
    bool replaced = false;
    for (const Submission*& pending : latest) {
      if (pending->subject == submission.subject) {
        pending = &submission;
        replaced = true;
      }
    }
    if (!replaced) latest.push_back(&submission);
  }
  std::vector<std::pair<const Submission*, long long>> changes;  // with their new version
  for (const Submission* submission : latest) {
    Statement stored = db.Prepare(
        "SELECT version, meaning FROM submission WHERE kind = 'judgements' AND subject = ?1 "
        "ORDER BY version DESC LIMIT 1");
    stored.Bind(1, submission->subject);
    long long version = 1;
    if (stored.Step()) {
      if (stored.Text(1) == CanonicalJson(submission->meaning)) continue;  // unchanged
      version = stored.Int(0) + 1;
    }
    changes.emplace_back(submission, version);
  }
  if (changes.empty()) return WorkspaceStatus{};

  std::vector<const Submission*> changed_submissions;
  for (const auto& change : changes) changed_submissions.push_back(change.first);
  if (WorkspaceStatus order =
          CheckOrderOfWork(db, changed_submissions, std::nullopt, command_folder);
      !order.ok()) {
    return order;  // after the freeze, judgements need an amendment
  }
  // Each member's tables at the lines they have in the file they came from,
  // as a whole load reports them (LineMap, as for the written panel.toml).
  const fs::path written = fs::path("(workspace)") / "panel.toml";
  WorkspaceStatus refused;
  for (const auto& [submission, version] : changes) {
    LineMap map;
    map.Add(written, 1, *submission);
    const Diagnostics found = CheckJudgementTables(submission->toml, written.string(), *kept_);
    const Diagnostics remapped = map.Remap(found, "(workspace)");
    for (const Diagnostic& diagnostic : remapped.all()) refused.diagnostics.Add(diagnostic);
  }
  if (refused.diagnostics.has_errors()) {
    refused.code = WorkspaceCode::kBadInput;
    return refused;
  }
  for (const auto& [submission, version] : changes) {
    StoreSubmission(db, *submission, version, actor);
  }
  pending_changes_ += db.TotalChanges() - changes_before;
  changed = static_cast<int>(changes.size());
  return WorkspaceStatus{};
}

}  // namespace weighbridge::workspace
