// The workspace: one SQLite file per procurement (DIR/weighbridge.db) that
// keeps every submission imported, every decision made and every sign-off,
// with a tamper-evident audit log over all of them (docs/workspace.md).
//
// Nothing here reads a clock: the caller passes the time of each write. No
// SQLite, OpenSSL or TOML type appears here.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/diagnostic.h"
#include "weighbridge/load.h"

namespace weighbridge {

// How a workspace operation ended. The command line maps these to exit codes.
enum class WorkspaceCode {
  kOk,
  kBadInput,  // the user's input or request is wrong (a file, a number, a refusal)
  kTampered,  // verify found an entry or a record that does not match the log
  kBusy,      // another process held the workspace longer than the busy timeout
  kIo,        // the file could not be read or written
};

struct WorkspaceStatus {
  WorkspaceCode code = WorkspaceCode::kOk;
  std::string message;      // plain words for a commissioner; empty when ok
  Diagnostics diagnostics;  // problems in imported files, with file:line:col
  bool ok() const { return code == WorkspaceCode::kOk; }
};

// Who writes and when: recorded in the audit entry of every write.
struct Actor {
  std::string who;   // a name or user id, as the caller gives it
  std::string when;  // the time, ISO 8601 in UTC (e.g. 2026-03-14T10:02:00Z)
};

// One entry of the audit log, as stored.
struct AuditEntry {
  long long seq = 0;      // 1, 2, 3, ... in the order written
  std::string at;         // Actor::when
  std::string who;        // the user id that Actor::who was given (user:1, ...)
  std::string name;       // who's name while it is held (docs/workspace.md)
  std::string what;       // the kind of write: init, import, decision, approve
  std::string content;    // the entry's content, canonical JSON
  std::string prev_hash;  // the previous entry's hash; 64 zeros for the first
  std::string hash;       // SHA-256 of prev_hash then the entry's canonical bytes, hex
};

// A decision as the evaluate command hands it over to be stored.
struct DecisionInput {
  std::string input_hash;         // Procurement::input_hash
  std::string engine_version;     // the program's version
  std::string framework_id;       // the framework evaluated against
  std::string framework_version;  // its version
  std::string options;            // the options and seed, as JSON
  std::string decision_json;      // the full decision, as the JSON report renders it
  int unscored = 0;               // judgement scores still missing, over all candidates
  int moderation = 0;             // spreads still needing moderation
  std::string inputs_head;        // the head LoadInputs gave with the inputs; empty: not checked
};

// A text to import, and the name that stands for its file.
struct NamedText {
  std::string name;  // the file's name, or what stands for it in messages
  std::string text;  // TOML
};

// A stored decision.
struct DecisionRecord {
  long long number = 0;  // 1, 2, 3, ...
  DecisionInput input;
  std::string head_hash;  // the audit log's head just before this decision was logged
  std::string entry_hash;  // the hash of the entry that logged it: the head just after
  std::string at;         // when it was stored
  std::string who;        // who stored it
  std::optional<std::string> approved_by;    // set once approved
  std::optional<std::string> approved_role;  // the approver's role
  std::optional<std::string> approved_at;    // when
  std::optional<std::string> approval_note;  // may be empty
};

// A personal link to take part from a browser (`weighbridge invite`): whom it
// lets in, and until when.
struct Invitation {
  long long number = 0;                  // 1, 2, 3, ... in the order made
  std::string role;                      // "member", "evaluator" or "facilitator"
  std::string person;                    // the member's or evaluator's id; a facilitator's user id
  std::string name;                      // a facilitator's name while it is held; "" otherwise
  std::optional<std::string> expires;    // the last day it works (YYYY-MM-DD, UTC); none: no end
  std::string at;                        // when it was made
  std::optional<std::string> revoked_at;  // when it was revoked; none while it works
};

// What `Workspace::Freeze` fixed or amended.
struct FreezeOutcome {
  bool stored = false;          // false: an amendment found nothing changed
  bool amendment = false;       // an amendment rather than the freeze
  std::string method_hash;      // SHA-256 of the method, as fixed now
  std::string old_method_hash;  // an amendment's: the hash it replaced
  // The freeze: every part of the method, in plain words ("the criteria", ...).
  // An amendment: the parts it changed.
  std::vector<std::string> parts;
  // Every leaf in tree order with its published share, in tenths of a percent.
  std::vector<std::pair<std::string, long long>> weights;
};

// A conflict-of-interest declaration, as `weighbridge declare` gives it.
struct DeclarationInput {
  std::string person;  // pseudonymous id, as in scores or the panel
  std::string role;    // "evaluator" or "member"
  std::optional<std::string> interest;  // the supplier; none: a declaration of no interests
  std::string text;  // what the interest is; personal data, kept erasable; may be ""
  std::string name;  // the person's name, optional; personal data, kept erasable
};

// What verify found.
struct VerifyReport {
  long long entries = 0;  // entries checked
  std::string head;       // the last entry's hash (64 zeros for an empty log)
};

class Workspace {
 public:
  struct Options {
    int busy_timeout_ms = 5000;  // how long to wait for another process's write
  };

  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Creates a new workspace file at `file` and logs its creation. Refuses (kBadInput)
  // when anything exists at `file` already; kIo when it cannot be written.
  static std::unique_ptr<Workspace> Create(const std::filesystem::path& file, const Actor& actor,
                                           WorkspaceStatus& status, Options options);

