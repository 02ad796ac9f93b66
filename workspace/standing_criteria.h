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

  // Keeps `procurement`, loaded whole from `db`, as standing at `stamp`,
  // read before it was loaded (or, inside a write transaction, after the
  // writes that made it). Not kept once any judgements came from panel.csv:
  // the loader checks those against the TOML ones, which a check of one
  // member's tables alone cannot.
  void Keep(Db& db, const Procurement& procurement, const Workspace::CriteriaStamp& stamp);

  // Inside the caller's write transaction, which it commits on success:
  // stores `incoming` when every submission is a member's judgements from
  // panel.toml, no amendment is asked for, and the kept procurement still
  // stands. The same checks as a whole import, in the same words: unchanged
  // answers store nothing; after the freeze, judgements are refused; each
  // member's tables are checked against the kept criteria and members.
  // Nothing, having done nothing, when it does not apply: then the caller
  // checks by loading everything.
  std::optional<WorkspaceStatus> Import(Db& db, WriteTransaction& transaction,
                                        const std::vector<Submission>& incoming,
                                        const Actor& actor, const std::string& command_folder,
                                        int& changed);

 private:
  std::shared_ptr<const Procurement> kept_;
  Workspace::CriteriaStamp kept_stamp_;
  std::int64_t judgement_changes_ = 0;  // rows Import has written on this connection
};

}  // namespace weighbridge::workspace
