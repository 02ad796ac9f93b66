// `weighbridge remove DIR --candidate C | --member M | --evaluator E --reason
// TEXT [--amend]`: withdraws what was imported, keeping it on record
// (docs/workspace.md).
#include <iostream>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct RemoveArgs {
  std::string dir;
  std::string candidate;
  std::string member;
  std::string evaluator;
  std::string reason;
  std::string by;
  bool amend = false;
};

int RunRemove(const RemoveArgs& args) {
  int given = !args.candidate.empty() + !args.member.empty() + !args.evaluator.empty();
  if (given != 1) {
    std::cerr << "remove: error: name one thing to remove: --candidate, --member or --evaluator\n"
                 "nothing was written\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  Workspace::Removal what = Workspace::Removal::kCandidate;
  std::string id = args.candidate;
  std::string words = "candidate " + id + "; the scores and consensus about it no longer count";
  if (!args.member.empty()) {
    what = Workspace::Removal::kMember;
    id = args.member;
    words = "panel member " + id + " and their judgements";
  } else if (!args.evaluator.empty()) {
    what = Workspace::Removal::kEvaluator;
    id = args.evaluator;
    words = "evaluator " + id + "'s scores";
  }
  WorkspaceStatus status =
      workspace->Remove(what, id, args.reason, CurrentActor(args.by), args.amend);
  if (!status.ok()) return ReportStatus(status);
  std::cout << "removed " << words
            << ". Earlier versions stay on record; evaluate again for a new decision\n";
  return kExitOk;
}

}  // namespace

void AddRemoveCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<RemoveArgs>();
  CLI::App* command = app.add_subcommand(
      "remove",
      "Take a candidate, a panel member or an evaluator's scores out of the procurement, "
      "keeping them on record");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--candidate", args->candidate,
                      "A candidate to take out; the scores and consensus about it stop counting");
  command->add_option("--member", args->member,
                      "A panel member to take out, with their judgements");
  command->add_option("--evaluator", args->evaluator, "An evaluator whose scores to take out");
  command->add_option("--reason", args->reason, "Why, in plain words; it is kept in the audit log")
      ->required();
  command->add_option("--by", args->by, "Who removes it (default: your user name)");
  command->add_flag("--amend", args->amend,
                    "Once the method is fixed: allow a removal that changes it (a panel member "
                    "whose judgements count), as an amendment with --reason, listed in every "
                    "later report");
  command->callback([args, &run] { run = [args] { return RunRemove(*args); }; });
}

}  // namespace weighbridge::cli
