#include "workspace/freeze_store.h"

#include "weighbridge/plain_list.h"
#include "workspace/audit_log.h"
#include "workspace/canonical_json.h"
#include "workspace/method_json.h"
#include "workspace/users.h"
#include "workspace/workspace_impl.h"

namespace weighbridge::workspace {

nlohmann::json FreezeContent(const FreezeRow& row) {
  nlohmann::json content = {{"number", row.number},
                            {"kind", row.kind},
                            {"method", row.method},
                            {"method_hash", row.method_hash},
                            {"weights", row.method.at("weights")},
                            {"at", row.at},
                            {"who", row.who}};
  if (row.kind == "amend") {
    content["reason"] = row.note;
    content["old_method_hash"] = row.old_method_hash;
  } else {
    content["note"] = row.note;
  }
  return content;
}

std::vector<FreezeRow> FreezeRows(Db& db, std::int64_t before_seq) {
  std::vector<FreezeRow> out;
  Statement rows = db.Prepare(
      "SELECT number, kind, note, method, method_hash, old_method_hash, at, who FROM freeze "
      "WHERE audit_seq < ?1 ORDER BY number");
  rows.Bind(1, before_seq);
  while (rows.Step()) {
    out.push_back({rows.Int(0), rows.Text(1), rows.Text(2),
                   nlohmann::json::parse(rows.Text(3), nullptr, false), rows.Text(4), rows.Text(5),
                   rows.Text(6), rows.Text(7)});
  }
  return out;
}

void StoreFreeze(Db& db, FreezeRow& row, const Actor& actor) {
  row.number = db.QueryInt("SELECT COALESCE(MAX(number), 0) + 1 FROM freeze");
  row.at = actor.when;
  row.who = UserId(db, actor);
  long long seq = AppendEntry(db, actor, row.kind, FreezeContent(row));
  db.Prepare(
        "INSERT INTO freeze (number, kind, note, method, method_hash, old_method_hash, at, who, "
        "audit_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .Bind(1, static_cast<std::int64_t>(row.number))
      .Bind(2, row.kind)
      .Bind(3, row.note)
      .Bind(4, CanonicalJson(row.method))
      .Bind(5, row.method_hash)
      .Bind(6, row.old_method_hash)
      .Bind(7, row.at)
      .Bind(8, row.who)
      .Bind(9, static_cast<std::int64_t>(seq))
      .Run();
}

std::optional<MethodFreeze> ToMethodFreeze(Db& db, const std::vector<FreezeRow>& rows) {
  if (rows.empty()) return std::nullopt;
  MethodFreeze freeze;
  freeze.at = rows.front().at;
  freeze.who = rows.front().who;
  freeze.note = rows.front().note;
  freeze.method_hash = rows.back().method_hash;
  freeze.published_tenths = MethodTenths(rows.back().method);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const FreezeRow& row = rows[i];
    freeze.amendments.push_back({row.at, row.who, UserName(db, row.who), row.note,
                                 row.old_method_hash, row.method_hash,
                                 MethodChanges(rows[i - 1].method, row.method)});
  }
  return freeze;
}

MethodCheck CheckMethod(const std::vector<FreezeRow>& rows, const Procurement& procurement,
                        const std::optional<std::string>& amend_reason) {
  MethodCheck check;
  const nlohmann::json method = MethodJson(procurement);
  const std::string hash = MethodHash(method);
  if (hash == rows.back().method_hash) return check;
  check.changed = true;
  check.parts = MethodChanges(rows.back().method, method);
  if (amend_reason) {
    FreezeRow row;
    row.kind = "amend";
    row.note = *amend_reason;
    row.method = method;
    row.method_hash = hash;
    row.old_method_hash = rows.back().method_hash;
    check.amendment = row;  // StoreFreeze sets when and by whom
  }
  return check;
}

WorkspaceStatus RefuseChange(const std::vector<FreezeRow>& rows, const MethodCheck& check,
                             const std::string& what) {
  const std::string parts = JoinPlainList(check.parts);
  const FreezeRow& first = rows.front();
  return Refuse(WorkspaceCode::kBadInput,
                what + " would change the method, which was fixed (" + first.note +
                    ") and is used as fixed: it changes " + parts +
                    ". To change it, give --amend --reason TEXT; the change and its reason are "
                    "then listed in every later report");
}

WorkspaceStatus GuardMethod(Db& db, const Procurement* procurement, const Diagnostics& problems,
                            const std::optional<std::string>& amend_reason,
                            std::optional<FreezeRow>& amendment, const std::string& change) {
  const std::vector<FreezeRow> rows = FreezeRows(db);
  if (rows.empty()) return WorkspaceStatus{};
  if (!procurement) {
    // Only problems outside the imported files: the import alone is sound,
    // but the method cannot be worked out to check it is unchanged.
    WorkspaceStatus status = Refuse(
        WorkspaceCode::kBadInput,
        "the method is fixed, and the procurement as it would stand after " + change +
            " does not load, so it cannot be checked that the method is unchanged; settle the "
            "problems above first");
    status.diagnostics = problems;
    return status;
  }
  MethodCheck check = CheckMethod(rows, *procurement, amend_reason);
  if (!check.changed) return WorkspaceStatus{};
  if (!check.amendment) return RefuseChange(rows, check, change);
  amendment = check.amendment;
  return WorkspaceStatus{};
}

WorkspaceStatus ApplyFreeze(Db& db, ProcurementLoad& load, const std::string& folder,
                            std::int64_t before_seq) {
  if (!load.procurement) return WorkspaceStatus{};
  const std::vector<FreezeRow> rows = FreezeRows(db, before_seq);
  if (rows.empty()) return WorkspaceStatus{};
  MethodCheck check = CheckMethod(rows, *load.procurement, std::nullopt);
  if (check.changed) {
    load.procurement.reset();
    WorkspaceStatus status = RefuseChange(rows, check, "what the workspace now holds");
    status.message += " (weighbridge freeze " + folder + " --amend --reason TEXT)";
    return status;
  }
  load.procurement->freeze = ToMethodFreeze(db, rows);
  return WorkspaceStatus{};
}

WorkspaceStatus CheckOrderOfWork(Db& db, const std::vector<const Submission*>& incoming,
                                 const std::optional<std::string>& amend_reason,
                                 const std::string& folder) {
  const std::vector<FreezeRow> rows = FreezeRows(db);
  for (const Submission* s : incoming) {
    const bool scores = s->kind == "scores" || s->kind == "consensus";
    if (rows.empty() && scores) {
      const std::string what = s->kind == "scores" ? "scores by " + s->subject
                                                   : "a consensus (" + s->subject + ")";
      return Refuse(WorkspaceCode::kBadInput,
                    "scores are accepted only after the method is fixed: run weighbridge freeze " +
                        folder + " --note TEXT first (" +
                        s->source_file + " holds " + what + ")");
    }
    if (!rows.empty() && s->kind == "judgements" && !amend_reason) {
      return Refuse(WorkspaceCode::kBadInput,
                    "weighting judgements are accepted only before the method is fixed, and it "
                    "was fixed (" + rows.front().note + "): its weights were published (" +
                        s->source_file + " holds judgements by " + s->subject +
                        "). To change the published weights, import the changed judgements "
                        "with weighbridge import " + folder + " FILE --amend --reason TEXT");
    }
  }
  return WorkspaceStatus{};
}

std::string DayOf(const std::string& at) { return at.substr(0, 10); }

}  // namespace weighbridge::workspace
