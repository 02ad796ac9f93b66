// `weighbridge evaluate DIR` when DIR holds a workspace (DIR/weighbridge.db):
// the folder's TOML is imported first, what the workspace then holds is
// evaluated, and the decision is stored (docs/workspace.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "weighbridge/sensitivity.h"

namespace weighbridge::cli {

// The folder's own TOML, in the loader's layout: procurement.toml, then
// candidates/*.toml, candidates.toml, panel.toml and scores.toml where they
// exist. Named the same way each time ("cms" and "./cms" alike), so that an
// unchanged file is recognised as the one imported before.
std::vector<std::filesystem::path> FolderFiles(const std::filesystem::path& folder);

// Whether `dir` holds a workspace file (whatever is in it: opening it decides).
bool HasWorkspace(const std::string& dir);

// Imports, evaluates, writes the report like evaluate does (`format` json or
// markdown to `output`), and stores the decision. Returns the exit code.
// `amend_reason` (--amend --reason) lets the import change the fixed method.
int EvaluateWorkspace(const std::string& dir, bool allow_incomplete,
                      const SensitivityOptions& sensitivity, const std::string& format,
                      const std::string& output,
                      const std::optional<std::string>& amend_reason = std::nullopt);

}  // namespace weighbridge::cli
