// `weighbridge approve DIR --decision N --by NAME --role ROLE [--note TEXT]`
#include <iostream>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct ApproveArgs {
  std::string dir;
  long long decision = 0;
  std::string by;
  std::string role;
  std::string note;
};

int RunApprove(const ApproveArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  WorkspaceStatus status =
      workspace->Approve(args.decision, args.role, args.note, CurrentActor(args.by));
  if (!status.ok()) return ReportStatus(status);
  std::cout << "decision " << args.decision << " is approved by " << args.by << " (" << args.role
            << ")\n";
  return kExitOk;
}

}  // namespace

void AddApproveCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ApproveArgs>();
  CLI::App* command =
      app.add_subcommand("approve", "Sign off a stored decision; once approved it cannot change");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--decision", args->decision, "The decision's number (weighbridge history)")
      ->required()
      ->check(CLI::PositiveNumber);
  command->add_option("--by", args->by, "Who signs, by name")->required();
  command->add_option("--role", args->role, "Their role, e.g. \"Director of Social Services\"")
      ->required();
  command->add_option("--note", args->note, "A note kept with the approval");
  command->callback([args, &run] { run = [args] { return RunApprove(*args); }; });
}

}  // namespace weighbridge::cli
