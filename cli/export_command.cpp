// `weighbridge export PATH --format csv [-o FILE] [--allow-incomplete]`: the
// evaluation matrix, for a spreadsheet.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct ExportArgs {
  std::string path;
  std::string format;
  std::string output;
  bool allow_incomplete = false;
};

int RunExport(const ExportArgs& args) {
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  // The matrix holds scores and contributions only, not the robustness
  // analysis, which would cost time and change nothing here.
  EvaluateOptions evaluate;
  evaluate.sensitivity.enabled = false;
  const Decision decision = Evaluate(*procurement, evaluate);
  return WriteOutput(args.output, RenderCsv(*procurement, decision)) ? kExitOk : kExitIo;
}

}  // namespace

void AddExportCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = app.add_subcommand(
      "export", "Write the evaluation matrix (every candidate's scores and points) as CSV");
  command->add_option("path", args->path, "The procurement folder")->required();
  // Only CSV for now; the option is required so that later formats can be
  // added without changing what a command line means.
  command->add_option("--format", args->format, "csv")->required()->check(CLI::IsMember({"csv"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0, as evaluate does");
  command->callback([args, &run] { run = [args] { return RunExport(*args); }; });
}

}  // namespace weighbridge::cli
