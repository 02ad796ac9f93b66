#include "workspace/people.h"

#include <stdexcept>

#include "workspace/random_hex.h"
#include "workspace/sha256.h"

namespace weighbridge::workspace {

namespace {

// 32 random bytes in hex. Random, not derived from the id: a salt anyone could
// work out would let them test guessed names against the hashes in the log.
std::string NewSalt() { return RandomHex(32, "a person's salt"); }

}  // namespace

std::string PersonSalt(Db& db, const std::string& person, bool create) {
  Statement found = db.Prepare("SELECT salt, erased_at FROM person WHERE id = ?1");
  found.Bind(1, person);
  if (found.Step()) return found.IsNull(0) ? std::string() : found.Text(0);
  if (!create) return {};
  std::string salt = NewSalt();
  db.Prepare("INSERT INTO person (id, salt) VALUES (?1, ?2)").Bind(1, person).Bind(2, salt).Run();
  return salt;
}

std::string RenewSalt(Db& db, const std::string& person) {
  std::string salt = NewSalt();
  db.Prepare("UPDATE person SET salt = ?2, erased_at = NULL WHERE id = ?1")
      .Bind(1, person)
      .Bind(2, salt)
      .Run();
  return salt;
}

bool PersonErased(Db& db, const std::string& person) {
  Statement found = db.Prepare("SELECT erased_at FROM person WHERE id = ?1");
  found.Bind(1, person);
  return found.Step() && !found.IsNull(0);
}

std::string SaltedHash(const std::string& salt, const std::string& data) {
  return Sha256Hex(salt + data);
}

void PutPersonalData(Db& db, const std::string& person, const std::string& field,
                     const std::string& value, long long seq) {
  db.Prepare(
        "INSERT INTO person_data (person, field, value, audit_seq) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (person, field) DO UPDATE SET value = excluded.value, "
        "audit_seq = excluded.audit_seq")
      .Bind(1, person)
      .Bind(2, field)
      .Bind(3, value)
      .Bind(4, static_cast<std::int64_t>(seq))
      .Run();
}

std::optional<std::string> PersonalData(Db& db, const std::string& person,
                                        const std::string& field) {
  Statement found =
      db.Prepare("SELECT value FROM person_data WHERE person = ?1 AND field = ?2");
  found.Bind(1, person).Bind(2, field);
  if (!found.Step()) return std::nullopt;
  return found.Text(0);
}

std::string DeclarationField(const std::optional<std::string>& interest) {
  return interest ? "interest:" + *interest : "none";
}

}  // namespace weighbridge::workspace
