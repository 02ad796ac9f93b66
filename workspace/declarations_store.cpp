// Workspace::Declare and Workspace::Erase: the record of people.
#include "workspace/declarations_store.h"

#include <algorithm>

#include "weighbridge/workspace.h"
#include "workspace/audit_log.h"
#include "workspace/people.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace fs = std::filesystem;
using workspace::Refuse;

namespace workspace {
namespace {

std::optional<std::string> OptionalText(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Text(column);
}

nlohmann::json OrNull(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

void AddSorted(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
  std::sort(list.begin(), list.end());
}

}  // namespace

nlohmann::json DeclarationContent(const std::string& person, const std::string& role,
                                  const std::optional<std::string>& interest,
                                  const std::optional<std::string>& text_sha256,
                                  const std::optional<std::string>& name_sha256) {
  return {{"person", person},
          {"role", role},
          {"interest", OrNull(interest)},
          {"text_sha256", OrNull(text_sha256)},
          {"name_sha256", OrNull(name_sha256)}};
}

std::vector<PersonDeclarations> ReadDeclarations(Db& db, long long before_seq) {
  std::vector<PersonDeclarations> out;
  Statement rows = db.Prepare(
      "SELECT person, role, interest FROM declaration WHERE audit_seq < ?1 ORDER BY audit_seq");
  rows.Bind(1, static_cast<std::int64_t>(before_seq));
  while (rows.Step()) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const PersonDeclarations& d) { return d.person == rows.Text(0); });
    if (it == out.end()) it = out.insert(out.end(), PersonDeclarations{rows.Text(0), {}, {}});
    AddSorted(it->roles, rows.Text(1));
    if (!rows.IsNull(2)) AddSorted(it->interests, rows.Text(2));
  }
  return out;
}

}  // namespace workspace

namespace {

// The first problem with a declaration, in plain words; "" when there is none.
std::string DeclarationProblem(const DeclarationInput& d) {
  if (d.person.empty()) return "--person: give the person's id, as in the scores or the panel";
  if (d.role != "evaluator" && d.role != "member") {
    return "--role: '" + d.role +
           "' is not a role that declares interests; use evaluator (scores the bids) or member "
           "(weighs the criteria on the panel)";
  }
  if (d.interest && d.interest->empty()) return "--interest: give the supplier's name";
  if (d.interest && d.text.empty()) {
    return "--text: say what the interest in " + *d.interest + " is (kept erasable, not in the log)";
  }
  return {};
}

}  // namespace

WorkspaceStatus Workspace::Declare(const DeclarationInput& given, const Actor& actor,
                                   bool& changed) {
  changed = false;
  DeclarationInput d = given;
  if (d.interest) {  // " CareLink Ltd" as typed is the supplier "CareLink Ltd"
    d.interest->erase(0, d.interest->find_first_not_of(" \t") == std::string::npos
                             ? d.interest->size()
                             : d.interest->find_first_not_of(" \t"));
    d.interest->erase(d.interest->find_last_not_of(" \t") + 1);
  }
  if (std::string problem = DeclarationProblem(d); !problem.empty()) {
    return Refuse(WorkspaceCode::kBadInput, problem);
  }
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    std::string salt = workspace::PersonSalt(db, d.person, /*create=*/true);
    // Declaring again after an erasure gives personal data anew: under a new
    // salt, so that nothing links it to the hashes logged before.
    if (salt.empty()) salt = workspace::RenewSalt(db, d.person);
    const std::string field = workspace::DeclarationField(d.interest);
    std::optional<std::string> text_hash, name_hash;
    if (!d.text.empty()) text_hash = workspace::SaltedHash(salt, d.text);
    if (!d.name.empty()) name_hash = workspace::SaltedHash(salt, d.name);
    nlohmann::json content =
        workspace::DeclarationContent(d.person, d.role, d.interest, text_hash, name_hash);
    workspace::Statement latest = db.Prepare(
        "SELECT person, role, interest, text_sha256, name_sha256 FROM declaration "
        "WHERE person = ?1 AND interest IS ?2 ORDER BY audit_seq DESC LIMIT 1");
    latest.Bind(1, d.person);
    if (d.interest) latest.Bind(2, *d.interest); else latest.BindNull(2);
    if (latest.Step() &&
        workspace::DeclarationContent(latest.Text(0), latest.Text(1), d.interest,
                                      workspace::OptionalText(latest, 3),
                                      workspace::OptionalText(latest, 4)) ==
            content) {
      return WorkspaceStatus{};  // recorded already; the transaction rolls back
    }
    long long seq = workspace::AppendEntry(db, actor, "declare", content);
    workspace::Statement insert = db.Prepare(
        "INSERT INTO declaration (person, role, interest, text_sha256, name_sha256, audit_seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.Bind(1, d.person).Bind(2, d.role);
    if (d.interest) insert.Bind(3, *d.interest); else insert.BindNull(3);
    if (text_hash) insert.Bind(4, *text_hash); else insert.BindNull(4);
    if (name_hash) insert.Bind(5, *name_hash); else insert.BindNull(5);
    insert.Bind(6, static_cast<std::int64_t>(seq)).Run();
    if (text_hash) workspace::PutPersonalData(db, d.person, field, d.text, seq);
    if (name_hash) workspace::PutPersonalData(db, d.person, "name", d.name, seq);
    transaction.Commit();
    changed = true;
    return WorkspaceStatus{};
  });
}

WorkspaceStatus Workspace::Erase(const std::string& person, const Actor& actor) {
  WorkspaceStatus status = workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    if (workspace::PersonSalt(db, person, /*create=*/false).empty()) {
      return Refuse(WorkspaceCode::kBadInput,
                    workspace::PersonErased(db, person)
                        ? "the personal data of '" + person + "' was erased already"
                        : "--person: the workspace holds no personal data of '" + person +
                              "' (no name, no contact details and no declaration)");
    }
    const std::string date = actor.when.substr(0, 10);  // the day only: less to link
    db.Prepare("DELETE FROM person_data WHERE person = ?1").Bind(1, person).Run();
    db.Prepare("UPDATE person SET salt = NULL, erased_at = ?2 WHERE id = ?1")
        .Bind(1, person)
        .Bind(2, date)
        .Run();
    workspace::AppendEntry(db, actor, "erase", {{"person", person}, {"date", date}});
    transaction.Commit();
    // secure_delete zeroed the rows in the pages written, but the WAL still
    // holds earlier copies of those pages: copy the WAL into the file and
    // empty it. Another process reading at this moment can keep this from
    // finishing; its copies go at the next checkpoint.
    db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return WorkspaceStatus{};
  });
  return status;
}

}  // namespace weighbridge
