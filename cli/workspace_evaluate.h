// `weighbridge evaluate DIR` when DIR holds a workspace (DIR/weighbridge.db):
// the folder's TOML is imported first, what the workspace then holds is
// evaluated, and the decision is stored (docs/workspace.md).
#pragma once

#include <string>

#include "weighbridge/sensitivity.h"

namespace weighbridge::cli {

// Whether `dir` holds a workspace file (whatever is in it: opening it decides).
bool HasWorkspace(const std::string& dir);

// Imports, evaluates, writes the report like evaluate does (`format` json or
// markdown to `output`), and stores the decision. Returns the exit code.
int EvaluateWorkspace(const std::string& dir, bool allow_incomplete,
                      const SensitivityOptions& sensitivity, const std::string& format,
                      const std::string& output);

}  // namespace weighbridge::cli
