// The keys of whole-life costing and price: procurement.toml's [costs] and
// [price] tables and the `budget` and `tie_break` keys of [procurement], and
// each candidate's [candidate.costs]. Each reader checks only what it sees;
// what needs other files (the term, which candidates gave costs, criterion
// ids) is checked by CheckCosts() (cost_check.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/load/toml_table.h"
#include "weighbridge/costs.h"

namespace weighbridge {

// [candidate.costs] of candidate `candidate_id`: one_off, annual,
// per_user_annual and exit tables of category = amount, and a periodic list
// of { category, amount, every_years }. Every amount must be 0 or more and
// every category one of the fixed list (with a suggestion when misspelt).
// A line that is unusable is reported and left out, and refused_lines set.
CandidateCosts ParseCandidateCosts(const toml::table& table, const SourceFile& file,
                                   Diagnostics& diagnostics, const std::string& candidate_id);

// procurement.toml's [costs]; defaults when `table` is null.
CostSettings ParseCostSettings(const toml::table* table, const SourceFile& file,
                               Diagnostics& diagnostics);

// procurement.toml's [price]; defaults (share 0) when `table` is null.
PriceSettings ParsePriceSettings(const toml::table* table, const SourceFile& file,
                                 Diagnostics& diagnostics);

// `budget` of [procurement]: a number above 0, or nullopt when absent or bad.
std::optional<double> ParseBudget(TomlTable& header);

// `tie_break` of [procurement]: a list of "quality", "price" or
// "criterion:<id>", each at most once. Whether <id> is a criterion is
// checked later, against the whole tree.
std::vector<TieBreakStep> ParseTieBreak(TomlTable& header);

}  // namespace weighbridge
