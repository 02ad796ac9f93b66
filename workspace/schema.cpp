#include "workspace/schema.h"

#include <fstream>
#include <string_view>

namespace weighbridge::workspace {
namespace {

// Version 1: the audit log, and tables that index what it logged so that the
// latest submissions and the decisions can be found without replaying it.
// Every row of these tables names the entry that logged it (`audit_seq`), and
// verify checks each against its entry. Submissions are written out in the
// order of their first version's entry, so that order is covered by the log too.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  what TEXT NOT NULL,
  content TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TABLE submission (
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_kind TEXT NOT NULL,
  toml TEXT NOT NULL,
  meaning TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_lines TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq),
  PRIMARY KEY (kind, subject, version)
);
CREATE TABLE decision (
  number INTEGER PRIMARY KEY,
  input_hash TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  framework_id TEXT NOT NULL,
  framework_version TEXT NOT NULL,
  options TEXT NOT NULL,
  decision_json TEXT NOT NULL,
  unscored INTEGER NOT NULL,
  moderation INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
CREATE TABLE approval (
  decision INTEGER PRIMARY KEY REFERENCES decision(number),
  by TEXT NOT NULL,
  role TEXT NOT NULL,
  note TEXT NOT NULL,
  at TEXT NOT NULL,
  head_hash TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
-- A decision and its approval are final: weighbridge never changes them, and
-- these stop a mistaken statement from doing so (verify catches a deliberate one).
CREATE TRIGGER decision_final_update BEFORE UPDATE ON decision
  BEGIN SELECT RAISE(ABORT, 'a stored decision cannot be changed'); END;
CREATE TRIGGER decision_final_delete BEFORE DELETE ON decision
  BEGIN SELECT RAISE(ABORT, 'a stored decision cannot be deleted'); END;
CREATE TRIGGER approval_final_update BEFORE UPDATE ON approval
  BEGIN SELECT RAISE(ABORT, 'an approval cannot be changed'); END;
CREATE TRIGGER approval_final_delete BEFORE DELETE ON approval
  BEGIN SELECT RAISE(ABORT, 'an approval cannot be deleted'); END;
)sql";

// Version 2 (issue 5, second part): the method freeze and the erasable record of
// people. Each part keeps its own tables in its own constant; both run in the one
// migration from version 1 to 2.
//
// `freeze` holds the method as fixed (number 1, kind 'freeze') and each
// amendment after it (2, 3, ..., kind 'amend'): the whole method as canonical
// JSON and its SHA-256, so that a later import can say what it would change.
// Each row is exactly the content of its `freeze` or `amend` entry.
constexpr std::string_view kVersion2Freeze = R"sql(
CREATE TABLE freeze (
  number INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  note TEXT NOT NULL,
  method TEXT NOT NULL,
  method_hash TEXT NOT NULL,
  old_method_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
CREATE TRIGGER freeze_final_update BEFORE UPDATE ON freeze
  BEGIN SELECT RAISE(ABORT, 'a fixed method cannot be changed: amend it'); END;
CREATE TRIGGER freeze_final_delete BEFORE DELETE ON freeze
  BEGIN SELECT RAISE(ABORT, 'a fixed method cannot be deleted: amend it'); END;
)sql";
// People's personal data is kept out of the chained content (UK GDPR): the log
// refers to it by the person's pseudonymous id and SHA-256(salt || data), and
// `erase` deletes it here. `person` holds each person's random salt, NULL
// once erased (then even a guessable name cannot be tested against a hash);
// `person_data` holds the data itself: `name`, or `interest:SUPPLIER` / `none`
// for the text of a declaration, each with the entry that logged its hash.
// `declaration` is what was declared, without the text: each row is exactly
// the content of its `declare` entry.
constexpr std::string_view kVersion2People = R"sql(
CREATE TABLE person (
  id TEXT PRIMARY KEY,
  salt TEXT,
  erased_at TEXT
);
CREATE TABLE person_data (
  person TEXT NOT NULL REFERENCES person(id),
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq),
  PRIMARY KEY (person, field)
);
CREATE TABLE declaration (
  person TEXT NOT NULL,
  role TEXT NOT NULL,
  interest TEXT,
  text_sha256 TEXT,
  name_sha256 TEXT,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
)sql";

// Version 3 (issue 9, taking part from a browser): personal links. An
// invitation holds only the SHA-256 of its random token, never the token, so
// that a copy of the file lets no one in; each row, and each revocation, is
// exactly the content of its `invite` or `revoke` entry, and neither changes.
constexpr std::string_view kVersion3Invitations = R"sql(
CREATE TABLE invitation (
  number INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  person TEXT NOT NULL,
  expires TEXT,
  at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
CREATE TABLE revocation (
  invitation INTEGER PRIMARY KEY REFERENCES invitation(number),
  at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL REFERENCES audit(seq)
);
CREATE TRIGGER invitation_final_update BEFORE UPDATE ON invitation
  BEGIN SELECT RAISE(ABORT, 'an invitation cannot be changed: revoke it'); END;
CREATE TRIGGER invitation_final_delete BEFORE DELETE ON invitation
  BEGIN SELECT RAISE(ABORT, 'an invitation cannot be deleted: revoke it'); END;
CREATE TRIGGER revocation_final_update BEFORE UPDATE ON revocation
  BEGIN SELECT RAISE(ABORT, 'a revocation cannot be changed'); END;
CREATE TRIGGER revocation_final_delete BEFORE DELETE ON revocation
  BEGIN SELECT RAISE(ABORT, 'a revocation cannot be deleted'); END;
)sql";

// Version 4: an index that holds every column the latest-submissions query
// groups and reads (LatestSubmissions), so that it reads the index alone, not
// every stored version's TOML: a panel that has sent 100,000 versions made
// every command wait a quarter of a second for that scan.
constexpr std::string_view kVersion4LatestIndex = R"sql(
CREATE INDEX submission_latest ON submission (kind, subject, version, audit_seq);
)sql";

}  // namespace