  // Opens an existing workspace, bringing an older schema forward. Refuses, and
  // leaves the file untouched, when it is not a weighbridge workspace or was
  // made by a newer weighbridge (kBadInput); kIo when it cannot be opened.
  static std::unique_ptr<Workspace> Open(const std::filesystem::path& file, WorkspaceStatus& status,
                                         Options options);

  // Imports TOML files (procurement.toml, its framework file when given by path,
  // candidates, panel judgements, scores) in one transaction. Each file is split
  // into submissions: one per candidate, group, member (with their judgements),
  // evaluator (with their scores) and consensus; a submission equal in meaning
  // to the latest stored one is skipped, a changed one becomes a new version.
  // Before anything is stored, the resulting whole procurement is loaded with
  // the engine's loader (missing scores allowed) with `framework_dirs`; any
  // problem comes back in status.diagnostics at the imported files' own lines
  // and nothing is stored. `changed` receives the number of new versions.
  //
  // With `keep_later_changes` (evaluate's import of the folder's own files), a
  // submission equal to the last version imported from the same file is also
  // skipped: a file that has not changed since it was last imported does not
  // undo a later change made by another file or by a command.
  //
  // Once the method is fixed (Freeze), an import that would change it is
  // refused (kBadInput, naming what would change) unless `amend_reason` is
  // given; then the change is stored with an `amend` entry and row.
  WorkspaceStatus Import(const std::vector<std::filesystem::path>& files,
                         const std::vector<std::filesystem::path>& framework_dirs,
                         const Actor& actor, int& changed, bool keep_later_changes = false,
                         const std::optional<std::string>& amend_reason = std::nullopt);

  // As Import, for texts not read from files (a command's own input, such as
  // a consensus recorded by `weighbridge moderate`). `name` stands for the file
  // in diagnostics and in the log.
  WorkspaceStatus ImportTexts(const std::vector<NamedText>& texts,
                              const std::vector<std::filesystem::path>& framework_dirs,
                              const Actor& actor, int& changed, bool keep_later_changes = false,
                              const std::optional<std::string>& amend_reason = std::nullopt);

  // One person's import for ImportTogether.
  struct ImportRequest {
    std::string name;  // stands for the file, as a NamedText's name
    // What to import, made inside the transaction after the requests before
    // it were stored, so that a text built from what is stored (a member's
    // tables with one changed) sees them; nothing when it cannot be made
    // (then refused, kBadInput, without storing).
    std::function<std::optional<std::string>()> text;
    Actor actor;
    WorkspaceStatus status;  // set by ImportTogether
    int changed = 0;         // set by ImportTogether
  };

  // Imports each request in turn as ImportTexts would (the same checks and
  // refusals, each logged under its own actor), in one transaction with one
  // commit, so that many people's answers wait for the disk once between
  // them. A refused request stores nothing and the others go on. The status
  // returned is the whole's: when it is not ok (busy, I/O), nothing at all
  // was stored, and each request's status says the same.
  WorkspaceStatus ImportTogether(const std::vector<ImportRequest*>& requests,
                                 const std::vector<std::filesystem::path>& framework_dirs);

