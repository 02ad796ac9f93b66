// The procurement as it would stand after a change, loaded with the engine's
// own loader from the latest submissions written out as a folder: how an
// import and a removal check a change before they store anything.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "weighbridge/load.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

struct StandingLoad {
  ProcurementLoad load;
  // load.diagnostics with their positions mapped back to the files the
  // submissions came from.
  Diagnostics diagnostics;
};

// Loads `whole` (every latest submission, the change applied) after leaving
// out what `remove` withdrew, scores still to come allowed; a framework named
// by id is looked for in the workspace's own copy first, then in
// `framework_dirs`. Nothing when `whole` holds no procurement.toml.
std::optional<StandingLoad> LoadAsItWouldStand(
    const std::vector<Submission>& whole, const std::vector<std::filesystem::path>& framework_dirs);

}  // namespace weighbridge::workspace
