// `weighbridge declare DIR --person ID --role evaluator|member [--name TEXT]
//  (--none | --interest SUPPLIER --text TEXT)`
#include <iostream>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct DeclareArgs {
  std::string dir;
  DeclarationInput declaration;
  std::string interest;
  bool none = false;
  std::string by;
};

int RunDeclare(DeclareArgs args) {
  // Checked here rather than by CLI11, so that the message says what to do.
  if (args.none == !args.interest.empty()) {
    std::cerr << "weighbridge: "
              << (args.none ? "give either --none or --interest SUPPLIER, not both: declare each "
                              "interest on its own, and --none only when there is none"
                            : "say what is declared: --none, or --interest SUPPLIER with --text")
              << "\nnothing was written\n";
    return kExitBadInput;
  }
  if (!args.none) {
    // " CareLink Ltd" as typed names the supplier "CareLink Ltd".
    const auto first = args.interest.find_first_not_of(" \t");
    const auto last = args.interest.find_last_not_of(" \t");
    args.declaration.interest =
        first == std::string::npos ? "" : args.interest.substr(first, last - first + 1);
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  bool changed = false;
  WorkspaceStatus status = workspace->Declare(args.declaration, CurrentActor(args.by), changed);
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << "nothing was written\n";
    return code;
  }
  const DeclarationInput& d = args.declaration;
  if (!changed) {
    std::cout << "this declaration by " << d.person << " is recorded already; nothing changed\n";
  } else if (d.interest) {
    std::cout << d.person << " (" << d.role << ") declared an interest in " << *d.interest
              << (d.role == "evaluator" ? "; their scores of its products will be flagged"
                                        : "; it will be listed")
              << " in every report made from the workspace\n";
  } else {
    std::cout << d.person << " (" << d.role << ") declared no interests\n";
  }
  return kExitOk;
}

}  // namespace

void AddDeclareCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<DeclareArgs>();
  CLI::App* command = app.add_subcommand(
      "declare",
      "Record a conflict-of-interest declaration by an evaluator or panel member (Procurement Act "
      "2023 s.81). The text and name are kept erasable, outside the log");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--person", args->declaration.person,
                      "The person's id, as in the scores or the panel (a pseudonym)")
      ->required();
  command->add_option("--role", args->declaration.role,
                      "evaluator (scores the bids) or member (weighs the criteria on the panel)")
      ->required();
  command->add_option("--name", args->declaration.name,
                      "The person's name, if it should be recorded (erasable)");
  command->add_flag("--none", args->none, "They have no interest in any supplier");
  command->add_option("--interest", args->interest,
                      "A supplier they have an interest in, as the candidates name it");
  command->add_option("--text", args->declaration.text,
                      "What the interest is (erasable; only its salted hash is logged)");
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->footer(
      "Declare each supplier separately; a person may declare several, or --none. Scores by an "
      "evaluator with no declaration, or with an interest in a candidate's supplier, are "
      "flagged in every report made from the workspace.");
  command->callback([args, &run] { run = [args] { return RunDeclare(*args); }; });
}

}  // namespace weighbridge::cli
