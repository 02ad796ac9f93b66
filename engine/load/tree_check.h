// Checks a list of criteria forms a proper tree, using Boost.Graph: ids are
// unique, parents exist, there are no cycles, leaves say how they are
// assessed and branches do not.
#pragma once

#include <optional>
#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// `files` lets diagnostics quote the line a criterion was declared on; a
// criterion whose file is not among them is reported without a quote.
// Returns the tree when there is no problem, nullopt otherwise.
std::optional<CriteriaTree> CheckTree(const std::vector<Criterion>& criteria,
                                      const std::vector<const SourceFile*>& files,
                                      Diagnostics& diagnostics);

}  // namespace weighbridge
