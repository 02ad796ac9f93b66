// The sub-commands of the `weighbridge` executable. Each Add* function
// registers its options on `app` and sets `run` to the action that returns the
// process's exit code (see docs/cli.md): 0 success, 2 bad input or usage,
// 3 I/O failure.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace weighbridge::cli {

using Action = std::function<int()>;

void AddEvaluateCommand(CLI::App& app, Action& run);
void AddCheckCommand(CLI::App& app, Action& run);
void AddFrameworksCommand(CLI::App& app, Action& run);
void AddFeedbackCommand(CLI::App& app, Action& run);
void AddRulesCommand(CLI::App& app, Action& run);
void AddWhyCommand(CLI::App& app, Action& run);
void AddExportCommand(CLI::App& app, Action& run);
void AddMethodologyCommand(CLI::App& app, Action& run);
void AddReportCommand(CLI::App& app, Action& run);
void AddWorkspaceCommands(CLI::App& app, Action& run);  // cli/workspace_commands.h

// Exit codes, as ARCHITECTURE.md sets them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitIo = 3;

}  // namespace weighbridge::cli