std::string CheckWorkspaceFile(const std::filesystem::path& file) {
  const std::string not_ours = file.string() + " is not a weighbridge workspace";
  // Look at the header before SQLite does: a file that is not a database at
  // all is refused without SQLite opening it.
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read " + file.string();
  char header[16] = {};
  in.read(header, sizeof header);
  if (in.gcount() != 16 ||
      std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16)) {
    return not_ours;
  }
  try {
    Db db(file.string(), /*read_only=*/true, /*create=*/false);
    std::int64_t id = db.QueryInt("PRAGMA application_id");
    if (id != kApplicationId) return not_ours + " (it is an SQLite database of another program)";
    std::int64_t version = db.QueryInt("PRAGMA user_version");
    if (version > kSchemaVersion) {
      return file.string() + " was written by a newer weighbridge (workspace version " +
             std::to_string(version) + "; this weighbridge reads up to version " +
             std::to_string(kSchemaVersion) + "). Install the newer weighbridge to use it";
    }
  } catch (const SqliteError& error) {
    if (error.busy()) throw;
    return not_ours;
  }
  return {};
}

void Configure(Db& db, int busy_timeout_ms) {
  db.SetBusyTimeout(busy_timeout_ms);
  db.Exec("PRAGMA foreign_keys = ON");
  db.Exec("PRAGMA journal_mode = WAL");
  // With WAL, NORMAL can lose the last commits on power loss but never
  // corrupts; FULL keeps every committed write, which a record of decisions needs.
  db.Exec("PRAGMA synchronous = FULL");
  // Deleted or overwritten content is zeroed, not left in free space, so that
  // personal data erased (or a name replaced) cannot be read back from the file.
  db.Exec("PRAGMA secure_delete = ON");
}

void Migrate(Db& db) {
  std::int64_t version = db.QueryInt("PRAGMA user_version");
  if (version < 1) {
    db.Exec(std::string(kVersion1));
    db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.Exec("PRAGMA user_version = 1");
  }
  if (version < 2) {
    db.Exec(std::string(kVersion2Freeze));
    db.Exec(std::string(kVersion2People));
    db.Exec("PRAGMA user_version = 2");
  }
  if (version < 3) {
    db.Exec(std::string(kVersion3Invitations));
    db.Exec("PRAGMA user_version = 3");
  }
  if (version < 4) {
    db.Exec(std::string(kVersion4LatestIndex));
    db.Exec("PRAGMA user_version = 4");
  }
  // Later versions: `if (version < 5) { ...; PRAGMA user_version = 5; }`.
}

}  // namespace weighbridge::workspace
