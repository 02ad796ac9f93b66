// --amend and --reason: how import, evaluate and freeze are told that a
// change to the fixed method is meant, and why (docs/workspace.md, "Fix the
// method").
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"

namespace weighbridge::cli {

// Adds --amend and --reason to `command`, with help texts saying what they do.
void AddAmendOptions(CLI::App& command, bool& amend, std::string& reason);

// Whether --amend and --reason were given together, or neither; otherwise
// says on standard error which is missing, and that nothing was written.
bool AmendArgsFit(bool amend, const std::string& reason);

// The reason to pass to Workspace::Import: set only with --amend.
std::optional<std::string> AmendReason(bool amend, const std::string& reason);

}  // namespace weighbridge::cli
