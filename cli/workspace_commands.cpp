#include "cli/workspace_commands.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace weighbridge::cli {

void AddWorkspaceCommands(CLI::App& app, Action& run) {
  AddInitCommand(app, run);
  AddImportCommand(app, run);
  AddHistoryCommand(app, run);
  AddVerifyCommand(app, run);
  AddApproveCommand(app, run);
  AddModerateCommand(app, run);
  AddScoreCommand(app, run);
  AddRemoveCommand(app, run);
  AddDeclareCommand(app, run);
  AddEraseCommand(app, run);
  AddFreezeCommand(app, run);
  AddWeighCommand(app, run);
  AddExcludeCommand(app, run);
  AddInvestigateCommand(app, run);
  AddScoresCommand(app, run);
  AddInviteCommand(app, run);
  AddRevokeCommand(app, run);
  AddServeCommand(app, run);
}

Actor CurrentActor(const std::string& by) {
  Actor actor;
  actor.who = by;
  for (const char* name : {"WEIGHBRIDGE_USER", "USER", "LOGNAME"}) {
    if (!actor.who.empty()) break;
    if (const char* value = std::getenv(name)) actor.who = value;
  }
  if (actor.who.empty()) actor.who = "unknown";
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  actor.when = text;
  return actor;
}

int ReportStatus(const WorkspaceStatus& status) {
  std::cerr << status.diagnostics.ToString();
  if (!status.message.empty()) std::cerr << "weighbridge: " << status.message << "\n";
  switch (status.code) {
    case WorkspaceCode::kOk:
      return kExitOk;
    case WorkspaceCode::kTampered:
      return kExitTampered;
    case WorkspaceCode::kBadInput:
      return kExitBadInput;
    case WorkspaceCode::kBusy:
    case WorkspaceCode::kIo:
      return kExitIo;
  }
  return kExitIo;
}

std::unique_ptr<Workspace> OpenWorkspaceOrReport(const std::string& dir, int& exit_code) {
  WorkspaceStatus status;
  std::unique_ptr<Workspace> workspace = Workspace::Open(WorkspaceFile(dir), status, {});
  exit_code = ReportStatus(status);
  return workspace;
}

}  // namespace weighbridge::cli
