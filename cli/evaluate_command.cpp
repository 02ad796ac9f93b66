// `weighbridge evaluate PATH --format json|markdown [-o FILE] [--allow-incomplete]`
#include <iostream>
#include <memory>

#include "cli/amend_options.h"
#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "cli/robustness_options.h"
#include "cli/workspace_evaluate.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct EvaluateArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  bool allow_incomplete = false;
  SensitivityOptions sensitivity;  // --weights, --samples, --seed, --fixed-scores, --threads
  bool amend = false;              // --amend: with a workspace, a change to the fixed method
  std::string reason;              // --reason: why
};

int RunEvaluate(const EvaluateArgs& args) {
  if (!AmendArgsFit(args.amend, args.reason)) return kExitBadInput;
  if (HasWorkspace(args.path)) {
    return EvaluateWorkspace(args.path, args.allow_incomplete, args.sensitivity, args.format,
                             args.output, AmendReason(args.amend, args.reason));
  }
  if (args.amend) {
    std::cerr << "--amend: error: " << args.path
              << " has no workspace, so no method was fixed to amend\nnothing was written\n";
    return kExitBadInput;
  }
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  if (!RobustnessOptionsFit(*procurement, args.sensitivity)) return kExitBadInput;
  EvaluateOptions evaluate;
  evaluate.sensitivity = args.sensitivity;
  Decision decision = Evaluate(*procurement, evaluate);
  std::string text = args.format == "json" ? RenderJson(*procurement, decision)
                                           : RenderMarkdown(*procurement, decision, WEIGHBRIDGE_VERSION);
  return WriteOutput(args.output, text) ? kExitOk : kExitIo;
}

}  // namespace

void AddEvaluateCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* command =
      app.add_subcommand("evaluate", "Weigh, score and rank the candidates of a procurement folder");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("--format", args->format, "json (the machine contract) or markdown (the report)")
      ->check(CLI::IsMember({"json", "markdown"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0 and mark the candidate incomplete");
  AddRobustnessOptions(*command, args->sensitivity);
  AddAmendOptions(*command, args->amend, args->reason);
  command->callback([args, &run] { run = [args] { return RunEvaluate(*args); }; });
}

}  // namespace weighbridge::cli
