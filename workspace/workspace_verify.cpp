// Workspace::Verify: the chain, then every stored record against its entry.
#include "weighbridge/workspace.h"
#include "workspace/audit_log.h"
#include "workspace/canonical_json.h"
#include "workspace/decision_store.h"
#include "workspace/people_verify.h"
#include "workspace/freeze_store.h"
#include "workspace/invitations.h"
#include "workspace/submission_store.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace {

using workspace::Db;
using workspace::Statement;

// The canonical form of the content logged at `seq` for a write of kind
// `what`, or "" when there is no such entry.
std::string LoggedContent(Db& db, long long seq, const std::string& what) {
  Statement entry = db.Prepare("SELECT content FROM audit WHERE seq = ?1 AND what = ?2");
  entry.Bind(1, static_cast<std::int64_t>(seq)).Bind(2, what);
  if (!entry.Step()) return {};
  nlohmann::json content = nlohmann::json::parse(entry.Text(0), nullptr, false);
  return content.is_discarded() ? std::string() : workspace::CanonicalJson(content);
}

// The first entry of kind `what` that no row of `table` points to: a record
// deleted by hand. `table` is one of our own table names, never user input.
std::optional<std::string> Orphan(Db& db, const std::string& table, const std::string& what) {
  Statement orphan =
      db.Prepare("SELECT seq FROM audit WHERE what = ?1 AND seq NOT IN (SELECT audit_seq FROM " +
                 table + ") ORDER BY seq LIMIT 1");
  orphan.Bind(1, what);
  if (!orphan.Step()) return std::nullopt;
  return "audit entry " + std::to_string(orphan.Int(0)) + " logged a " + what +
         " whose record is no longer in the workspace: it was deleted by hand";
}

std::optional<std::string> CheckSubmissions(Db& db) {
  Statement rows = db.Prepare(
      "SELECT kind, subject, version, file_kind, toml, meaning, source_file, source_lines, "
      "audit_seq FROM submission ORDER BY audit_seq");
  while (rows.Step()) {
    workspace::Submission submission{rows.Text(0),
                                     rows.Text(1),
                                     rows.Text(3),
                                     rows.Text(4),
                                     nlohmann::json::parse(rows.Text(5), nullptr, false),
                                     rows.Text(6),
                                     workspace::SpansFromJson(rows.Text(7))};
    long long seq = rows.Int(8);
    // A tombstone stored by `remove` is logged as a remove entry.
    std::string logged = LoggedContent(db, seq, "import");
    if (logged.empty()) logged = LoggedContent(db, seq, "remove");
    bool same = !submission.meaning.is_discarded() &&
                workspace::SpansJson(submission.spans) == rows.Text(7) &&
                logged ==
                    workspace::CanonicalJson(workspace::SubmissionContent(submission, rows.Int(2)));
    if (!same) {
      return "the stored " + submission.kind + " '" + submission.subject + "' version " +
             std::to_string(rows.Int(2)) + " does not match audit entry " + std::to_string(seq) +
             " that logged it: it was changed after it was logged";
    }
  }
  if (auto orphan = Orphan(db, "submission", "remove")) return orphan;
  return Orphan(db, "submission", "import");
}

std::optional<std::string> CheckDecisions(Db& db) {
  for (const DecisionRecord& record : workspace::StoredDecisions(db)) {
    Statement seq = db.Prepare("SELECT audit_seq FROM decision WHERE number = ?1");
    seq.Bind(1, static_cast<std::int64_t>(record.number));
    seq.Step();
    if (LoggedContent(db, seq.Int(0), "decision") !=
        workspace::CanonicalJson(workspace::DecisionContent(record))) {
      return "stored decision " + std::to_string(record.number) + " does not match audit entry " +
             std::to_string(seq.Int(0)) + " that logged it: it was changed after it was logged";
    }
  }
  Statement approvals =
      db.Prepare("SELECT decision, by, role, note, at, head_hash, audit_seq FROM approval");
  while (approvals.Step()) {
    nlohmann::json content =
        workspace::ApprovalContent(approvals.Int(0), approvals.Text(1), approvals.Text(2),
                                   approvals.Text(3), approvals.Text(4), approvals.Text(5));
    if (LoggedContent(db, approvals.Int(6), "approve") != workspace::CanonicalJson(content)) {
      return "the approval of decision " + std::to_string(approvals.Int(0)) +
             " does not match audit entry " + std::to_string(approvals.Int(6)) +
             " that logged it: it was changed after it was logged";
    }
  }
  if (auto orphan = Orphan(db, "decision", "decision")) return orphan;
  return Orphan(db, "approval", "approve");
}

// Each row of the fixed method against its `freeze` or `amend` entry.
std::optional<std::string> CheckFreeze(Db& db) {
  Statement seqs = db.Prepare("SELECT number, audit_seq FROM freeze ORDER BY number");
  const std::vector<workspace::FreezeRow> rows = workspace::FreezeRows(db);
  for (const workspace::FreezeRow& row : rows) {
    seqs.Step();
    const long long seq = seqs.Int(1);
    const std::string name = row.kind == "amend"
                                 ? "amendment " + std::to_string(row.number - 1) + " of the method"
                                 : "the fixed method";
    if (row.method.is_discarded() || !row.method.contains("weights") ||
        LoggedContent(db, seq, row.kind) !=
            workspace::CanonicalJson(workspace::FreezeContent(row))) {
      return name + " does not match audit entry " + std::to_string(seq) +
             " that logged it: it was changed after it was logged";
    }
  }
  if (auto orphan = Orphan(db, "freeze", "freeze")) return orphan;
  Statement amend = db.Prepare(
      "SELECT seq FROM audit WHERE what = 'amend' AND seq NOT IN (SELECT audit_seq FROM freeze) "
      "ORDER BY seq LIMIT 1");
  if (!amend.Step()) return std::nullopt;
  return "audit entry " + std::to_string(amend.Int(0)) +
         " logged an amendment of the method whose record is no longer in the workspace: it was "
         "deleted by hand";
}

}  // namespace

WorkspaceStatus Workspace::Verify(const std::optional<std::string>& head, VerifyReport& report) {
  return workspace::Guarded(impl_->file, [&] {
    Db& db = impl_->db;
    // One read transaction, so a writer in another process cannot change the
    // log between the checks.
    db.Exec("BEGIN");
    struct End {
      Db& db;
      ~End() {
        try {
          db.Exec("COMMIT");
        } catch (const workspace::SqliteError&) {
        }
      }
    } end{db};
    auto problem = workspace::VerifyChain(db, report.entries, report.head);
    if (!problem) problem = CheckSubmissions(db);
    if (!problem) problem = CheckDecisions(db);
    if (!problem) problem = workspace::CheckPeople(db);
    if (!problem) problem = CheckFreeze(db);
    if (!problem) problem = workspace::CheckInvitations(db);
    if (!problem && head) {
      Statement found = db.Prepare("SELECT seq FROM audit WHERE hash = ?1");
      found.Bind(1, *head);
      if (!found.Step()) {
        problem = "the log no longer holds the head " + *head +
                  " printed earlier: entries written since were deleted, or the log was rewritten";
      }
    }
    if (problem) return workspace::Refuse(WorkspaceCode::kTampered, *problem);
    return WorkspaceStatus{};
  });
}

}  // namespace weighbridge
