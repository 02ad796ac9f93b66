// `weighbridge exclude DIR --candidate C --ground TEXT --reason TEXT`:
// records the authority's exclusion of a bid ([candidate.exclusion]) as a new
// version of that candidate, checked like an import; the built-in rule
// `exclusion` then fails for it.
#include <iostream>

#include "cli/record_submission.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct ExcludeArgs {
  std::string dir;
  std::string candidate;
  std::string ground;
  std::string reason;
  std::string by;
};

int RunExclude(const ExcludeArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  std::string table = "[candidate.exclusion]\nground = " + TomlString(args.ground) +
                      "\nreason = " + TomlString(args.reason) + "\n";
  if (int code =
          AddToCandidate(*workspace, args.candidate, "exclusion", table, "(exclude)", args.by)) {
    return code;
  }
  std::cout << "recorded the exclusion of " << args.candidate << " (" << args.ground
            << "); it cannot be ranked, and its scores stay on record\n";
  return kExitOk;
}

}  // namespace

void AddExcludeCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ExcludeArgs>();
  CLI::App* command =
      app.add_subcommand("exclude", "Record that the authority excluded a bid, and why");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--candidate", args->candidate, "The candidate excluded")->required();
  command->add_option("--ground", args->ground, "The ground, e.g. \"Late submission\"")->required();
  command->add_option("--reason", args->reason, "What happened, in plain words")->required();
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunExclude(*args); }; });
}

}  // namespace weighbridge::cli
