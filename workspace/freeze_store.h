// The fixed method in the workspace: the freeze and each amendment, one row
// of the `freeze` table each, logged as a `freeze` or `amend` entry whose
// content is exactly the row (FreezeContent); and the check every import
// makes against it (docs/workspace.md, "Fix the method").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "weighbridge/load.h"
#include "weighbridge/method_freeze.h"
#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

struct FreezeRow {
  long long number = 0;         // 1 for the freeze, then 2, 3, ... for amendments
  std::string kind;             // "freeze" or "amend": also the entry's `what`
  std::string note;             // the freeze's note, or the amendment's reason
  nlohmann::json method;        // MethodJson of the procurement as fixed
  std::string method_hash;      // MethodHash(method)
  std::string old_method_hash;  // amend: the hash it replaced; "" for the freeze
  std::string at;               // when
  std::string who;              // by whom
};

// The audit content of a row: every column but audit_seq, with the reason of
// an amendment under "reason" rather than "note" and the published weights
// repeated under "weights", so that the entry reads plainly on its own.
nlohmann::json FreezeContent(const FreezeRow& row);

// Every row logged before audit entry `before_seq`, oldest first; empty
// before the freeze.
std::vector<FreezeRow> FreezeRows(Db& db, std::int64_t before_seq = INT64_MAX);

// Stores `row` (its number the next one) and logs it, inside the caller's
// transaction.
void StoreFreeze(Db& db, FreezeRow& row, const Actor& actor);

// The freeze as the engine takes it (weighbridge/method_freeze.h): the first
// row's date, note and author, the last row's hash and weights, every
// amendment. Nothing for no rows.
// Each amendment's author is named while the name is held (users.h); the
// ids stay in `who`, which the input hash covers.
std::optional<MethodFreeze> ToMethodFreeze(Db& db, const std::vector<FreezeRow>& rows);

// What an import or an evaluation finds when it compares the method of the
// procurement as it would stand with the one fixed.
struct MethodCheck {
  bool changed = false;                  // the hash differs
  std::vector<std::string> parts;        // what differs, in plain words
  std::optional<FreezeRow> amendment;    // the row to store when amending
};

// Compares `procurement`'s method with the last row's. Precondition: `rows`
// is not empty. With `amend_reason`, a change comes back as an amendment row
// for StoreFreeze; without it, the caller refuses (RefuseChange).
MethodCheck CheckMethod(const std::vector<FreezeRow>& rows, const Procurement& procurement,
                        const std::optional<std::string>& amend_reason);

// The refusal of a change to the fixed method, naming what would change and
// how to amend. `what` says what would make it ("this import").
WorkspaceStatus RefuseChange(const std::vector<FreezeRow>& rows, const MethodCheck& check,
                             const std::string& what);

// The check an import makes once the method is fixed, on the procurement as
// it would stand (`procurement`, null when it did not load: `problems` says
// why). Ok with no amendment before the freeze or when the method is
// unchanged; ok with `amendment` set when it changed and `amend_reason` was
// given (the caller stores it after the submissions); kBadInput otherwise.
// `change` names the change in the messages ("this import", "this removal").
WorkspaceStatus GuardMethod(Db& db, const Procurement* procurement, const Diagnostics& problems,
                            const std::optional<std::string>& amend_reason,
                            std::optional<FreezeRow>& amendment,
                            const std::string& change = "this import");

// Sets the freeze on a procurement LoadInputs loaded, after checking that its
// method is still the one fixed (a framework named by id is read from the
// installed frameworks, which may have changed): kBadInput naming what
// changed otherwise. Does nothing before the freeze or without a procurement.
// With `before_seq` (the inputs of a past decision, logged at that entry),
// the method as it stood then: only freeze rows logged before it count.
// `folder` names the procurement folder in the command a refusal suggests.
WorkspaceStatus ApplyFreeze(Db& db, ProcurementLoad& load, const std::string& folder,
                            std::int64_t before_seq = INT64_MAX);

// The order of work (issue 5): weighting judgements are accepted only before
// the method is fixed (after it, only as an amendment: with `amend_reason`),
// scores and consensus only after it. kBadInput, naming the first submission
// of `incoming` out of turn, its file and how to proceed (for the procurement
// folder `folder`); ok otherwise.
WorkspaceStatus CheckOrderOfWork(Db& db, const std::vector<const Submission*>& incoming,
                                 const std::optional<std::string>& amend_reason,
                                 const std::string& folder);

// "2026-03-14T10:02:00Z" -> "2026-03-14": the day, as reports give it.
std::string DayOf(const std::string& at);

}  // namespace weighbridge::workspace
