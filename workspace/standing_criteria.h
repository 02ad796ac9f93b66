// The procurement as the workspace last loaded it whole, kept so that one
// panel member's changed judgements can be checked without loading everything
// again: the check that lets `weighbridge serve` take many answers a second.
//
// A judgement is checked against the criteria and the panel's members only
// (CheckJudgementTables), and those change only when something other than
// judgements is stored. So the kept procurement serves while nothing else has
// changed, by this connection or another process; its own judgements may be
// older than the latest and are never used.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "weighbridge/procurement.h"
#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

class StandingCriteria {
 public:
  // The workspace's stamp now (Workspace::Stamp): SQLite's data_version, and
  // this connection's changes less those made by Import below.
  Workspace::CriteriaStamp Stamp(Db& db);

  // Keeps `procurement`, loaded whole from `db`, as standing at `stamp`: read
  // before it was loaded, or `in_transaction`, after the writes that made it
  // (then the transaction's Settlement forgets it unless it commits). Not
  // kept once any judgements came from panel.csv: the loader checks those
  // against the TOML ones, which a check of one member's tables alone cannot.
  void Keep(Db& db, const Procurement& procurement, const Workspace::CriteriaStamp& stamp,
            bool in_transaction);

  // Inside the caller's write transaction, watched by a Settlement: stores
  // `incoming` when every submission is a member's judgements from
  // panel.toml and the kept procurement still stands (the caller asks no
  // amendment). The same checks as a whole import, in the same words:
  // unchanged answers store nothing; after the freeze, judgements are
  // refused; each member's tables are checked against the kept criteria and
  // members. Nothing, having done nothing, when it does not apply: then the
  // caller checks by loading everything.
  std::optional<WorkspaceStatus> Import(Db& db, const std::vector<Submission>& incoming,
                                        const Actor& actor, const std::string& command_folder,
                                        int& changed);

  // Made with each write transaction that may Keep or Import: unless told the
  // transaction committed, it forgets what the transaction kept, and the
  // judgements it stored no longer count as judgements (so the stamp moves).
  class Settlement {
   public:
    explicit Settlement(StandingCriteria& standing) : standing_(standing) {}
    ~Settlement();
    Settlement(const Settlement&) = delete;
    Settlement& operator=(const Settlement&) = delete;
    void Committed() { committed_ = true; }

   private:
    StandingCriteria& standing_;
    bool committed_ = false;
  };

 private:
  std::shared_ptr<const Procurement> kept_;
  Workspace::CriteriaStamp kept_stamp_;
  std::int64_t judgement_changes_ = 0;  // rows Import wrote in committed transactions
  std::int64_t pending_changes_ = 0;    // rows Import wrote in the open transaction
  bool kept_in_transaction_ = false;    // Keep was called in the open transaction
};

}  // namespace weighbridge::workspace
