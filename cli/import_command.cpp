// `weighbridge import DIR FILE... [--by NAME] [--amend --reason TEXT]`
#include <iostream>

#include "cli/amend_options.h"
#include "cli/framework_dirs.h"
#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct ImportArgs {
  std::string dir;
  std::vector<std::string> files;
  std::string by;
  bool amend = false;  // --amend: a change to the fixed method is meant
  std::string reason;  // --reason: why
};

int RunImport(const ImportArgs& args) {
  if (!AmendArgsFit(args.amend, args.reason)) return kExitBadInput;
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  std::vector<std::filesystem::path> files(args.files.begin(), args.files.end());
  int changed = 0;
  WorkspaceStatus status =
      workspace->Import(files, FrameworkDirs(), CurrentActor(args.by), changed,
                        /*keep_later_changes=*/false, AmendReason(args.amend, args.reason));
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << "nothing was stored\n";
    return code;
  }
  if (changed == 0) {
    std::cout << "nothing changed: everything in these files was stored already\n";
  } else {
    std::cout << "stored " << changed << (changed == 1 ? " new submission" : " new submissions")
              << "; weighbridge history lists them\n";
  }
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* command = app.add_subcommand(
      "import",
      "Store candidates, panel judgements and scores from TOML files (or panel.csv) in the "
      "workspace");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command
      ->add_option("files", args->files,
                   "TOML files (candidates, panel, scores, procurement.toml) or a panel CSV "
                   "(a file ending in .csv)")
      ->required();
  command->add_option("--by", args->by, "Who is importing (default: your user name)");
  AddAmendOptions(*command, args->amend, args->reason);
  command->callback([args, &run] { run = [args] { return RunImport(*args); }; });
}

}  // namespace weighbridge::cli
