// Personal links to take part from a browser (issue 9; `weighbridge serve`
// is still to come): each invitation lets one person in, as a panel member,
// an evaluator or a facilitator, until it is revoked or expires. The workspace
// keeps only the SHA-256 of each link's random token, so that a copy of the
// file opens nothing (docs/workspace.md, "Invite people to take part").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The audit content of an invitation row: every column but audit_seq.
nlohmann::json InvitationContent(long long number, const std::string& token_sha256,
                                 const std::string& role, const std::string& person,
                                 const std::optional<std::string>& expires, const std::string& at);

// The audit content of a revocation row: every column but audit_seq.
nlohmann::json RevocationContent(long long invitation, const std::string& at);

// verify's check: every invitation and revocation is the one its entry
// logged, and none was deleted. A message naming the first that is not.
std::optional<std::string> CheckInvitations(Db& db);

}  // namespace weighbridge::workspace
