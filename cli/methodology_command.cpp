// `weighbridge methodology PATH --format markdown [-o FILE]`: the assessment
// methodology to publish with the tender.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct MethodologyArgs {
  std::string path;
  std::string format;
  std::string output;
};

int RunMethodology(const MethodologyArgs& args) {
  // The methodology is published before any bid is scored.
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, true);
  if (!procurement) return kExitBadInput;
  // Only the weights and the panel are read: the robustness analysis would
  // cost time and change nothing here.
  EvaluateOptions evaluate;
  evaluate.sensitivity.enabled = false;
  const Decision decision = Evaluate(*procurement, evaluate);
  return WriteOutput(args.output, RenderMethodology(*procurement, decision)) ? kExitOk
                                                                                  : kExitIo;
}

}  // namespace

void AddMethodologyCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<MethodologyArgs>();
  CLI::App* command = app.add_subcommand(
      "methodology", "Write how bids will be assessed, to publish with the tender");
  command->add_option("path", args->path, "The procurement folder")->required();
  // Only Markdown for now; HTML is to come, so the option is required from
  // the start and a command line keeps its meaning when it arrives.
  command->add_option("--format", args->format, "markdown")
      ->required()
      ->check(CLI::IsMember({"markdown"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->callback([args, &run] { run = [args] { return RunMethodology(*args); }; });
}

}  // namespace weighbridge::cli
