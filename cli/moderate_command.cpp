// `weighbridge moderate DIR` lists the spreads of scores that need
// moderation; `weighbridge moderate DIR --candidate C --criterion K --value V
// --note TEXT` records the consensus agreed for one of them.
#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/record_submission.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"
#include "weighbridge/evaluate.h"

namespace weighbridge::cli {
namespace {

struct ModerateArgs {
  std::string dir;
  std::string candidate;
  std::string criterion;
  std::optional<double> value;
  std::string note;
  std::string by;
};

// The latest inputs, loaded with missing scores allowed; nothing when they do
// not load (the problems are printed).
std::optional<Procurement> LoadHeld(Workspace& workspace, int& exit_code) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = true;
  ProcurementLoad load;
  WorkspaceStatus status = workspace.LoadInputs(options, load);
  status.diagnostics.Append(load.diagnostics);
  exit_code = ReportStatus(status);
  return std::move(load.procurement);
}

int List(Workspace& workspace) {
  int exit_code = kExitOk;
  std::optional<Procurement> procurement = LoadHeld(workspace, exit_code);
  if (!procurement) return exit_code;
  EvaluateOptions options;
  options.sensitivity.enabled = false;  // only the spreads are wanted
  Decision decision = Evaluate(*procurement, options);
  if (decision.moderation.empty()) {
    std::cout << "no spread of scores needs moderation\n";
    return kExitOk;
  }
  for (const ModerationNeed& need : decision.moderation) {
    std::cout << need.candidate << " on " << need.criterion << ": ";
    for (std::size_t i = 0; i < need.scores.size(); ++i) {
      std::cout << (i ? ", " : "") << need.scores[i].first << " "
                << TomlNumber(need.scores[i].second);
    }
    std::cout << " (" << TomlNumber(need.spread) << " apart)\n";
  }
  return kExitOk;
}

int Record(Workspace& workspace, const ModerateArgs& args) {
  int exit_code = kExitOk;
  std::optional<Procurement> before = LoadHeld(workspace, exit_code);
  if (!before) return exit_code;
  std::string text = "[[consensus]]\ncandidate = " + TomlString(args.candidate) +
                     "\ncriterion = " + TomlString(args.criterion) +
                     "\nvalue = " + TomlNumber(*args.value) + "\nnote = " + TomlString(args.note) +
                     "\n";
  int changed = 0;
  if (int code = RecordText(workspace, "(moderate)", text, args.by, changed)) return code;
  if (changed == 0) {
    std::cout << "nothing changed: this consensus was recorded already\n";
    return kExitOk;
  }
  std::cout << "recorded the consensus for " << args.candidate << " on " << args.criterion << ": "
            << TomlNumber(*args.value) << "\n";
  // Every evaluator's own score stays on record; show what the consensus changes.
  for (const Score& score : before->scores) {
    if (score.candidate != args.candidate || score.criterion != args.criterion) continue;
    std::cout << "  " << score.evaluator << " scored " << TomlNumber(score.value) << ": "
              << (score.value == *args.value ? "unchanged" : "now " + TomlNumber(*args.value))
              << "\n";
  }
  return kExitOk;
}

int RunModerate(const ModerateArgs& args) {
  bool recording = !args.candidate.empty() || !args.criterion.empty() || args.value;
  if (recording && (args.candidate.empty() || args.criterion.empty() || !args.value)) {
    std::cerr << "weighbridge: to record a consensus give --candidate, --criterion and --value "
                 "(and --note); with none of them, moderate lists what needs moderation\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  return recording ? Record(*workspace, args) : List(*workspace);
}

}  // namespace

void AddModerateCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ModerateArgs>();
  CLI::App* command = app.add_subcommand(
      "moderate", "List spreads of scores that need moderation, or record an agreed consensus");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--candidate", args->candidate, "The candidate the consensus is for");
  command->add_option("--criterion", args->criterion, "The criterion the consensus is for");
  command->add_option("--value", args->value, "The agreed score, on the framework's scale");
  command->add_option("--note", args->note, "What was agreed, when and why");
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunModerate(*args); }; });
}

}  // namespace weighbridge::cli