  // Fixes the method (docs/workspace.md, "Fix the method"): loads what the
  // workspace holds (missing scores allowed, with `framework_dirs`), and
  // stores the method (criteria, scale, published weights, rules, settings)
  // with its hash and `note`, logged as a `freeze` entry. Refuses (kBadInput)
  // when the method is fixed already, or the procurement does not load (its
  // problems in status.diagnostics). With `amend_reason`, after a freeze:
  // stores the method as it now stands as an amendment (an `amend` entry),
  // or nothing when it has not changed (outcome.stored false); refused
  // before a freeze.
  WorkspaceStatus Freeze(const std::string& note, const std::optional<std::string>& amend_reason,
                         const std::vector<std::filesystem::path>& framework_dirs,
                         const Actor& actor, FreezeOutcome& outcome);

  // A mark that changes whenever anything but panel members' judgements
  // changes in the workspace, from this process or another (it may change
  // more often, never less): what a page built from the criteria and the
  // panel, not from anyone's answers, can be kept against.
  struct CriteriaStamp {
    long long others = -1;  // SQLite's data_version (commits by others); -1: unknown
    long long own = -1;     // this connection's own changes, judgements left out
    bool operator==(const CriteriaStamp&) const = default;
  };
  CriteriaStamp Stamp();

  // The method as fixed, with every amendment; nothing before the freeze.
  // LoadInputs sets it on the procurement it loads.
  std::optional<MethodFreeze> Frozen();

  // Loads the latest version of everything held, with the engine's own loader,
  // as if it were a procurement folder (procurement.toml, candidates.toml,
  // panel.toml, scores.toml and a framework file named by path, written to a
  // private temporary folder and removed after). Problems are reported at the
  // lines of the files they were imported from; kBadInput then. Everything is
  // read from one snapshot of the workspace; `head`, when given, receives the
  // audit log's head in that snapshot, for DecisionInput::inputs_head.
  WorkspaceStatus LoadInputs(const LoadOptions& options, ProcurementLoad& load,
                             std::string* head = nullptr);

  // As LoadInputs, with the inputs as they stood when decision `number` was
  // made: the latest version of each submission logged before the decision's
  // own entry. kBadInput, with a message, when there is no such decision.
  WorkspaceStatus LoadInputsAt(long long number, const LoadOptions& options,
                               ProcurementLoad& load);

  // The latest version of one submission (kind and subject as Import splits
  // them, e.g. "scores" and an evaluator's id) as canonical JSON of its
  // tables, e.g. {"score":[{...},...]}; nothing when there is none.
  std::optional<std::string> LatestMeaning(const std::string& kind, const std::string& subject);

  // The latest version of one submission as TOML, its tables as they were
  // written (comments kept); nothing when there is none. A command adding a
  // table to a submission (exclude) starts from it, so that nothing else in
  // it is rewritten.
  std::optional<std::string> LatestToml(const std::string& kind, const std::string& subject);

  // The hash of the newest audit entry (64 zeros for an empty log).
  std::string Head();

  // What Remove takes out of the procurement.
  enum class Removal { kCandidate, kMember, kEvaluator };

  // Withdraws a candidate, a panel member (with their judgements) or an
  // evaluator (their scores): stores a new version of each such submission
  // that marks it withdrawn, logged as a `remove` entry with `reason`, in one
  // transaction. LoadInputs then leaves it out, and for a candidate also the
  // scores and consensus about it. Earlier versions are kept; importing the
  // submission again brings it back. Refuses (kBadInput) an id that the
  // workspace does not hold, or holds only as removed; and, once the method
  // is fixed, a removal that would change it (a member whose judgements
  // count), unless `amend`: then the change is stored as an amendment with
  // `reason`.
  WorkspaceStatus Remove(Removal what, const std::string& id, const std::string& reason,
                         const Actor& actor, bool amend = false);

  // Stores a decision and logs it; `number` receives its number. Refuses
  // (kBusy) a decision whose inputs_head is no longer the log's head: what was
  // written since would be part of its inputs when it is made again, so it
  // could not be reproduced. Evaluating again then gives one that can.
  WorkspaceStatus RecordDecision(const DecisionInput& decision, const Actor& actor,
                                 long long& number);

