// `weighbridge evaluate PATH --format json|markdown [-o FILE] [--allow-incomplete]`
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/framework_dirs.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/load.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct EvaluateArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  bool allow_incomplete = false;
};

int RunEvaluate(const EvaluateArgs& args) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = args.allow_incomplete;
  ProcurementLoad load = LoadProcurement(args.path, options);
  if (!load.procurement) {
    std::cerr << load.diagnostics.ToString() << "nothing was written\n";
    return kExitBadInput;
  }
  Decision decision = Evaluate(*load.procurement);
  std::string text = args.format == "json" ? RenderJson(*load.procurement, decision)
                                           : RenderMarkdown(*load.procurement, decision);
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
  command->callback([args, &run] { run = [args] { return RunEvaluate(*args); }; });
}

}  // namespace weighbridge::cli
