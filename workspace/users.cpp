#include "workspace/users.h"

#include "workspace/audit_log.h"
#include "workspace/people.h"

namespace weighbridge::workspace {
namespace {

// The prefix of a user's id. A colon is in no id a procurement file can give
// (criteria, members and evaluators take letters, digits, '.', '-' and '_'),
// so a user's id never names a panel member or an evaluator too.
constexpr std::string_view kUserPrefix = "user:";

bool IsUserId(const std::string& who) { return who.rfind(kUserPrefix, 0) == 0; }

}  // namespace

std::string UserId(Db& db, const Actor& actor) {
  // Every write asks, so only the users' rows are read: the ids from "user:"
  // up to "user;" (the next character), a range of the primary key, however
  // many members' names the table holds.
  Statement known = db.Prepare(
      "SELECT person FROM person_data WHERE person >= 'user:' AND person < 'user;' "
      "AND field = 'name' AND value = ?1 ORDER BY audit_seq DESC LIMIT 1");
  known.Bind(1, actor.who);
  if (known.Step()) return known.Text(0);
  const long long users =
      db.QueryInt("SELECT COUNT(*) FROM person WHERE id >= 'user:' AND id < 'user;'");
  const std::string id = std::string(kUserPrefix) + std::to_string(users + 1);
  const std::string salt = PersonSalt(db, id, /*create=*/true);
  // The new user's own entry is written under their id: the name never is.
  const long long seq = AppendEntryAs(
      db, id, actor.when, "user", {{"person", id}, {"name_sha256", SaltedHash(salt, actor.who)}});
  PutPersonalData(db, id, "name", actor.who, seq);
  return id;
}

std::string UserName(Db& db, const std::string& who) {
  if (!IsUserId(who)) return who;
  if (std::optional<std::string> name = PersonalData(db, who, "name")) return *name;
  return who + " (name erased)";
}

}  // namespace weighbridge::workspace
