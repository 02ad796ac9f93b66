// procurement.toml's [panel]: how the panel's judgements are combined.
#pragma once

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Reads `within_group` and `exclude_cr_above` from the [panel] table into
// `options`, reporting unknown keys and values out of range.
void ParsePanelOptions(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
                       PanelOptions& options);

}  // namespace weighbridge
