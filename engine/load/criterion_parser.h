// One [[criterion]] table, from a framework or a procurement's local criteria.
#pragma once

#include <optional>

#include "engine/load/toml_table.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// Reads id, parent, title, question, guidance, assess, evidence and value,
// reporting problems with the table itself. Whether parents exist and the
// tree's shape are checked later, by CheckTree(). Returns nullopt when the
// criterion is unusable (no id).
std::optional<Criterion> ParseCriterion(const toml::table& table, const SourceFile& file,
                                        Diagnostics& diagnostics);

// Ids no criterion may take: they name parts of every tree or result.
bool IsReservedId(const std::string& id);

}  // namespace weighbridge
