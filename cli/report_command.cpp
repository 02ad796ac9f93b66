// `weighbridge report PATH --format markdown|html [-o FILE]`: the full
// justification report, for the people who sign, weigh and bid.
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "cli/robustness_options.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct ReportArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  bool allow_incomplete = false;
  SensitivityOptions sensitivity;  // --weights, --samples, --seed, --fixed-scores, --threads
};

int RunReport(const ReportArgs& args) {
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  if (!RobustnessOptionsFit(*procurement, args.sensitivity)) return kExitBadInput;
  EvaluateOptions evaluate;
  evaluate.sensitivity = args.sensitivity;
  const Decision decision = Evaluate(*procurement, evaluate);
  return WriteOutput(args.output, RenderMarkdown(*procurement, decision)) ? kExitOk : kExitIo;
}

}  // namespace

void AddReportCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* command = app.add_subcommand(
      "report", "Write the justification report for the people who sign, weigh and bid");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("--format", args->format, "markdown (the default)")
      ->check(CLI::IsMember({"markdown"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0 and mark the candidate incomplete");
  AddRobustnessOptions(*command, args->sensitivity);
  command->callback([args, &run] { run = [args] { return RunReport(*args); }; });
}

}  // namespace weighbridge::cli
