// Workspace::RecordDecision, Approve and Decisions.
#include "workspace/decision_store.h"

#include "workspace/audit_log.h"
#include "workspace/users.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace workspace {

nlohmann::json DecisionContent(const DecisionRecord& record) {
  const DecisionInput& input = record.input;
  return {{"number", record.number},
          {"input_hash", input.input_hash},
          {"engine_version", input.engine_version},
          {"framework_id", input.framework_id},
          {"framework_version", input.framework_version},
          {"options", input.options},
          {"decision_json", input.decision_json},
          {"unscored", input.unscored},
          {"moderation", input.moderation},
          {"head_hash", record.head_hash},
          {"at", record.at},
          {"who", record.who}};
}

nlohmann::json ApprovalContent(long long decision, const std::string& by, const std::string& role,
                               const std::string& note, const std::string& at,
                               const std::string& head_hash) {
  return {{"decision", decision}, {"by", by}, {"role", role},
          {"note", note},         {"at", at}, {"head_hash", head_hash}};
}

std::vector<DecisionRecord> StoredDecisions(Db& db) {
  std::vector<DecisionRecord> out;
  Statement rows = db.Prepare(
      "SELECT d.number, d.input_hash, d.engine_version, d.framework_id, d.framework_version, "
      "d.options, d.decision_json, d.unscored, d.moderation, d.head_hash, d.at, d.who, a.by, "
      "a.role, a.at, a.note, e.hash FROM decision d LEFT JOIN approval a ON a.decision = "
      "d.number LEFT JOIN audit e ON e.seq = d.audit_seq ORDER BY d.number");
  while (rows.Step()) {
    DecisionRecord record;
    record.number = rows.Int(0);
    record.input = {rows.Text(1),
                    rows.Text(2),
                    rows.Text(3),
                    rows.Text(4),
                    rows.Text(5),
                    rows.Text(6),
                    static_cast<int>(rows.Int(7)),
                    static_cast<int>(rows.Int(8)),
                    /*inputs_head=*/{}};  // checked when stored, not kept: head_hash is the same
    record.head_hash = rows.Text(9);
    record.at = rows.Text(10);
    record.who = rows.Text(11);
    if (!rows.IsNull(16)) record.entry_hash = rows.Text(16);
    if (!rows.IsNull(12)) {
      record.approved_by = rows.Text(12);
      record.approved_role = rows.Text(13);
      record.approved_at = rows.Text(14);
      record.approval_note = rows.Text(15);
    }
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace workspace

WorkspaceStatus Workspace::RecordDecision(const DecisionInput& input, const Actor& actor,
                                          long long& number) {
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    if (!input.inputs_head.empty() && input.inputs_head != workspace::HeadHash(db)) {
      return workspace::Refuse(WorkspaceCode::kBusy,
                               "the workspace changed while the decision was being made, so "
                               "nothing was stored; evaluate again");
    }
    DecisionRecord record;
    record.number = db.QueryInt("SELECT COALESCE(MAX(number), 0) + 1 FROM decision");
    record.input = input;
    // The user's id first, as a new user's own entry comes before the decision's.
    record.who = workspace::UserId(db, actor);
    // The head before this decision's own entry: the log as the decision saw it.
    record.head_hash = workspace::HeadHash(db);
    record.at = actor.when;
    long long seq =
        workspace::AppendEntry(db, actor, "decision", workspace::DecisionContent(record));
    db.Prepare(
          "INSERT INTO decision (number, input_hash, engine_version, framework_id, "
          "framework_version, options, decision_json, unscored, moderation, head_hash, at, who, "
          "audit_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .Bind(1, static_cast<std::int64_t>(record.number))
        .Bind(2, input.input_hash)
        .Bind(3, input.engine_version)
        .Bind(4, input.framework_id)
        .Bind(5, input.framework_version)
        .Bind(6, input.options)
        .Bind(7, input.decision_json)
        .Bind(8, static_cast<std::int64_t>(input.unscored))
        .Bind(9, static_cast<std::int64_t>(input.moderation))
        .Bind(10, record.head_hash)
        .Bind(11, record.at)
        .Bind(12, record.who)
        .Bind(13, static_cast<std::int64_t>(seq))
        .Run();
    transaction.Commit();
    number = record.number;
    return WorkspaceStatus{};
  });
}

WorkspaceStatus Workspace::Approve(long long number, const std::string& role,
                                   const std::string& note, const Actor& approver) {
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    const std::string name = "decision " + std::to_string(number);
    workspace::Statement found =
        db.Prepare("SELECT unscored, moderation FROM decision WHERE number = ?1");
    found.Bind(1, static_cast<std::int64_t>(number));
    if (!found.Step()) {
      return workspace::Refuse(WorkspaceCode::kBadInput,
                               "there is no " + name + "; weighbridge history lists the decisions");
    }
    long long unscored = found.Int(0);
    long long moderation = found.Int(1);
    workspace::Statement approved = db.Prepare("SELECT by, at FROM approval WHERE decision = ?1");
    approved.Bind(1, static_cast<std::int64_t>(number));
    if (approved.Step()) {
      return workspace::Refuse(WorkspaceCode::kBadInput,
                               name + " was approved already, by " +
                                   workspace::UserName(db, approved.Text(0)) + " at " +
                                   approved.Text(1) + "; an approval cannot be changed");
    }
    if (unscored > 0 || moderation > 0) {
      std::string why;
      if (unscored > 0)
        why += std::to_string(unscored) + (unscored == 1 ? " score is" : " scores are") +
               " still missing";
      if (moderation > 0) {
        why +=
            std::string(why.empty() ? "" : " and ") + std::to_string(moderation) +
            (moderation == 1 ? " spread of scores still needs" : " spreads of scores still need") +
            " moderation";
      }
      return workspace::Refuse(WorkspaceCode::kBadInput,
                               "cannot approve " + name + ": " + why +
                                   ". Settle them, evaluate again and approve the new decision");
    }
    // The approver's id, and a new approver's own entry, before the head is taken.
    const std::string by = workspace::UserId(db, approver);
    std::string head = workspace::HeadHash(db);
    long long seq = workspace::AppendEntry(
        db, approver, "approve",
        workspace::ApprovalContent(number, by, role, note, approver.when, head));
    db.Prepare(
          "INSERT INTO approval (decision, by, role, note, at, head_hash, audit_seq) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .Bind(1, static_cast<std::int64_t>(number))
        .Bind(2, by)
        .Bind(3, role)
        .Bind(4, note)
        .Bind(5, approver.when)
        .Bind(6, head)
        .Bind(7, static_cast<std::int64_t>(seq))
        .Run();
    transaction.Commit();
    return WorkspaceStatus{};
  });
}

std::vector<DecisionRecord> Workspace::Decisions() {
  std::vector<DecisionRecord> out = workspace::StoredDecisions(impl_->db);
  for (DecisionRecord& record : out) {
    record.who = workspace::UserName(impl_->db, record.who);
    if (record.approved_by) {
      record.approved_by = workspace::UserName(impl_->db, *record.approved_by);
    }
  }
  return out;
}

}  // namespace weighbridge
