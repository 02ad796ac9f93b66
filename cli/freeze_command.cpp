// `weighbridge freeze DIR --note TEXT [--by NAME]` and
// `weighbridge freeze DIR --amend --reason TEXT [--by NAME]`: fixing the
// method before scoring, and amending it with a reason (docs/workspace.md).
#include <iostream>

#include "cli/amend_options.h"
#include "cli/framework_dirs.h"
#include "cli/workspace_commands.h"
#include "cli/workspace_evaluate.h"
#include "weighbridge/plain_list.h"
#include "weighbridge/published_shares.h"

namespace weighbridge::cli {
namespace {

struct FreezeArgs {
  std::string dir;
  std::string note;
  bool amend = false;
  std::string reason;
  std::string by;
};

void PrintWeights(const FreezeOutcome& outcome) {
  std::cerr << "the weights as published, used exactly from now on (they add up to 100%):\n";
  for (const auto& [leaf, tenths] : outcome.weights) {
    std::cerr << "  " << leaf << ": " << TenthsPercent(tenths) << "\n";
  }
}

// An amendment recorded while the folder's files were imported, or by Freeze.
void PrintAmendment(const MethodAmendment& amendment) {
  std::cerr << "weighbridge: the method is amended (" << amendment.reason
            << "): " << JoinPlainList(amendment.changed) << "\nthe method's hash was "
            << amendment.old_method_hash << " and is now " << amendment.method_hash << "\n";
}

int RunFreeze(const FreezeArgs& args) {
  if (!AmendArgsFit(args.amend, args.reason)) return kExitBadInput;
  if (!args.amend && args.note.empty()) {
    std::cerr << "--note: error: say what fixes the method, e.g. --note \"Published with the "
                 "tender on 3 March\"\nnothing was written\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  const Actor actor = CurrentActor(args.by);
  const std::optional<std::string> reason = AmendReason(args.amend, args.reason);
  FreezeOutcome outcome;
  const std::optional<MethodFreeze> before = workspace->Frozen();
  if (before && !args.amend) {
    // Refused with the date and how to amend; the folder is not imported.
    int code = ReportStatus(workspace->Freeze(args.note, reason, FrameworkDirs(), actor, outcome));
    std::cerr << "nothing was written\n";
    return code;
  }
  // The folder's own files first, as evaluate does; scores are not part of
  // the method, so scores.toml waits for evaluate, after the freeze.
  std::vector<std::filesystem::path> files;
  for (const auto& file : FolderFiles(args.dir)) {
    if (file.filename() != "scores.toml") files.push_back(file);
  }
  int changed = 0;
  WorkspaceStatus status = workspace->Import(files, FrameworkDirs(), actor, changed,
                                             /*keep_later_changes=*/true, reason);
  if (status.ok()) status = workspace->Freeze(args.note, reason, FrameworkDirs(), actor, outcome);
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << (changed > 0 ? "the folder's files were stored in the workspace, but the method "
                                "was not fixed\n"
                              : "nothing was written\n");
    return code;
  }
  if (!args.amend) {
    std::cerr << "weighbridge: the method is fixed (" << args.note << "): " << JoinPlainList(outcome.parts)
              << "\nthe method's hash: " << outcome.method_hash << "\n";
    PrintWeights(outcome);
    std::cerr << "from now on a change to any of these needs --amend --reason TEXT, and every "
                 "report lists it\n";
    return kExitOk;
  }
  const std::optional<MethodFreeze> after = workspace->Frozen();
  const std::size_t earlier = before ? before->amendments.size() : 0;
  if (!after || after->amendments.size() == earlier) {
    std::cerr << "weighbridge: the method has not changed since it was fixed (its hash is still "
              << outcome.method_hash << "): nothing to amend\n";
    return kExitOk;
  }
  for (std::size_t i = earlier; i < after->amendments.size(); ++i) {
    PrintAmendment(after->amendments[i]);
  }
  PrintWeights(outcome);
  return kExitOk;
}

}  // namespace

void AddFreezeCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<FreezeArgs>();
  CLI::App* command = app.add_subcommand(
      "freeze",
      "Fix the method before scoring: criteria, scale, published weights, rules and settings");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--note", args->note,
                      "What fixes it, e.g. \"Published with the tender on 3 March\"");
  AddAmendOptions(*command, args->amend, args->reason);
  command->add_option("--by", args->by, "Who fixes it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunFreeze(*args); }; });
}

}  // namespace weighbridge::cli
