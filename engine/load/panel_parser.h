// panel.toml: stakeholder groups, members and their weighting judgements.
#pragma once

#include "engine/load/source_file.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Parses and checks the panel. `tree` may be null when the criteria could not
// be loaded; then judgements are checked only for their own shape.
Panel ParsePanel(const SourceFile& file, const CriteriaTree* tree, Diagnostics& diagnostics);

}  // namespace weighbridge
