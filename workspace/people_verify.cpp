#include "workspace/people_verify.h"

#include "workspace/canonical_json.h"
#include "workspace/declarations_store.h"
#include "workspace/people.h"
#include "workspace/personal_fields.h"

namespace weighbridge::workspace {
namespace {

std::optional<std::string> OptionalText(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Text(column);
}

// The content of entry `seq` and its kind; a null content when there is none.
nlohmann::json Entry(Db& db, long long seq, std::string& what) {
  Statement entry = db.Prepare("SELECT what, content FROM audit WHERE seq = ?1");
  entry.Bind(1, static_cast<std::int64_t>(seq));
  if (!entry.Step()) return nullptr;
  what = entry.Text(0);
  return nlohmann::json::parse(entry.Text(1), nullptr, false);
}

// The salted hash entry `seq` logged for the person's `field`, or "".
std::string LoggedHash(Db& db, long long seq, const std::string& person,
                       const std::string& field) {
  std::string what;
  nlohmann::json content = Entry(db, seq, what);
  if (!content.is_object()) return {};
  if (what == "declare" && content.value("person", "") == person) {
    const char* key = field == "name" ? "name_sha256" : "text_sha256";
    const nlohmann::json interest = content.value("interest", nlohmann::json());
    bool same_field = field == "name" ||
                      field == DeclarationField(interest.is_string()
                                                    ? std::optional(interest.get<std::string>())
                                                    : std::nullopt);
    if (same_field && content[key].is_string()) return content[key].get<std::string>();
  }
  if (what == "user" && field == "name" && content.value("person", "") == person &&
      content["name_sha256"].is_string()) {
    return content["name_sha256"].get<std::string>();
  }
  if (what == "import") return LoggedFieldHash(content, person, field);
  return {};
}

std::optional<std::string> CheckDeclarations(Db& db) {
  Statement rows = db.Prepare(
      "SELECT person, role, interest, text_sha256, name_sha256, audit_seq FROM declaration "
      "ORDER BY audit_seq");
  while (rows.Step()) {
    std::string what;
    nlohmann::json logged = Entry(db, rows.Int(5), what);
    nlohmann::json stored = DeclarationContent(rows.Text(0), rows.Text(1), OptionalText(rows, 2),
                                               OptionalText(rows, 3), OptionalText(rows, 4));
    if (what != "declare" || logged.is_discarded() ||
        CanonicalJson(logged) != CanonicalJson(stored)) {
      return "the stored declaration of '" + rows.Text(0) + "' does not match audit entry " +
             std::to_string(rows.Int(5)) + " that logged it: it was changed after it was logged";
    }
  }
  Statement orphan = db.Prepare(
      "SELECT seq FROM audit WHERE what = 'declare' AND seq NOT IN (SELECT audit_seq FROM "
      "declaration) ORDER BY seq LIMIT 1");
  if (orphan.Step()) {
    return "audit entry " + std::to_string(orphan.Int(0)) +
           " logged a declaration whose record is no longer in the workspace: it was deleted by "
           "hand";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckPeople(Db& db) {
  if (auto problem = CheckDeclarations(db)) return problem;
  Statement data = db.Prepare(
      "SELECT d.person, d.field, d.value, d.audit_seq, p.salt FROM person_data d "
      "JOIN person p ON p.id = d.person ORDER BY d.audit_seq");
  while (data.Step()) {
    const std::string person = data.Text(0), field = data.Text(1);
    if (data.IsNull(4) ||
        LoggedHash(db, data.Int(3), person, field) != SaltedHash(data.Text(4), data.Text(2))) {
      return "the personal data '" + field + "' of '" + person +
             "' does not match the hash logged in audit entry " + std::to_string(data.Int(3)) +
             ": it was changed after it was logged";
    }
  }
  // An erasure that left data behind: data logged before the erasure and
  // still held (data given anew after it comes from a later entry).
  Statement kept = db.Prepare(
      "SELECT a.seq, json_extract(a.content, '$.person') FROM audit a JOIN person_data d "
      "ON d.person = json_extract(a.content, '$.person') AND d.audit_seq < a.seq "
      "WHERE a.what = 'erase' ORDER BY a.seq LIMIT 1");
  if (kept.Step()) {
    return "audit entry " + std::to_string(kept.Int(0)) + " erased the personal data of '" +
           kept.Text(1) + "', but some of it is still in the workspace";
  }
  return std::nullopt;
}

}  // namespace weighbridge::workspace