  // Records sign-off of decision `number`. Refuses (kBadInput) a decision that
  // does not exist, was approved already, has scores missing or spreads needing
  // moderation.
  WorkspaceStatus Approve(long long number, const std::string& role, const std::string& note,
                          const Actor& approver);

  // Every decision, oldest first, and every audit entry, in order. The people
  // in them (DecisionRecord::who and approved_by, AuditEntry::name) are named
  // while their names are held.
  std::vector<DecisionRecord> Decisions();
  std::vector<AuditEntry> Entries();

  // Records a conflict-of-interest declaration (Procurement Act 2023 s.81),
  // logged with the person's id, role, supplier and the salted hashes of the
  // text and name; the text and name go to the erasable person table. Refuses
  // (kBadInput) an empty id, a role other than evaluator or member, an empty
  // supplier, or an interest without its text. `changed` is false when the
  // same declaration was recorded already (nothing is written then).
  WorkspaceStatus Declare(const DeclarationInput& declaration, const Actor& actor, bool& changed);

  // Erases a person's personal data (names, declarations' text and their salt)
  // in one transaction, logged with only their id and the date; then the WAL is
  // checkpointed and emptied so that no old copy stays beside the file.
  // Refuses (kBadInput) a person of whom no personal data is held.
  WorkspaceStatus Erase(const std::string& person, const Actor& actor);

  // Makes a personal link for a panel member (`role` "member", who must be on
  // the panel), an evaluator ("evaluator") or a facilitator ("facilitator",
  // `person` their name, kept as a user id): a random 128-bit token from
  // OpenSSL, returned once in `token` (32 hex digits) and stored only as its
  // SHA-256, logged as an `invite` entry. `expires` is the last day it works.
  // Refuses (kBadInput) another role, an id that is not one, a member not on
  // the panel, and a day that is not one or has passed.
  WorkspaceStatus Invite(const std::string& role, const std::string& person,
                         const std::optional<std::string>& expires, const Actor& actor,
                         Invitation& made, std::string& token);

  // Revokes invitation `number`; with `number` 0, every invitation of `role`
  // and `person` (a facilitator by name or user id) that still works. Each is
  // logged as a `revoke` entry; `revoked` receives how many. Refuses
  // (kBadInput) an unknown number, one revoked already, or nobody to revoke.
  WorkspaceStatus Revoke(long long number, const std::string& role, const std::string& person,
                         const Actor& actor, int& revoked);

  // Every invitation, oldest first.
  std::vector<Invitation> Invitations();

  // The invitation `token` opens on `day` (YYYY-MM-DD, UTC): nothing when no
  // invitation has it, or it was revoked, or its last day is before `day`.
  std::optional<Invitation> Admit(const std::string& token, const std::string& day);

  // Whether the facilitator has shared the results (weights by group, the
  // ranking) with the panel members and evaluators taking part from a
  // browser: the choice of the last `share` entry; false when there is none.
  bool ResultsShared();

  // Shares the results (`shared`) or stops sharing them, logged as a `share`
  // entry. `changed` is false, and nothing is written, when that was the
  // choice already.
  WorkspaceStatus ShareResults(bool shared, const Actor& actor, bool& changed);

  // Checks the whole log: every entry's hash, the chain from each entry to the
  // next, and that every stored submission, decision and approval is the one
  // its entry logged. kTampered names the first entry or record that does not
  // match. With `head`, also checks that the log still contains that hash.
  WorkspaceStatus Verify(const std::optional<std::string>& head, VerifyReport& report);

 private:
  struct Impl;
  explicit Workspace(std::unique_ptr<Impl> impl);
  // ImportTexts' checks and writes, inside a write transaction the caller
  // holds and commits.
  WorkspaceStatus ImportWithin(const std::vector<NamedText>& texts,
                               const std::vector<std::filesystem::path>& framework_dirs,
                               const Actor& actor, int& changed, bool keep_later_changes,
                               const std::optional<std::string>& amend_reason);
  std::unique_ptr<Impl> impl_;
};

// Clears people's names from a loaded procurement and its decision (the
// panel members' names and the turnout's), for the decision JSON the log
// keeps: names are personal data and must stay erasable.
void ClearNames(Procurement& procurement, Decision& decision);

// The workspace file of a procurement folder: DIR/weighbridge.db.
std::filesystem::path WorkspaceFile(const std::filesystem::path& folder);

}  // namespace weighbridge
