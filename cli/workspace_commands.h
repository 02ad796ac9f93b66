// The workspace's sub-commands (docs/workspace.md): init, import, history,
// verify, approve, moderate and score, each in its own file; and what they share.
#pragma once

#include <memory>
#include <string>

#include "cli/commands.h"
#include "weighbridge/workspace.h"

namespace weighbridge::cli {

// verify found an entry or a record that does not match the log.
inline constexpr int kExitTampered = 1;

void AddInitCommand(CLI::App& app, Action& run);
void AddImportCommand(CLI::App& app, Action& run);
void AddHistoryCommand(CLI::App& app, Action& run);
void AddVerifyCommand(CLI::App& app, Action& run);
void AddApproveCommand(CLI::App& app, Action& run);
void AddModerateCommand(CLI::App& app, Action& run);
void AddScoreCommand(CLI::App& app, Action& run);
void AddRemoveCommand(CLI::App& app, Action& run);
void AddDeclareCommand(CLI::App& app, Action& run);  // declare_command.cpp
void AddEraseCommand(CLI::App& app, Action& run);    // erase_command.cpp
void AddFreezeCommand(CLI::App& app, Action& run);
void AddWeighCommand(CLI::App& app, Action& run);
void AddExcludeCommand(CLI::App& app, Action& run);
void AddInvestigateCommand(CLI::App& app, Action& run);
void AddScoresCommand(CLI::App& app, Action& run);
void AddInviteCommand(CLI::App& app, Action& run);  // invite_command.cpp
void AddRevokeCommand(CLI::App& app, Action& run);  // invite_command.cpp
void AddServeCommand(CLI::App& app, Action& run);   // serve_command.cpp

// Who is writing: `by` when given, else $WEIGHBRIDGE_USER, $USER or $LOGNAME,
// else "unknown"; and the time now, in UTC. The library reads no clock.
Actor CurrentActor(const std::string& by);

// Prints the status's diagnostics and message on standard error (the message
// prefixed "weighbridge: ") and returns the exit code for its code.
int ReportStatus(const WorkspaceStatus& status);

// Opens DIR's workspace, or reports why not and sets `exit_code`.
std::unique_ptr<Workspace> OpenWorkspaceOrReport(const std::string& dir, int& exit_code);

}  // namespace weighbridge::cli
