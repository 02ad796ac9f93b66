// Stored decisions and approvals, each logged with an entry whose content is
// exactly the row (DecisionContent, ApprovalContent), so verify can match them.
#pragma once

#include <nlohmann/json.hpp>

#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The audit content of a decision row: every column but audit_seq.
nlohmann::json DecisionContent(const DecisionRecord& record);

// The audit content of an approval row: every column but audit_seq.
nlohmann::json ApprovalContent(long long decision, const std::string& by, const std::string& role,
                               const std::string& note, const std::string& at,
                               const std::string& head_hash);

// Every decision, oldest first, as stored: `who` and `approved_by` are user ids
// (users.h). Workspace::Decisions() shows names instead.
std::vector<DecisionRecord> StoredDecisions(Db& db);

}  // namespace weighbridge::workspace
