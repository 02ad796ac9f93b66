#include "workspace/audit_log.h"

#include "workspace/canonical_json.h"
#include "workspace/sha256.h"
#include "workspace/users.h"

namespace weighbridge::workspace {

std::string EntryBytes(long long seq, const std::string& at, const std::string& who,
                       const std::string& what, const nlohmann::json& content) {
  // seq is inside the hashed bytes, so an entry copied to another place in the
  // chain does not match there.
  nlohmann::json entry = {
      {"seq", seq}, {"at", at}, {"who", who}, {"what", what}, {"content", content}};
  return CanonicalJson(entry);
}

std::string EntryHash(const std::string& prev_hash, const std::string& bytes) {
  return Sha256Hex(prev_hash + bytes);
}

std::string HeadHash(Db& db) {
  Statement last = db.Prepare("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
  return last.Step() ? last.Text(0) : kGenesisHash;
}

long long AppendEntry(Db& db, const Actor& actor, const std::string& what,
                      const nlohmann::json& content) {
  // The user's id first: a new user's own entry comes before this one.
  const std::string who = UserId(db, actor);
  return AppendEntryAs(db, who, actor.when, what, content);
}

long long AppendEntryAs(Db& db, const std::string& who, const std::string& when,
                        const std::string& what, const nlohmann::json& content) {
  Statement last = db.Prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  long long seq = 1;
  std::string prev = kGenesisHash;
  if (last.Step()) {
    seq = last.Int(0) + 1;
    prev = last.Text(1);
  }
  std::string hash = EntryHash(prev, EntryBytes(seq, when, who, what, content));
  db.Prepare(
        "INSERT INTO audit (seq, at, who, what, content, prev_hash, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .Bind(1, static_cast<std::int64_t>(seq))
      .Bind(2, when)
      .Bind(3, who)
      .Bind(4, what)
      .Bind(5, CanonicalJson(content))
      .Bind(6, prev)
      .Bind(7, hash)
      .Run();
  return seq;
}

std::optional<std::string> VerifyChain(Db& db, long long& entries, std::string& head) {
  Statement rows =
      db.Prepare("SELECT seq, at, who, what, content, prev_hash, hash FROM audit ORDER BY seq");
  entries = 0;
  head = kGenesisHash;
  long long expected_seq = 1;
  while (rows.Step()) {
    long long seq = rows.Int(0);
    std::string name = "audit entry " + std::to_string(seq);
    if (seq != expected_seq) {
      // A gap means an entry was deleted; a number out of order, one inserted.
      return seq > expected_seq
                 ? "audit entry " + std::to_string(expected_seq) +
                       " is missing: the log goes from entry " + std::to_string(expected_seq - 1) +
                       " to entry " + std::to_string(seq)
                 : name + " is out of place: the log expected entry " +
                       std::to_string(expected_seq);
    }
    if (rows.Text(5) != head) {
      return name + " does not follow the entry before it: its previous hash is " + rows.Text(5) +
             " but the entry before it has hash " + head;
    }
    nlohmann::json content = nlohmann::json::parse(rows.Text(4), nullptr, false);
    if (content.is_discarded()) return name + " has content that is not JSON: it was edited";
    std::string hash =
        EntryHash(head, EntryBytes(seq, rows.Text(1), rows.Text(2), rows.Text(3), content));
    if (hash != rows.Text(6)) {
      return name + " (" + rows.Text(3) + " by " + rows.Text(2) + " at " + rows.Text(1) +
             ") does not match its hash: it was changed after it was written";
    }
    head = hash;
    ++entries;
    ++expected_seq;
  }
  return std::nullopt;
}

}  // namespace weighbridge::workspace
