// procurement.toml's [smaa]: how the robustness analysis draws weights and
// scores (docs/formats.md, "[smaa]").
#pragma once

#include <vector>

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// Reads `weights`, `samples`, `seed`, `scores` and the [smaa.bounds] table
// into `settings`, reporting unknown keys and values out of range. Bound
// ids are checked against the tree later (CheckSmaaBounds).
void ParseSmaa(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
               SmaaSettings& settings);

// Every bound must name a leaf criterion (not price), and the lowest weights
// must not add up to more than 1.
void CheckSmaaBounds(const SmaaSettings& settings, const CriteriaTree& tree,
                     const std::vector<const SourceFile*>& files, Diagnostics& diagnostics);

}  // namespace weighbridge
