// Conflict-of-interest declarations in the workspace: the `declaration` rows,
// each exactly the content of its `declare` entry, with the text kept apart in
// the erasable person table (people.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "weighbridge/declarations.h"
#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The audit content of a declaration row: every column but audit_seq; a
// missing supplier or hash is null.
nlohmann::json DeclarationContent(const std::string& person, const std::string& role,
                                  const std::optional<std::string>& interest,
                                  const std::optional<std::string>& text_sha256,
                                  const std::optional<std::string>& name_sha256);

// What each person had declared before audit entry `before_seq`, for the
// engine: people in order of their first declaration, roles and suppliers sorted.
std::vector<PersonDeclarations> ReadDeclarations(Db& db, long long before_seq);

}  // namespace weighbridge::workspace
