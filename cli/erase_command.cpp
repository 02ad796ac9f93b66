// `weighbridge erase DIR --person ID`
#include <iostream>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct EraseArgs {
  std::string dir;
  std::string person;
  std::string by;
};

int RunErase(const EraseArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  WorkspaceStatus status = workspace->Erase(args.person, CurrentActor(args.by));
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << "nothing was written\n";
    return code;
  }
  std::cout << "the personal data of " << args.person
            << " (name, contact details and declarations' text) is erased; the log keeps their "
               "id and the date of the erasure. Remove them from your own copies of the files "
               "too\n";
  return kExitOk;
}

}  // namespace

void AddEraseCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<EraseArgs>();
  CLI::App* command = app.add_subcommand(
      "erase", "Erase a person's personal data from the workspace (UK GDPR); verify still passes");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command
      ->add_option("--person", args->person,
                   "The person's id: a member's or evaluator's, or a user's such as user:2 "
                   "(history shows each user's id beside their name)")
      ->required();
  command->add_option("--by", args->by, "Who erases it (default: your user name)");
  command->footer(
      "Deletes the person's name, the text of their declarations and the salt that ties them "
      "to the hashes in the log, in one step. The log records the erasure with their id and "
      "the date only. Their scores and judgements stay: they are the decision's record.");
  command->callback([args, &run] { run = [args] { return RunErase(*args); }; });
}

}  // namespace weighbridge::cli
